package org.leverdesk.ui.options;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.leverdesk.broker.Broker;
import org.leverdesk.broker.OrderRequest;
import org.leverdesk.broker.Quote;
import org.leverdesk.broker.alpaca.AlpacaBroker;
import org.leverdesk.broker.alpaca.FakeAlpacaServer;
import org.leverdesk.broker.paper.PaperBroker;
import org.leverdesk.domain.OrderType;
import org.leverdesk.domain.Side;
import org.leverdesk.domain.TimeInForce;
import org.leverdesk.execution.OptionInstructions;
import org.leverdesk.market.calendar.NyseCalendar;
import org.leverdesk.market.data.CsvBarReader;
import org.leverdesk.market.data.CsvDirectoryMarketData;
import org.leverdesk.market.data.DataCatalog.SymbolCoverage;
import org.leverdesk.market.data.MarketData;
import org.leverdesk.optionbook.HeldOption;
import org.leverdesk.options.contract.OptionContract;
import org.leverdesk.options.contract.OptionRight;
import org.leverdesk.options.data.OptionMarketFiles;
import org.leverdesk.store.JournalRepository;
import org.leverdesk.store.Store;
import org.leverdesk.ui.AppServices;
import org.leverdesk.ui.FakeBacktestRunner;
import org.leverdesk.ui.FakeDataCatalog;
import org.leverdesk.ui.FxTest;
import org.leverdesk.ui.Snapshots;
import org.leverdesk.ui.common.ConfirmPrompt;
import org.leverdesk.ui.common.FxTaskExecutor;
import org.leverdesk.ui.shell.MainWindow;
import org.leverdesk.ui.shell.Theme;
import org.leverdesk.ui.shell.ThemeManager;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The Options view's Exercise / Do not exercise buttons in a window: on the paper broker (a long QQQ put bought at the
 * synthetic chain's ask) Exercise is on (early exercise on paper) and Do not exercise off, the note saying why; on the fake Alpaca server
 * a click on Exercise asks through the injected dialog service and sends through the CLI's service once.
 * Pictures {@code options-exercise-<theme>-<size>.png}.
 */
@FxTest
class OptionsExerciseFxTest {
    private static final NyseCalendar NYSE = new NyseCalendar();
    private static final Path PRICES = Path.of("../shared/data/prices");
    private static final LocalDate LAST = LocalDate.of(2025, 9, 26);
    private static final Clock CLOCK = Clock.fixed(LAST.atTime(21, 0).toInstant(ZoneOffset.UTC), ZoneOffset.UTC);
    private final FxTaskExecutor executor = new FxTaskExecutor();
    private Stage window;
    private ThemeManager themes;

    @TempDir
    Path tmp;

    @Start
    void start(Stage stage) {
        // the window is built in each test
    }

    @AfterEach
    void closeExecutor() {
        executor.close();
        if (window != null) {
            javafx.application.Platform.runLater(window::close);
        }
    }

    private void open(FxRobot robot, MarketData prices, Broker broker, OptionInstructions service, ConfirmPrompt prompt)
            throws Exception {
        FakeDataCatalog catalog = new FakeDataCatalog(new SymbolCoverage("QQQ", LocalDate.of(2015, 1, 2), LAST, 2700));
        AppServices services = new AppServices(new FakeBacktestRunner(), catalog, null, AppServices.Mode.PAPER, prices.sourceLabel(),
                null, null, null, prices, null, new AppServices.Trading(broker, null, null, null, null, null, null, null, null, null,
                service), AppServices.Settings.NONE);
        themes = new ThemeManager(Files.createTempDirectory("leverdesk-exercise-fx"));
        robot.interact(() -> {
            Stage stage = new Stage();
            Parent view = (Parent) OptionsViews.create(services, executor, CLOCK, OptionMarketFiles.besidePrices(PRICES), prompt);
            Scene scene = new Scene(view, 1024, 700);
            scene.getStylesheets().add(MainWindow.STYLESHEET);
            themes.register(scene); // the theme's own stylesheet and dark/light classes, as the window does
            stage.setScene(scene);
            stage.show();
            window = stage;
        });
        robot.interact(() -> themes.apply(Theme.PRIMER_LIGHT.id()));
        TabPane tabs = robot.lookup("#tabs").queryAs(TabPane.class);
        robot.interact(() -> tabs.getSelectionModel().select(1));
    }

