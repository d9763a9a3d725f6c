package org.leverdesk.ui.options;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.leverdesk.market.calendar.NyseCalendar;
import org.leverdesk.market.data.DataCatalog.SymbolCoverage;
import org.leverdesk.market.data.CsvBarReader;
import org.leverdesk.market.data.CsvDirectoryMarketData;
import org.leverdesk.market.data.MarketData;
import org.leverdesk.options.data.OptionMarketFiles;
import org.leverdesk.optionbook.OptionGroup;
import org.leverdesk.optionbook.SyntheticChainSource;
import org.leverdesk.options.chain.OptionChain;
import org.leverdesk.options.chain.OptionQuote;
import org.leverdesk.options.contract.Expiry;
import org.leverdesk.options.contract.OptionContract;
import org.leverdesk.options.contract.OptionRight;
import org.leverdesk.ui.AppServices;
import org.leverdesk.ui.FakeBacktestRunner;
import org.leverdesk.ui.FakeBroker;
import org.leverdesk.ui.FakeDataCatalog;
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
 * The Options view in the real window, on the synthetic QQQ chain of 2025-09-26 (real prices, VXN and T-bills) and a paper account holding a bull
 * put spread (sold at the bid, bought at the ask of the chain) and a lone short call: the chain shows with its
 * at-the-money and held rows, the spread as one position with its payoff; pictures in both themes at both sizes
 * ({@code options-<tab>-<theme>-<size>.png}).
 */
@FxTest
class OptionsViewFxTest {
    private static final NyseCalendar NYSE = new NyseCalendar();
    /** Real daily prices, VIX beside them, VXN and DGS3MO in the sibling folders (HELPERS: reached as ../shared/data). */
    private static final Path PRICES = Path.of("../shared/data/prices");
    private static final LocalDate LAST = LocalDate.of(2025, 9, 26);
    private static final Clock CLOCK = Clock.fixed(LAST.atTime(21, 0).toInstant(ZoneOffset.UTC), ZoneOffset.UTC);
    /** The stored RiskGuard status of the spreads: a stop exit 2 days ago, so the default 7-day cooldown runs to 2025-10-01. */
    private static final org.leverdesk.riskguard.RiskGuardStatusProvider GUARD = () -> List.of(org.leverdesk.riskguard.RiskGuardStatus.of(
            "spreads", org.leverdesk.strategy.options.SpreadConfig.defaults(org.leverdesk.strategy.options.SpreadConfig.Mode.SPREADS).guard(),
            new org.leverdesk.riskguard.GuardState(LAST, 50_310, 50_100, 51_000, 50_500, LAST.minusDays(2), 1, List.of(), List.of()),
            LAST, 0));
    private final FxTaskExecutor executor = new FxTaskExecutor();
    private Stage window;
    private ThemeManager themes;
    private OptionContract shortPut;

    @Start
    void start(Stage stage) {
        // built in the test, off the FX thread: reading the prices and pricing the chain takes a while on a busy machine
    }

