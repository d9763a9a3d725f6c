package org.leverdesk.ui.backtest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.leverdesk.backtest.BacktestService;
import org.leverdesk.backtest.metrics.MetricsCalculator;
import org.leverdesk.market.calendar.NyseCalendar;
import org.leverdesk.market.data.CsvBarReader;
import org.leverdesk.market.data.CsvDirectoryMarketData;
import org.leverdesk.options.data.OptionMarketFiles;
import org.leverdesk.strategy.catalog.StrategyCatalog;
import org.leverdesk.testing.SharedPrices;
import org.leverdesk.ui.FxTest;
import org.leverdesk.ui.Snapshots;
import org.leverdesk.ui.TestTaskExecutor;
import org.leverdesk.ui.chart.TradeMarker;
import org.leverdesk.ui.common.LayoutMemory;
import org.leverdesk.ui.shell.MainWindow;
import org.leverdesk.ui.shell.ThemeManager;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The Backtest view after a real wheel run (QQQ 2022-01-03 .. 2023-06-30 on real closes and VXN chains, through the app's
 * own BacktestService): the option rows in the results, the wheel's cycle on the price chart with a legend key per
 * marker kind, and snapshots at 1024×700 and 1600×1000 in light and dark. Skipped without ../shared/data.
 */
@FxTest
class BacktestWheelFxTest {
    private static final Clock CLOCK = Clock.fixed(LocalDate.of(2024, 6, 28).atStartOfDay().toInstant(ZoneOffset.UTC), ZoneOffset.UTC);

    @TempDir
    Path dir;

    @Test
    void aWheelRunShowsItsPremiumSplitAndItsCycleOnTheChart(FxRobot robot) throws Exception {
        Path prices = SharedPrices.dir();
        NyseCalendar nyse = new NyseCalendar();
        CsvDirectoryMarketData data = new CsvDirectoryMarketData(prices, new CsvBarReader(nyse));
        BacktestService service = new BacktestService(data, nyse, StrategyCatalog.builtIn(), new MetricsCalculator());
        var chains = OptionMarketFiles.realMarket(OptionMarketFiles.besidePrices(prices), data, nyse);
        service.setOptionChains(() -> chains);
        BacktestViewModel vm = new BacktestViewModel(service, null, new TestTaskExecutor(), CLOCK);
        ThemeManager themes = new ThemeManager(dir);
        Stage[] stage = new Stage[1];
        robot.interact(() -> {
            stage[0] = new Stage();
            Scene scene = new Scene(BacktestView.load(vm, LayoutMemory.none()), 1024, 700);
            scene.getStylesheets().add(MainWindow.STYLESHEET);
            themes.register(scene);
            themes.apply("primer-light");
            stage[0].setScene(scene);
            stage[0].show();
            vm.strategyProperty().set(vm.strategies().stream().filter(s -> s.id().equals("wheel")).findFirst().orElseThrow());
            vm.symbolProperty().set("QQQ");
            vm.fromProperty().set(LocalDate.of(2022, 1, 3));
            vm.toProperty().set(LocalDate.of(2023, 6, 30));
            vm.capitalProperty().set("100000");
            vm.run();
        });
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> !vm.priceChartProperty().get().markers().isEmpty());
        WaitForAsyncUtils.waitForFxEvents();
        try {
            // the results: the same numbers as backtest prints (OptionResults), in the metrics table
            List<String> names = vm.metricRows().stream().map(MetricRow::name).toList();
            assertTrue(names.containsAll(List.of("Premium collected", "Puts assigned", "Called away", "Expired worthless",
                    "Premium P&L", "Stock P&L (incl. dividends)")), names.toString());
            var options = org.leverdesk.backtest.OptionResults.of(vm.shownResult());
            MetricRow assigned = vm.metricRows().stream().filter(r -> r.name().equals("Puts assigned")).findFirst().orElseThrow();
            assertEquals(Integer.toString(options.summary().putAssignments()), assigned.strategy());
            assertTrue(options.summary().putAssignments() > 0 && options.summary().callAssignments() > 0,
                    "the period has assignments and call-aways");
            // the chart: one marker per put sold, assignment, call sold and call-away; a legend key for each kind
            var kinds = vm.priceChartProperty().get().markers().stream().map(TradeMarker::kind).distinct().toList();
            for (TradeMarker.Kind k : List.of(TradeMarker.Kind.PUT_SOLD, TradeMarker.Kind.PUT_ASSIGNED, TradeMarker.Kind.CALL_SOLD,
                    TradeMarker.Kind.CALLED_AWAY)) {
                assertTrue(kinds.contains(k), k + " in " + kinds);
                Label key = robot.from(stage[0].getScene().getRoot()).lookup("#markerKey-" + k.name()).queryAs(Label.class);
                assertEquals(k.label(), key.getText());
                assertTrue(key.isVisible());
            }
            assertEquals(options.count(org.leverdesk.backtest.OptionResults.Kind.PUT_ASSIGNED), vm.priceChartProperty().get()
                    .markers().stream().filter(m -> m.kind() == TradeMarker.Kind.PUT_ASSIGNED).count());
            shoot(robot, stage[0], themes, "primer-light", "light");
            shoot(robot, stage[0], themes, "primer-dark", "dark");
        } finally {
            robot.interact(stage[0]::close);
            javafx.application.Platform.runLater(() -> Application.setUserAgentStylesheet(null));
        }
    }

    private static void shoot(FxRobot robot, Stage stage, ThemeManager themes, String theme, String name) {
        for (int[] size : new int[][] {{1024, 700}, {1600, 1000}}) {
            robot.interact(() -> {
                themes.apply(theme);
                stage.setWidth(size[0]);
                stage.setHeight(size[1]);
            });
            WaitForAsyncUtils.waitForFxEvents();
            WaitForAsyncUtils.sleep(400, TimeUnit.MILLISECONDS);
            WaitForAsyncUtils.waitForFxEvents();
            Snapshots.write(stage.getScene().getRoot(), "backtest-wheel-" + name + "-" + size[0] + "x" + size[1] + ".png");
        }
    }
}
