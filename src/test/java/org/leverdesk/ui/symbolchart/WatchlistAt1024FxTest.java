package org.leverdesk.ui.symbolchart;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.leverdesk.market.calendar.NyseCalendar;
import org.leverdesk.testing.Bars;
import org.leverdesk.testing.MapMarketData;
import org.leverdesk.ui.CutOffTexts;
import org.leverdesk.ui.FxTest;
import org.leverdesk.ui.Snapshots;
import org.leverdesk.ui.TestTaskExecutor;
import org.leverdesk.ui.shell.MainWindow;
import org.leverdesk.ui.symbols.SymbolDirectory;
import org.leverdesk.ui.watchlist.MarketQuotes;
import org.leverdesk.ui.watchlist.WatchlistStore;
import org.leverdesk.ui.watchlist.WatchlistViewModel;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The Chart view with its watchlist in the room a 1024×700 window leaves it (845×630 beside the
 * navigation): every symbol, price and day's change is shown whole, the way the demo market's
 * prices look (QQQ above $1,000).
 */
@FxTest
class WatchlistAt1024FxTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-04T16:00:00Z"), ZoneOffset.UTC);

    @Start
    void start(Stage stage) throws Exception {
        NyseCalendar cal = new NyseCalendar();
        LocalDate start = LocalDate.of(2026, 1, 2);
        MapMarketData prices = new MapMarketData(Map.of(
                "QQQ", Bars.flat("QQQ", cal, start, series(1_357.95, 1_359.71)),
                "TQQQ", Bars.flat("TQQQ", cal, start, series(21.24, 21.33)),
                "SQQQ", Bars.flat("SQQQ", cal, start, series(25.05, 24.95)),
                "QQQM", Bars.flat("QQQM", cal, start, series(556.80, 557.48)),
                "SPY", Bars.flat("SPY", cal, start, series(30.19, 30.19))), false);
        Path config = Files.createTempDirectory("watchlist-1024");
        WatchlistViewModel watch = new WatchlistViewModel(new MarketQuotes(null, prices, CLOCK), new WatchlistStore(config),
                new TestTaskExecutor(), ZoneId.of("America/New_York"));
        SymbolChartViewModel vm = new SymbolChartViewModel(prices, new SymbolDirectory(prices, null, null), null,
                new TestTaskExecutor(), CLOCK);
        Scene scene = new Scene(SymbolChartView.load(vm, watch, null, List::of), 845, 630);
        // the window's theme (AtlantaFX Primer): its fonts and padding are what must fit
        javafx.application.Application.setUserAgentStylesheet(new atlantafx.base.theme.PrimerLight().getUserAgentStylesheet());
        scene.getStylesheets().add(MainWindow.STYLESHEET);
        stage.setScene(scene);
        stage.show();
    }

    /** 40 sessions ending in {@code previous}, {@code last}. */
    private static double[] series(double previous, double last) {
        double[] closes = new double[40];
        for (int i = 0; i < closes.length; i++) {
            closes[i] = previous * (1 + 0.01 * Math.sin(i));
        }
        closes[38] = previous;
        closes[39] = last;
        return closes;
    }

    @org.junit.jupiter.api.AfterEach
    void stockStylesheet() {
        javafx.application.Platform.runLater(() -> javafx.application.Application.setUserAgentStylesheet(null));
    }

    @Test
    void everyPriceAndChangeIsShownWhole(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> {
            TableView<?> t = robot.lookup("#watchTable").queryAs(TableView.class);
            return t != null && t.getItems().size() == 5 && String.valueOf(t.getColumns().get(1).getCellData(0)).startsWith("$");
        });
        Thread.sleep(300);   // the columns are re-measured after the rows arrive
        WaitForAsyncUtils.waitForFxEvents();
        Snapshots.write(robot.lookup("#watchTable").query().getScene().getRoot(), "watchlist-845x630.png");
        List<String> cut = WaitForAsyncUtils.asyncFx(() -> CutOffTexts.under(robot.lookup("#watchTable").query())).get();
        assertEquals(List.of(), cut, "watchlist texts cut off at 1024×700");
        TableView<?> t = robot.lookup("#watchTable").queryAs(TableView.class);
        assertEquals("$1,359.71", t.getColumns().get(1).getCellData(0));
        // every column inside the table (the 30-day sparkline ran past the panel's edge) and the table inside the window
        double columns = WaitForAsyncUtils.asyncFx(() -> t.getColumns().stream().mapToDouble(javafx.scene.control.TableColumn::getWidth).sum()).get();
        double inside = t.getWidth() - t.snappedLeftInset() - t.snappedRightInset();
        org.junit.jupiter.api.Assertions.assertTrue(columns <= inside + 0.5, "columns " + columns + " px in a table " + inside + " px wide");
        javafx.geometry.Bounds b = t.localToScene(t.getBoundsInLocal());
        org.junit.jupiter.api.Assertions.assertTrue(b.getMaxX() <= t.getScene().getWidth() + 0.5, "table ends at " + b.getMaxX());
    }
}
