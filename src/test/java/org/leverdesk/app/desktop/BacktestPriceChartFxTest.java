package org.leverdesk.app.desktop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.leverdesk.backtest.BacktestRunner.StrategyInfo;
import org.leverdesk.domain.Decision;
import org.leverdesk.testing.SharedPrices;
import org.leverdesk.ui.FxTest;
import org.leverdesk.ui.Snapshots;
import org.leverdesk.ui.chart.PriceChart;
import org.leverdesk.ui.chart.PriceChartData;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/** The RSI(2) backtest on the real prices through the whole app: price chart with trades and the Decisions tab. */
@FxTest
class BacktestPriceChartFxTest {
    private final AppWindow window = new AppWindow();

    @TempDir
    Path dataDir;

    @AfterEach
    void close() {
        window.close();
    }

    @Test
    @SuppressWarnings("unchecked")
    void rsi2RunShowsCandlesMarkersTheRsiPaneAndItsDecisions(FxRobot robot) throws Exception {
        Path prices = SharedPrices.dir();
        window.open(robot, dataDir, prices, 1400, 950);
        ComboBox<StrategyInfo> strategies = robot.lookup("#strategyBox").queryAs(ComboBox.class);
        robot.interact(() -> strategies.getItems().stream().filter(s -> s.id().equals("rsi2")).findFirst()
                .ifPresent(s -> strategies.getSelectionModel().select(s)));
        assertEquals("rsi2", strategies.getValue().id());
        robot.clickOn("#runButton");
        PriceChart chart = robot.lookup("#priceCharts").queryAs(PriceChart.class);
        WaitForAsyncUtils.waitFor(90, TimeUnit.SECONDS, () -> chart.data().bars().size() > 0
                || !robot.lookup("#messageLabel").queryAs(Label.class).getText().isEmpty());
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("", robot.lookup("#messageLabel").queryAs(Label.class).getText());

        PriceChartData data = chart.data();
        // 2015-01-01 .. 2025-01-01 on TQQQ: ten years of trading days
        assertTrue(data.bars().size() > 2500, "bars: " + data.bars().size());
        assertEquals("TQQQ", data.bars().symbol());
        int fills = robot.lookup("#tradesTable").queryAs(TableView.class).getItems().size();
        assertTrue(fills > 20, "fills: " + fills);
        assertEquals(fills, data.markers().size());
        assertTrue(data.markers().stream().anyMatch(m -> m.hedge()), "the SQQQ hedge has its own markers");
        assertTrue(chart.indicatorShown());
        assertEquals("RSI(2)", data.indicator().name());
        Snapshots.write(chart, "price-chart.png");
        robot.interact(() -> chart.zoomTo(LocalDate.of(2022, 9, 1), LocalDate.of(2023, 1, 31)));
        WaitForAsyncUtils.waitForFxEvents();
        Snapshots.write(chart.getScene().getRoot(), "price-chart-zoomed-window.png");

        robot.clickOn("Decisions");
        TableView<Decision> decisions = robot.lookup("#decisionsTable").queryAs(TableView.class);
        assertTrue(decisions.getItems().size() > 2500, "decisions: " + decisions.getItems().size());
        robot.clickOn("#tradesOnlyBox");
        assertTrue(robot.lookup("#tradesOnlyBox").queryAs(CheckBox.class).isSelected());
        int trading = decisions.getItems().size();
        assertTrue(trading > 0 && trading < 2500, "decisions that traded: " + trading);
        assertTrue(decisions.getItems().stream().allMatch(Decision::rebalance));
        robot.interact(() -> decisions.getSelectionModel().select(0));
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(robot.lookup("#signalsTable").queryAs(TableView.class).getItems().isEmpty());
        Snapshots.write(robot.lookup("#resultTabs").queryAs(TabPane.class), "decisions-tab.png");
        Snapshots.write(chart.getScene().getRoot(), "backtest-rsi2-window.png");
    }
}
