package org.leverdesk.app.desktop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.leverdesk.app.context.AppContext;
import org.leverdesk.app.context.LiveStrategies;
import org.leverdesk.app.context.TradingRuntime;
import org.leverdesk.config.AppConfig;
import org.leverdesk.config.ConfigFile;
import org.leverdesk.config.Secrets;
import org.leverdesk.config.StrategySettings;
import org.leverdesk.market.calendar.NyseCalendar;
import org.leverdesk.notify.NotifyOptions;
import org.leverdesk.schedule.SimulatedClock;
import org.leverdesk.ui.AppServices;
import org.leverdesk.ui.FxTest;
import org.leverdesk.ui.Snapshots;
import org.leverdesk.ui.common.FxTaskExecutor;
import org.leverdesk.ui.shell.MainWindow;
import org.leverdesk.ui.shell.NavItem;
import org.leverdesk.ui.shell.Theme;
import org.leverdesk.ui.shell.ThemeManager;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Every view of the real window, after a real paper run on the demo market, in the light and the dark
 * theme at 1024×700 and 1600×1000 ({@code <view>-<theme>-<size>.png}, the README's screenshots with
 * {@code -Dleverdesk.snapshot.dir=docs/screenshots}); on the way, the menu's shortcuts: Ctrl+number
 * switches views, Ctrl+Shift+L switches the theme, F1 lists every shortcut.
 */
@FxTest
class WorkstationScreenshotsFxTest {
    private static final List<int[]> SIZES = List.of(new int[] {1024, 700}, new int[] {1600, 1000});
    /** Per view, the parts that must show every text whole at 1024×700 (each was cut before). */
    private static final Map<String, List<String>> MUST_FIT = Map.of(
            "Backtest", List.of(".backtest-toolbar", "#modeLabel", "#dataSourceLabel", "#formPanel"),
            "Regime", List.of("#gatesTable", ".order-card", "#daySignalsTable", "#dayTitleLabel"),
            "Rotation", List.of("#rankingBox", "#planTable"),
            "Orders", List.of("#openOrdersTable"),
            "Chart", List.of("#watchlist", "#modeLabel", "#dataSourceLabel"),
            "Research", List.of("#planLabel", "#strategyBox", "#metricBox", "#parametersPane"),
            "Journal", List.of("#journalView"),
            "Settings", List.of("#groupsBox"));
    @TempDir
    Path dir;
    private final FxTaskExecutor executor = new FxTaskExecutor();
    private AppContext app;
    private TradingRuntime runtime;

    @Start
    void start(Stage stage) {
        // built in the test (a real paper run first)
    }

    @AfterEach
    void close() {
        executor.close();
        if (runtime != null) {
            runtime.close();
        }
        if (app != null) {
            app.close();
        }
    }

