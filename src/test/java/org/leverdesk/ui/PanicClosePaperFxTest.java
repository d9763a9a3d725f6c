package org.leverdesk.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.control.ListView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.leverdesk.broker.BrokerOrder;
import org.leverdesk.broker.OrderRequest;
import org.leverdesk.broker.Quote;
import org.leverdesk.broker.paper.PaperBroker;
import org.leverdesk.domain.OrderStatus;
import org.leverdesk.domain.OrderType;
import org.leverdesk.domain.Side;
import org.leverdesk.domain.TimeInForce;
import org.leverdesk.store.Store;
import org.leverdesk.ui.common.FxTaskExecutor;
import org.leverdesk.ui.orders.PanicReport;
import org.leverdesk.ui.shell.MainWindow;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The "Close all" button on the built-in paper broker: every order cancelled and every position sold, after one confirmation. */
@FxTest
class PanicClosePaperFxTest {
    // A small window (1100 x 640, under the Backtest view's minimum height): the view scrolls and "Close all" stays visible.
    // Wednesday 2026-03-04 11:00 in New York: the market is open, so the closing market orders fill at once.
    private static final Instant NOW = Instant.parse("2026-03-04T16:00:00Z");
    private final FxTaskExecutor executor = new FxTaskExecutor();
    private Store store;
    private PaperBroker paper;
    private BrokerOrder resting;

    @Start
    void start(Stage stage) throws IOException {
        PaperWindow window = new PaperWindow("leverdesk-panic-paper", NOW);
        store = window.store;
        paper = window.paper;
        paper.onQuote(new Quote("TQQQ", 54.86, 54.88, 54.87, NOW));
        paper.onQuote(new Quote("QQQ", 492.29, 492.31, 492.30, NOW));
        paper.submit(new OrderRequest("t-buy", "TQQQ", Side.BUY, BigDecimal.valueOf(120), OrderType.MARKET, TimeInForce.DAY, null, null));
        paper.submit(new OrderRequest("q-buy", "QQQ", Side.BUY, BigDecimal.valueOf(8), OrderType.MARKET, TimeInForce.DAY, null, null));
        resting = paper.submit(new OrderRequest("q-dca", "QQQ", Side.BUY, BigDecimal.valueOf(2), OrderType.LIMIT, TimeInForce.GTC,
                new BigDecimal("480.00"), null));
        AppServices services = window.services();
        Scene scene = new Scene(MainWindow.create(services, executor, Clock.fixed(NOW, ZoneOffset.UTC)), 1100, 640);
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
    void closeAllCancelsTheRestingOrderAndSellsBothPositions(FxRobot robot) throws Exception {
        assertEquals(2, paper.positions().size());
        assertEquals(1, paper.openOrders().size());

        robot.clickOn("#panicButton");
        robot.clickOn("Cancel orders and close all");
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> robot.lookup("#panicReport").tryQuery().isPresent());
        WaitForAsyncUtils.waitForFxEvents();

        @SuppressWarnings("unchecked")
        ListView<PanicReport.Line> report = robot.lookup("#panicReport").queryAs(ListView.class);
        List<String> lines = report.getItems().stream().map(Object::toString).toList();
        // the halt, the cancelled order, two positions and the result
        assertEquals(5, lines.size(), lines.toString());
        assertTrue(lines.stream().allMatch(l -> l.startsWith("✓")), lines.toString());
        assertTrue(lines.get(4).startsWith("✓ result — FLAT"), lines.toString());
        assertTrue(paper.positions().isEmpty(), paper.positions().toString());
        assertTrue(paper.openOrders().isEmpty(), paper.openOrders().toString());
        assertEquals(OrderStatus.CANCELED, paper.orderByClientOrderId("q-dca").orElseThrow().status());
        // Sold at the bids: 120 x 54.86 + 8 x 492.29 back in cash; bought at the asks 120 x 54.88 + 8 x 492.31.
        // Cash 100,000 - 6,585.60 - 3,938.48 + 6,583.20 + 3,938.32 = 99,997.44.
        assertEquals(0, new BigDecimal("99997.44").compareTo(paper.account().cash()), paper.account().cash().toString());
        // Trading is HALTED, so the next scheduled run's buy is denied by the gate every run goes through.
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        org.leverdesk.risk.RiskGate gate = new org.leverdesk.risk.RiskGate(new org.leverdesk.store.TradingStateRepository(store, clock),
                new org.leverdesk.store.JournalRepository(store, clock));
        assertEquals(org.leverdesk.risk.TradingState.HALTED, gate.state());
        assertFalse(gate.check("regime", "ld-regime-v1-20260304-buy-TQQQ", "TQQQ", Side.BUY, 120, 0).allowed());
        robot.clickOn("OK");
    }
}
