package org.leverdesk.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.leverdesk.app.context.StrategyExitScopes;
import org.leverdesk.broker.BrokerPosition;
import org.leverdesk.broker.OrderRequest;
import org.leverdesk.broker.Quote;
import org.leverdesk.broker.paper.PaperBroker;
import org.leverdesk.config.AppConfig;
import org.leverdesk.domain.OrderStatus;
import org.leverdesk.domain.OrderType;
import org.leverdesk.domain.Side;
import org.leverdesk.domain.TimeInForce;
import org.leverdesk.store.Store;
import org.leverdesk.ui.common.FxTaskExecutor;
import org.leverdesk.ui.dashboard.DashboardSnapshot;
import org.leverdesk.ui.orders.PanicReport;
import org.leverdesk.ui.shell.MainWindow;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The Dashboard's "Close strategy…" on the built-in paper broker: the regime strategy's TQQQ is sold and its resting
 * order cancelled after one confirmation, the other strategy's SPY stays, and the report is shown in the Dashboard.
 */
@FxTest
class StrategyClosePaperFxTest {
    // Wednesday 2026-03-04 11:00 in New York: the market is open, so the closing market order fills at once.
    private static final Instant NOW = Instant.parse("2026-03-04T16:00:00Z");
    private final FxTaskExecutor executor = new FxTaskExecutor();
    private Store store;
    private PaperBroker paper;

    @Start
    void start(Stage stage) throws IOException {
        PaperWindow window = new PaperWindow("leverdesk-strategy-close", NOW);
        store = window.store;
        paper = window.paper;
        Clock clock = window.clock;
        paper.onQuote(new Quote("TQQQ", 54.86, 54.88, 54.87, NOW));
        paper.onQuote(new Quote("SPY", 580.10, 580.12, 580.11, NOW));
        paper.submit(new OrderRequest("ld-regime-v1-20260304-buy-TQQQ", "TQQQ", Side.BUY, BigDecimal.valueOf(120), OrderType.MARKET,
                TimeInForce.DAY, null, null));
        paper.submit(new OrderRequest("ld-regime-v1-20260304-add-TQQQ", "TQQQ", Side.BUY, BigDecimal.valueOf(10), OrderType.LIMIT,
                TimeInForce.GTC, new BigDecimal("50.00"), null));
        paper.submit(new OrderRequest("ld-buywrite-v1-20260304-buy-SPY", "SPY", Side.BUY, BigDecimal.valueOf(5), OrderType.MARKET,
                TimeInForce.DAY, null, null));
        // The dashboard as the app's DashboardData gives it: the account's positions and the configured strategies.
        org.leverdesk.ui.dashboard.DashboardSource dashboard = () -> new DashboardSnapshot("paper", null, null,
                paper.positions().stream().map(p -> new DashboardSnapshot.PositionRow(p.symbol(), p.quantity().doubleValue(),
                        p.currentPrice().doubleValue(), p.marketValue().doubleValue(), 0)).toList(),
                List.of(new DashboardSnapshot.StrategyRow("regime", true, 0.5, "—", "no decision yet", null),
                        new DashboardSnapshot.StrategyRow("buywrite", true, 0.5, "—", "no decision yet", null)),
                "running", "ACTIVE", NOW);
        AppConfig config = AppConfig.defaults();
        // "Close strategy…" with the scope builder force-exit --strategy uses
        AppServices services = window.services(dashboard, id -> StrategyExitScopes.of(config, id, false));
        Scene scene = new Scene(MainWindow.create(services, executor, clock), 1100, 700);
        scene.getStylesheets().add(MainWindow.STYLESHEET);
        stage.setScene(scene);
        stage.show();
    }

    @AfterEach
    void close() {
        executor.close();
        store.close();
    }

    @Test
    void closeStrategySellsItsSharesCancelsItsOrderAndShowsTheReport(FxRobot robot) throws Exception {
        TableView<?> positions = robot.lookup("#positionsTable").queryAs(TableView.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> positions.getItems().size() == 2);
        assertEquals(1, paper.openOrders().size());

        robot.clickOn("regime");
        robot.clickOn("#closeStrategyButton");
        Label question = robot.lookup(".dialog-pane .header-panel .label").queryAs(Label.class);
        assertEquals("Close strategy regime now?", question.getText());
        robot.clickOn("Close regime");

        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> !robot.lookup("#strategyCloseReport").queryAs(ListView.class)
                .getItems().isEmpty());
        // the Dashboard re-reads the account after the report: regime's TQQQ is gone, buywrite's SPY stays
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> positions.getItems().size() == 1);
        WaitForAsyncUtils.waitForFxEvents();

        @SuppressWarnings("unchecked")
        ListView<PanicReport.Line> report = robot.lookup("#strategyCloseReport").queryAs(ListView.class);
        List<String> lines = report.getItems().stream().map(Object::toString).toList();
        // the cancelled order, the position and the result; no halt line (the account keeps trading)
        assertEquals(3, lines.size(), lines.toString());
        assertTrue(lines.stream().allMatch(l -> l.startsWith("✓")), lines.toString());
        assertEquals("✓ order ld-regime-v1-20260304-add-TQQQ (BUY 10 TQQQ) — CANCELED", lines.get(0));
        assertTrue(lines.get(1).startsWith("✓ TQQQ 120 — closed"), lines.get(1));
        assertTrue(lines.get(2).startsWith("✓ result — FLAT"), lines.get(2));
        String headline = robot.lookup("#strategyCloseHeadline").queryAs(Label.class).getText();
        assertTrue(headline.startsWith("Close strategy regime (") && headline.endsWith(" at paper: 1 order cancelled,"
                + " 1 position closed, flat"), headline);
        assertEquals(List.of("SPY"), paper.positions().stream().map(BrokerPosition::symbol).toList());
        assertTrue(paper.openOrders().isEmpty(), paper.openOrders().toString());
        assertEquals(OrderStatus.CANCELED, paper.orderByClientOrderId("ld-regime-v1-20260304-add-TQQQ").orElseThrow().status());
        // not halted: the other strategies keep trading
        org.leverdesk.risk.RiskGate gate = new org.leverdesk.risk.RiskGate(new org.leverdesk.store.TradingStateRepository(store,
                Clock.fixed(NOW, ZoneOffset.UTC)), new org.leverdesk.store.JournalRepository(store, Clock.fixed(NOW, ZoneOffset.UTC)));
        assertEquals(org.leverdesk.risk.TradingState.ACTIVE, gate.state());

        Snapshots.write(robot.lookup("#dashboardView").query(), "dashboard-strategy-closed.png");

        robot.clickOn("#dismissStrategyCloseButton");
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(!robot.lookup("#strategyCloseReportBox").query().isVisible());
    }
}