    /** The account, the services and the window; the window is shown on the FX thread. */
    private void open(FxRobot robot) throws Exception {
        MarketData prices = new CsvDirectoryMarketData(PRICES, new CsvBarReader(NYSE));
        // the position is made of the chain's own quotes, the way the spreads strategy opens one (20-delta short put, $5 wide)
        OptionChain chain = SyntheticChainSource.of(prices, NYSE, OptionMarketFiles.besidePrices(PRICES)).chain("QQQ",
                OptionsViewModel.FILTER).chain();
        Expiry expiry = chain.expiriesWithinDte(21, 45).get(0);
        OptionQuote sp = chain.nearestDelta(expiry.date(), OptionRight.PUT, 0.20).orElseThrow();
        shortPut = sp.contract();
        OptionQuote lp = chain.find(OptionContract.of("QQQ", expiry.date(), OptionRight.PUT, shortPut.strike().subtract(
                java.math.BigDecimal.valueOf(5)))).orElseThrow();
        OptionQuote sc = chain.nearestDelta(expiry.date(), OptionRight.CALL, 0.15).orElseThrow();
        FakeBroker broker = new FakeBroker(CLOCK.instant(), "48250.00", "50310.00")
                .hold("QQQM", "40", "198.20", "201.35")
                .hold(shortPut.occSymbol(), "-2", price(sp.bid()), price(sp.mark()))
                .hold(lp.contract().occSymbol(), "2", price(lp.ask()), price(lp.mark()))
                .hold(sc.contract().occSymbol(), "-1", price(sc.bid()), price(sc.mark()));
        FakeDataCatalog catalog = new FakeDataCatalog(new SymbolCoverage("QQQ", LocalDate.of(2015, 1, 2), LAST, 2700));
        AppServices services = new AppServices(new FakeBacktestRunner(), catalog, null, AppServices.Mode.PAPER, prices.sourceLabel(),
                null, null, null, prices, null, new AppServices.Trading(broker, null, null, null, null, null, null, null, null, GUARD),
                AppServices.Settings.NONE);
        Path folder = Files.createTempDirectory("leverdesk-options-fx");
        themes = new ThemeManager(folder);
        // the window as the desktop builds it with --prices: VIX, VXN and T-bill files beside the prices
        robot.interact(() -> {
            Stage stage = new Stage();
            Scene scene = new Scene(MainWindow.create(services, executor, CLOCK, themes), 1024, 700);
            scene.getStylesheets().add(MainWindow.STYLESHEET);
            stage.setScene(scene);
            stage.show();
            window = stage;
        });
    }

    private static String price(double v) {
        return String.format(Locale.ROOT, "%.2f", v);
    }

    @AfterEach
    void closeExecutor() {
        executor.close();
        if (window != null) {
            javafx.application.Platform.runLater(window::close);
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void chainAndGroupedSpreadInTheRealWindow(FxRobot robot) throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isRegularFile(PRICES.resolve("QQQ.csv")),
                "skipped: no real prices in " + PRICES.toAbsolutePath());
        open(robot);
        ListView<NavItem> nav = robot.lookup("#navigation").queryAs(ListView.class);
        List<String> views = nav.getItems().stream().map(NavItem::title).toList();
        assertEquals(views.indexOf("Chart") + 1, views.indexOf("Options"), "Options sits after Chart");
        robot.interact(() -> nav.getItems().stream().filter(i -> i.title().equals("Options")).findFirst()
                .ifPresent(i -> nav.getSelectionModel().select(i)));
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> robot.lookup("#chainTable").tryQuery().isPresent()
                && !robot.lookup("#chainTable").queryAs(TableView.class).getItems().isEmpty());
        WaitForAsyncUtils.waitForFxEvents();
        String source = robot.lookup("#sourceLabel").queryAs(Label.class).getText();
        assertEquals("synthetic chain priced from VXN 19.33 of 2025-09-26, QQQ close $595.97 on 2025-09-26", source);
        TableView<ChainRow> chain = robot.lookup("#chainTable").queryAs(TableView.class);
        assertEquals(1, chain.getItems().stream().filter(ChainRow::atTheMoney).count());
        // the strikes read in dollars like the bids and asks beside them, still in numeric order
        TableColumn<ChainRow, ?> strikeColumn = chain.getColumns().get(1);
        assertEquals("Strike", strikeColumn.getText());
        ChainRow atm = chain.getItems().stream().filter(ChainRow::atTheMoney).findFirst().orElseThrow();
        assertEquals("$596.00", strikeColumn.getCellData(atm), "QQQ closed $595.97: the 596 strike is at the money");
        for (int i = 1; i < chain.getItems().size(); i++) {
            assertTrue(chain.getItems().get(i - 1).strike() < chain.getItems().get(i).strike(), "strikes in numeric order at row " + i);
        }
        assertEquals("", robot.lookup("#errorLabel").queryAs(Label.class).getText());