    @SuppressWarnings("unchecked")
    private static TableView<HeldOption> positions(FxRobot robot, int rows) throws Exception {
        TableView<HeldOption> table = robot.lookup("#positionsTable").queryAs(TableView.class);
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> table.getItems().size() == rows);
        return table;
    }

    @Test
    void onThePaperBrokerExerciseIsOnAndDoNotExerciseOffWithTheReason(FxRobot robot) throws Exception {
        Assumptions.assumeTrue(Files.isRegularFile(PRICES.resolve("QQQ.csv")), "skipped: no real prices in " + PRICES.toAbsolutePath());
        MarketData prices = new CsvDirectoryMarketData(PRICES, new CsvBarReader(NYSE));
        Instant morning = LAST.atTime(14, 0).toInstant(ZoneOffset.UTC);
        String put = OptionContract.of("QQQ", LocalDate.of(2025, 10, 17), OptionRight.PUT, "570").occSymbol();
        List<String> asked = new ArrayList<>();
        try (Store store = Store.open(tmp.resolve("data"))) {
            PaperBroker paper = new PaperBroker(store, prices, Clock.fixed(morning, ZoneOffset.UTC));
            paper.onQuote(new Quote(put, 3.10, 3.20, 3.15, morning));
            paper.submit(new OrderRequest("p-1", put, Side.BUY, BigDecimal.ONE, OrderType.MARKET, TimeInForce.DAY, null, null));
            open(robot, prices, paper, new OptionInstructions(new JournalRepository(store, Clock.systemUTC())),
                    (h, d, a) -> asked.add(h));
            TableView<HeldOption> table = positions(robot, 1);
            robot.interact(() -> table.getSelectionModel().select(0));
            WaitForAsyncUtils.waitForFxEvents();
            // The paper account exercises early (PaperEarlyExerciseTest); it has no do-not-exercise instruction.
            assertFalse(robot.lookup("#exerciseButton").queryAs(Button.class).isDisabled());
            assertTrue(robot.lookup("#doNotExerciseButton").queryAs(Button.class).isDisabled());
            assertEquals("Do not exercise: do-not-exercise is only available on Alpaca accounts: the paper broker exercises a long"
                    + " option in the money by $0.01 or more at expiry; sell it before the close of its expiry day instead.",
                    robot.lookup("#exerciseLabel").queryAs(Label.class).getText());
            assertTrue(asked.isEmpty());
        }
    }

    @Test
    void onAlpacaExerciseAsksThroughTheDialogServiceAndSendsOnce(FxRobot robot) throws Exception {
        Assumptions.assumeTrue(Files.isRegularFile(PRICES.resolve("QQQ.csv")), "skipped: no real prices in " + PRICES.toAbsolutePath());
        Assumptions.assumeTrue(System.getenv("ALPACA_KEY_ID") == null, "ALPACA_KEY_ID is set in the environment");
        MarketData prices = new CsvDirectoryMarketData(PRICES, new CsvBarReader(NYSE));
        String call = OptionContract.of("QQQ", LocalDate.of(2026, 3, 20), OptionRight.CALL, "490").occSymbol();
        List<String> asked = new ArrayList<>();
        try (FakeAlpacaServer server = FakeAlpacaServer.start(); Store store = Store.open(tmp.resolve("data"))) {
            AlpacaBroker alpaca = AlpacaBroker.create(server.settings());
            server.setQuote("QQQ", 489.99, 490.01);
            server.setQuote(call, 6.00, 6.20);
            alpaca.submit(new OrderRequest("a-1", call, Side.BUY, new BigDecimal("2"), OrderType.MARKET, TimeInForce.DAY, null, null));
            server.settle();
            open(robot, prices, alpaca, new OptionInstructions(new JournalRepository(store, Clock.systemUTC())), (h, d, a) -> {
                asked.add(h + " | " + a);
                return true;
            });
            TableView<HeldOption> table = positions(robot, 1);
            Label note = robot.lookup("#exerciseLabel").queryAs(Label.class);
            assertEquals("Select a long option to exercise it or to keep it from being exercised at expiry.", note.getText());
            assertTrue(robot.lookup("#exerciseButton").queryAs(Button.class).isDisabled());
            robot.interact(() -> table.getSelectionModel().select(0));
            WaitForAsyncUtils.waitForFxEvents();
            shoot(robot, "options-exercise-selected");
            robot.clickOn("#exerciseButton");
            WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> note.getText().startsWith("exercise sent"));
            assertEquals(List.of("Exercise QQQ 20 Mar 26 490 C? | Exercise"), asked);
            assertEquals("exercise sent: QQQ   260320C00490000, 2 contracts at alpaca-paper; buys 200 QQQ at 490; recorded from"
                    + " Alpaca's OPEXC activity at the next run or 'leverdesk reconcile'", note.getText());
            assertEquals(1, server.count("POST", "/v2/positions/QQQ260320C00490000/exercise"));
            assertEquals(0, new BigDecimal("200").compareTo(server.held("QQQ")));
            // the view re-reads the account: the contract is gone
            positions(robot, 0);
            shoot(robot, "options-exercise-sent");
            alpaca.close();
        }
    }

    private void shoot(FxRobot robot, String name) throws Exception {
        for (Theme theme : List.of(Theme.PRIMER_LIGHT, Theme.PRIMER_DARK)) {
            robot.interact(() -> themes.apply(theme.id()));
            for (int[] size : List.of(new int[] {1024, 700}, new int[] {1600, 1000})) {
                robot.interact(() -> {
                    window.setWidth(size[0]);
                    window.setHeight(size[1]);
                });
                WaitForAsyncUtils.waitForFxEvents();
                Thread.sleep(300);
                WaitForAsyncUtils.waitForFxEvents();
                Snapshots.write(window.getScene().getRoot(), name + "-" + (theme.dark() ? "dark" : "light") + "-" + size[0] + "x"
                        + size[1] + ".png");
            }
        }
        robot.interact(() -> {
            themes.apply(Theme.PRIMER_LIGHT.id());
            window.setWidth(1024);
            window.setHeight(700);
        });
    }
}