    @Test
    void everyViewInBothThemesAtBothSizes(FxRobot robot) throws Exception {
        app = AppContext.open(dir.resolve("data"), null, 0, true);
        NyseCalendar calendar = new NyseCalendar();
        LocalDate lastBar = app.marketData().barsUpTo("TQQQ", LocalDate.now(NyseCalendar.ZONE)).lastDate();
        LocalDate session = calendar.nextTradingDay(lastBar);
        Instant at = SimulatedClock.et(session + "T15:50:00");
        AppConfig config = AppConfig.defaults()
                .withStrategy(new StrategySettings("regime", true, 0.5, Map.of(), null))
                .withStrategy(new StrategySettings("monthly-rebalance", true, 0.3, Map.of("allocation", "20000", "symbol", "QQQM"), null));
        ConfigFile configFile = new ConfigFile(dir.resolve("config").resolve("config.json"));
        configFile.save(config);
        Secrets secrets = new Secrets(dir.resolve("secrets.properties"), Map.of());
        runtime = TradingRuntime.open(app, config, secrets, new SimulatedClock(at, at.plusSeconds(3600)), null, NotifyOptions.defaults());
        var atStart = runtime.execution().reconcile();
        config.enabledStrategies().forEach(s -> runtime.execution().run(LiveStrategies.run(s, app.strategyVersions()), false));
        Clock clock = Clock.fixed(at, NyseCalendar.ZONE);
        // the window's own wiring: the Regime and Rotation views sized against the paper account the run left
        AppServices services = DesktopLauncher.services(app, configFile, secrets, config, runtime)
                .withTrading(RuntimeBindings.trading(app, config, runtime, () -> atStart, clock));
        ThemeManager themes = new ThemeManager(configFile.path().getParent());
        // each view's first opening as the window logs it ("Regime view open in 180 ms"), printed at the end for the README
        ch.qos.logback.classic.Logger timing = (ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(
                org.leverdesk.ui.common.ViewTiming.class);
        ch.qos.logback.core.read.ListAppender<ch.qos.logback.classic.spi.ILoggingEvent> opened = new ch.qos.logback.core.read.ListAppender<>();
        opened.start();
        timing.setLevel(ch.qos.logback.classic.Level.INFO);
        timing.addAppender(opened);
        Stage[] window = new Stage[1];
        robot.interact(() -> {
            Stage stage = new Stage();
            Scene scene = new Scene(MainWindow.create(services, executor, clock, themes), 1024, 700);
            scene.getStylesheets().add(MainWindow.STYLESHEET);
            stage.setScene(scene);
            stage.show();
            window[0] = stage;
        });
        ListView<NavItem> nav = robot.lookup("#navigation").queryAs(ListView.class);
        List<String> views = nav.getItems().stream().map(NavItem::title).toList();
        assertEquals(List.of("Dashboard", "Backtest", "Research", "Strategies", "Chart", "Options", "Regime", "Rotation", "Orders", "Journal", "Data",
                "Settings"), views);

        // Ctrl+5 shows the fifth view; F1 lists the shortcuts; Ctrl+Shift+L switches to the dark theme and back.
        shortcut(window[0], KeyCode.DIGIT5, false, true);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("Chart", nav.getSelectionModel().getSelectedItem().title());
        shortcut(window[0], KeyCode.F1, false, false);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#shortcutTable").tryQuery().isPresent());
        Node table = robot.lookup("#shortcutTable").query();
        assertTrue(robot.from(table).lookup((Label l) -> "Ctrl+Shift+X".equals(l.getText())).tryQuery().isPresent());
        robot.interact(() -> ((Stage) table.getScene().getWindow()).close());
        robot.interact(() -> window[0].requestFocus());
        robot.clickOn(nav);
        // on a loaded machine the main window takes a moment to get the keyboard back from the closed dialog
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> window[0].isFocused());
        // the key event straight into the window: with the X keyboard, a theme switch that takes the loaded machine
        // longer than the auto-repeat delay turned the held L into dozens of switches
        shortcut(window[0], KeyCode.L, true, true);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> window[0].getScene().getRoot().getStyleClass().contains("theme-dark"));
        assertEquals(Theme.PRIMER_DARK, new ThemeManager(configFile.path().getParent()).theme(), "remembered for the next start");