        shoot(robot, "chain");
        // the held strikes of the spread's expiry
        robot.interact(() -> robot.lookup("#expiryBox").<javafx.scene.control.ComboBox<LocalDate>>query().setValue(shortPut.expiry()));
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(chain.getItems().stream().anyMatch(r -> r.heldPuts() == -2), "the short put's strike is marked");
        shoot(robot, "chain-held");

        TabPane tabs = robot.lookup("#tabs").queryAs(TabPane.class);
        robot.interact(() -> tabs.getSelectionModel().select(1));
        TableView<OptionGroup> groups = robot.lookup("#groupsTable").queryAs(TableView.class);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> groups.getItems().size() == 1);
        OptionGroup g = groups.getItems().get(0);
        assertEquals("bull put spread", g.kind());
        assertEquals(2, g.units());
        assertEquals(3, robot.lookup("#positionsTable").queryAs(TableView.class).getItems().size());
        assertTrue(robot.lookup("#payoffChart").tryQuery().isPresent());
        shoot(robot, "positions");
        // at 1024×700 the payoff chart's title (the spread's name, strikes and expiry) is shown whole, wrapped if need be
        robot.interact(() -> {
            window.setWidth(1024);
            window.setHeight(700);
        });
        WaitForAsyncUtils.waitForFxEvents();
        Thread.sleep(400);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(List.of(), WaitForAsyncUtils.asyncFx(() -> org.leverdesk.ui.CutOffTexts.under(robot.lookup("#payoffChart").query())).get(),
                "payoff chart texts cut off at 1024×700");
        // and the chain's strikes ("$596.00") and prices are whole there too
        robot.interact(() -> tabs.getSelectionModel().select(0));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(List.of(), WaitForAsyncUtils.asyncFx(() -> org.leverdesk.ui.CutOffTexts.under(chain)).get(),
                "chain texts cut off at 1024×700");
        // grown back to 1600×1000, the Greeks hidden at 1024 come back whole (the calls' Gamma read "Gam…")
        robot.interact(() -> {
            window.setWidth(1600);
            window.setHeight(1000);
        });
        WaitForAsyncUtils.waitForFxEvents();
        Thread.sleep(400);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(List.of(), WaitForAsyncUtils.asyncFx(() -> org.leverdesk.ui.CutOffTexts.under(chain)).get(),
                "chain texts cut off at 1600×1000 after 1024×700");

        robot.interact(() -> tabs.getSelectionModel().select(2));
        TableView<org.leverdesk.optionbook.GuardLimit> guard = robot.lookup("#guardTable").queryAs(TableView.class);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> guard.getItems().size() == 9);
        assertEquals("until 2025-10-01", guard.getItems().stream().filter(l -> l.name().equals("cooldown")).findFirst().orElseThrow().use(),
                "the stored cooldown, as `leverdesk guard` shows it");
        assertTrue(guard.getItems().stream().anyMatch(l -> l.name().equals("drawdown throttle")));
        shoot(robot, "guard");
    }

    /** The whole window at both sizes in both themes. */
    private void shoot(FxRobot robot, String tab) throws Exception {
        for (Theme theme : List.of(Theme.PRIMER_LIGHT, Theme.PRIMER_DARK)) {
            robot.interact(() -> themes.apply(theme.id()));
            for (int[] size : List.of(new int[] {1024, 700}, new int[] {1600, 1000})) {
                robot.interact(() -> {
                    window.setWidth(size[0]);
                    window.setHeight(size[1]);
                });
                WaitForAsyncUtils.waitForFxEvents();
                Thread.sleep(400);
                WaitForAsyncUtils.waitForFxEvents();
                Snapshots.write(window.getScene().getRoot(), "options-" + tab + "-" + (theme.dark() ? "dark" : "light") + "-" + size[0]
                        + "x" + size[1] + ".png");
            }
        }
        robot.interact(() -> themes.apply(Theme.PRIMER_LIGHT.id()));
    }
}