        // A backtest first, so the Backtest view shows a result.
        shortcut(window[0], KeyCode.DIGIT2, false, true);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> "Backtest".equals(nav.getSelectionModel().getSelectedItem().title()));
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> robot.lookup("#runButton").tryQuery().isPresent());
        robot.clickOn("#runButton");
        Button run = robot.lookup("#runButton").queryAs(Button.class);
        WaitForAsyncUtils.waitFor(240, TimeUnit.SECONDS, () -> !robot.lookup("#metricsTable")
                .queryAs(javafx.scene.control.TableView.class).getItems().isEmpty() && !run.isDisabled());

        // -Dleverdesk.screenshots.views=Options,Chart takes only those views (while fixing one); the default is every view
        String only = System.getProperty("leverdesk.screenshots.views", "");
        List<String> shot = only.isBlank() ? views : views.stream().filter(v -> java.util.Arrays.stream(only.split(","))
                .anyMatch(o -> o.trim().equalsIgnoreCase(v))).toList();
        Map<String, List<String>> cutOff = new java.util.LinkedHashMap<>();
        Map<String, List<String>> mustFit = new java.util.LinkedHashMap<>();
        for (Theme theme : List.of(Theme.PRIMER_LIGHT, Theme.PRIMER_DARK)) {
            robot.interact(() -> themes.apply(theme.id()));
            for (int[] size : SIZES) {
                robot.interact(() -> {
                    window[0].setWidth(size[0]);
                    window[0].setHeight(size[1]);
                });
                for (String view : shot) {
                    robot.interact(() -> nav.getItems().stream().filter(i -> i.title().equals(view)).findFirst()
                            .ifPresent(i -> nav.getSelectionModel().select(i)));
                    settle(robot, view);
                    Parent root = window[0].getScene().getRoot();
                    String name = view.toLowerCase(java.util.Locale.ROOT) + "-" + (theme.dark() ? "dark" : "light") + "-"
                            + size[0] + "x" + size[1] + ".png";
                    Snapshots.write(root, name);
                    if (view.equals("Backtest") && size[0] == 1024) {
                        // the monthly rebalance form ends above the fold (its last field was cut by the status bar)
                        String form = WaitForAsyncUtils.asyncFx(() -> {
                            javafx.scene.control.ScrollPane p = (javafx.scene.control.ScrollPane) root.lookup("#formPanel");
                            double content = p.getContent().getLayoutBounds().getHeight();
                            double viewport = p.getViewportBounds().getHeight();
                            return content <= viewport + 0.5 ? "" : content + " px of form in a " + viewport + " px panel";
                        }).get();
                        if (!form.isEmpty()) {
                            mustFit.put(name + " #formPanel height", List.of(form));
                        }
                    }
                    if (view.equals("Rotation")) {
                        // each sleeve's ranking shows its tickers, up to four, whole (at 1024×700 they showed two)
                        List<String> short_ = WaitForAsyncUtils.asyncFx(() -> sleevesShowingTooFewRows(root, 4)).get();
                        if (!short_.isEmpty()) {
                            mustFit.put(name + " sleeve rows", short_);
                        }
                    }
                    List<String> cut = WaitForAsyncUtils.asyncFx(() -> org.leverdesk.ui.CutOffTexts.under(root)).get();
                    cutOff.put(name, cut);
                    // the parts made to fit at 1024×700 stay whole: the run's title and buttons, the watchlist, the account mode
                    for (String part : size[0] == 1024 ? MUST_FIT.getOrDefault(view, List.of()) : List.<String>of()) {
                        List<String> partCut = WaitForAsyncUtils.asyncFx(() -> root.lookup(part) == null ? List.of("no " + part)
                                : org.leverdesk.ui.CutOffTexts.under(root.lookup(part))).get();
                        if (!partCut.isEmpty()) {
                            mustFit.put(name + " " + part, partCut);
                        }
                    }
                }
            }
        }
        // what is still drawn cut off, for the person looking at the pictures
        cutOff.forEach((name, cut) -> System.out.println("cut off in " + name + ": " + cut));
        // the views this test's fixes made fit: the Backtest view's toolbar and form, the Chart view's watchlist
        timing.detachAppender(opened);
        List<String> openings = opened.list.stream().map(ch.qos.logback.classic.spi.ILoggingEvent::getFormattedMessage).toList();
        System.out.println("first opening of each view (load average "
                + java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage() + "): " + openings);
        if (shot.size() == views.size()) {
            assertEquals(views.size(), openings.size(), "every view logs its first opening: " + openings);
        }
        if (only.isBlank() || only.toLowerCase(java.util.Locale.ROOT).contains("dialogs")) {
            dialogs(robot, window[0], nav, themes, services, configFile);
        }
        if (!only.isBlank()) {
            assertEquals(Map.of(), mustFit, "texts cut off");
            return;
        }
        // The Strategies view's form with on/off switches, percents and tickers (rsi2) and ticker chips and choices (rotation).
        robot.interact(() -> themes.apply(Theme.PRIMER_LIGHT.id()));
        robot.interact(() -> {
            window[0].setWidth(1024);
            window[0].setHeight(700);
            nav.getItems().stream().filter(i -> i.title().equals("Strategies")).findFirst().ifPresent(i -> nav.getSelectionModel().select(i));
        });
        for (String id : List.of("rsi2", "rotation")) {
            robot.interact(() -> {
                var box = robot.lookup("#strategyBox").<javafx.scene.control.ComboBox<org.leverdesk.strategy.catalog.StrategyDescriptor>>query();
                box.getItems().stream().filter(d -> d.id().equals(id)).findFirst().ifPresent(box::setValue);
            });
            WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> robot.lookup("#param-hedge").tryQuery().isPresent()
                    || robot.lookup("#param-core").tryQuery().isPresent() && id.equals("rotation"));
            settle(robot, "Strategies");
            Snapshots.write(window[0].getScene().getRoot(), "strategies-" + id + "-light-1024x700.png");
        }
        assertFalse(views.isEmpty());
        assertEquals(Map.of(), mustFit, "texts cut off");
    }

    /**
     * The main dialogs in both themes, each at the size it opens with: the first-run dialog, the order ticket (10
     * TQQQ with its preview), the Close all confirmation and the shortcuts list. Light keeps the README's names
     * ({@code order-ticket.png}), dark adds {@code -dark}.
     */
    private void dialogs(FxRobot robot, Stage window, ListView<NavItem> nav, ThemeManager themes, AppServices services,
                         ConfigFile configFile) throws Exception {
        robot.interact(() -> {
            window.setWidth(1600);
            window.setHeight(1000);
            nav.getItems().stream().filter(i -> i.title().equals("Chart")).findFirst().ifPresent(i -> nav.getSelectionModel().select(i));
        });
        settle(robot, "Chart");
        for (Theme theme : List.of(Theme.PRIMER_LIGHT, Theme.PRIMER_DARK)) {
            robot.interact(() -> themes.apply(theme.id()));
            String suffix = theme.dark() ? "-dark.png" : ".png";
            // the first start's dialog, as DesktopWindow shows it before any config exists
            Stage[] first = new Stage[1];
            robot.interact(() -> {
                var vm = new org.leverdesk.ui.firstrun.FirstRunViewModel(new ConfigFile(dir.resolve("fresh").resolve("config.json")),
                        services.secrets(), executor, services.alpacaKeyCheck(), services.historyFetch());
                Scene scene = new Scene(org.leverdesk.ui.firstrun.FirstRunView.load(vm, () -> new Label("CSV import")));
                scene.getStylesheets().add(MainWindow.STYLESHEET);
                themes.register(scene);
                first[0] = new Stage();
                first[0].setScene(scene);
                first[0].setMinWidth(640);
                first[0].show();
            });
            WaitForAsyncUtils.waitForFxEvents();
            Thread.sleep(400);
            Snapshots.write(first[0].getScene().getRoot(), "first-run-dialog" + suffix);
            robot.interact(first[0]::close);

            robot.interact(window::requestFocus);
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, window::isFocused);
            robot.interact(() -> robot.lookup("#ticketButton").queryAs(Button.class).fire());
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#ticketView").tryQuery().isPresent());
            javafx.scene.control.TextField amount = robot.lookup("#ticket-amount").queryAs(javafx.scene.control.TextField.class);
            robot.interact(() -> amount.setText("10"));
            var ticket = (org.leverdesk.ui.ticket.TicketView) robot.lookup("#ticketView").query();
            WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> ticket.viewModel().previewLines().size() > 2);
            WaitForAsyncUtils.waitForFxEvents();
            Snapshots.write(ticket.getScene().getRoot(), "order-ticket" + suffix);
            // the typed quantity stays readable: its edited-field background follows the theme (it was light blue in the dark one)
            // (the field's opaque colour under its tint: the last opaque fill)
            javafx.scene.paint.Color fieldFill = amount.getBackground().getFills().stream().map(f -> (javafx.scene.paint.Color) f.getFill())
                    .filter(c -> c.getOpacity() > 0.9).reduce((a, b) -> b).orElseThrow();
            assertEquals(theme.dark(), fieldFill.getBrightness() < 0.5, "quantity field background " + fieldFill);
            robot.interact(() -> ((Stage) ticket.getScene().getWindow()).close());

            robot.interact(window::requestFocus);
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, window::isFocused);
            // fired, not clicked: the confirmation waits in showAndWait (and a 1000 px window's status bar is below the screen's edge)
            Button panic = robot.lookup("#panicButton").queryAs(Button.class);
            javafx.application.Platform.runLater(panic::fire);
            WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> robot.lookup(".dialog-pane").tryQuery().isPresent());
            Node pane = robot.lookup(".dialog-pane").query();
            WaitForAsyncUtils.waitForFxEvents();
            Snapshots.write(pane.getScene().getRoot(), "close-all-confirm" + suffix);
            assertTrue(pane.getScene().getRoot().getStyleClass().contains(theme.dark() ? "theme-dark" : "theme-light"),
                    "the confirmation wears the theme: " + pane.getScene().getRoot().getStyleClass());
            robot.interact(() -> ((Stage) pane.getScene().getWindow()).close());

            robot.interact(window::requestFocus);
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, window::isFocused);
            shortcut(window, KeyCode.F1, false, false);
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#shortcutTable").tryQuery().isPresent());
            Node table = robot.lookup("#shortcutTable").query();
            WaitForAsyncUtils.waitForFxEvents();
            Snapshots.write(table.getScene().getRoot(), "shortcuts-help" + suffix);
            assertTrue(table.getScene().getRoot().getStyleClass().contains(theme.dark() ? "theme-dark" : "theme-light"),
                    "the shortcuts list wears the theme: " + table.getScene().getRoot().getStyleClass());
            robot.interact(() -> ((Stage) table.getScene().getWindow()).close());
        }
    }

    /**
     * The sleeve ranking tables under {@code root} that show fewer than min(their rows, {@code rows}) rows whole,
     * each as "table: n of m rows shown".
     */
    private static List<String> sleevesShowingTooFewRows(Parent root, int rows) {
        List<String> out = new java.util.ArrayList<>();
        for (Node n : root.lookupAll(".ranking-table")) {
            javafx.scene.control.TableView<?> t = (javafx.scene.control.TableView<?>) n;
            javafx.geometry.Bounds tb = t.localToScene(t.getLayoutBounds());
            long whole = t.lookupAll(".table-row-cell").stream().map(r -> (javafx.scene.control.TableRow<?>) r)
                    .filter(r -> r.isVisible() && !r.isEmpty() && r.getItem() != null)
                    .filter(r -> {
                        javafx.geometry.Bounds rb = r.localToScene(r.getLayoutBounds());
                        return rb.getMinY() >= tb.getMinY() - 0.5 && rb.getMaxY() <= tb.getMaxY() + 0.5;
                    }).count();
            int wanted = Math.min(rows, t.getItems().size());
            if (whole < wanted) {
                out.add(t.getId() + ": " + whole + " of " + t.getItems().size() + " rows shown");
            }
        }
        return out;
    }

    /** Presses {@code key} (with Shift, Ctrl) in {@code window} once, the way the menu's accelerators see it. */
    private static void shortcut(Stage window, KeyCode key, boolean shift, boolean ctrl) {
        javafx.application.Platform.runLater(() -> javafx.event.Event.fireEvent(window.getScene().getRoot(), new javafx.scene.input.KeyEvent(
                javafx.scene.input.KeyEvent.KEY_PRESSED, "", "", key, shift, ctrl, false, false)));
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Gives a view time to load its data (background reads) and lay out. */
    private static void settle(FxRobot robot, String view) throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        if (view.equals("Chart")) {
            WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !robot.lookup("#summaryLabel").queryAs(Label.class).getText().isEmpty());
        }
        Thread.sleep(view.equals("Regime") || view.equals("Rotation") || view.equals("Dashboard") ? 2500 : 800);
        WaitForAsyncUtils.waitForFxEvents();
    }
}
