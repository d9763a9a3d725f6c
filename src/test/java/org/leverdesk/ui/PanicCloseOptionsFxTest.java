package org.leverdesk.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.control.ListView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.leverdesk.broker.MultiLegOrderRequest;
import org.leverdesk.broker.OrderRequest;
import org.leverdesk.broker.Quote;
import org.leverdesk.broker.paper.PaperBroker;
import org.leverdesk.domain.OrderType;
import org.leverdesk.domain.Side;
import org.leverdesk.domain.TimeInForce;
import org.leverdesk.options.contract.OptionContract;
import org.leverdesk.options.contract.OptionRight;
import org.leverdesk.store.Store;
import org.leverdesk.ui.common.FxTaskExecutor;
import org.leverdesk.ui.orders.PanicReport;
import org.leverdesk.ui.shell.MainWindow;
import org.leverdesk.ui.shell.ThemeManager;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The "Close all options" button beside Close all, on the paper broker: after one confirmation the bull put spread
 * closes as one multi-leg order, the shares stay, trading is not halted, and the report has a line per leg.
 */
@FxTest
class PanicCloseOptionsFxTest {
    // Wednesday 2026-03-04 11:00 in New York: the market is open, so the multi-leg close fills at once.
    private static final Instant NOW = Instant.parse("2026-03-04T16:00:00Z");
    private static final String SHORT = OptionContract.of("QQQ", LocalDate.of(2026, 3, 20), OptionRight.PUT, "480").occSymbol();
    private static final String LONG = OptionContract.of("QQQ", LocalDate.of(2026, 3, 20), OptionRight.PUT, "475").occSymbol();
    private final FxTaskExecutor executor = new FxTaskExecutor();
    private Store store;
    private PaperBroker paper;
    private Stage stage;
    private ThemeManager themes;

    @Start
    void start(Stage stage) throws IOException {
        this.stage = stage;
        PaperWindow window = new PaperWindow("leverdesk-panic-options", NOW);
        Path dir = window.dir;
        store = window.store;
        paper = window.paper;
        paper.onQuote(new Quote("QQQ", 492.29, 492.31, 492.30, NOW));
        paper.onQuote(new Quote(SHORT, 2.00, 2.10, 2.05, NOW));
        paper.onQuote(new Quote(LONG, 1.20, 1.30, 1.25, NOW));
        paper.submit(order("q-buy", "QQQ", Side.BUY, 8));
        paper.submitMultiLeg(new MultiLegOrderRequest("m-1", List.of(order("m-1-s", SHORT, Side.SELL, 2),
                order("m-1-l", LONG, Side.BUY, 2)), OrderType.MARKET, TimeInForce.DAY, null));
        AppServices services = window.services();
        themes = new ThemeManager(dir);
        Scene scene = new Scene(MainWindow.create(services, executor, Clock.fixed(NOW, ZoneOffset.UTC), themes), 1024, 700);
        scene.getStylesheets().add(MainWindow.STYLESHEET);
        stage.setScene(scene);
        stage.show();
    }

    private static OrderRequest order(String id, String symbol, Side side, long qty) {
        return new OrderRequest(id, symbol, side, BigDecimal.valueOf(qty), OrderType.MARKET, TimeInForce.DAY, null, null);
    }

    @AfterEach
    void close() {
        executor.close();
        store.close();
    }

    @Test
    void closeAllOptionsClosesTheSpreadAsOneOrderAndKeepsTheShares(FxRobot robot) throws Exception {
        assertEquals(3, paper.positions().size());
        pictures(robot, "close-all-options-button");

        robot.clickOn("#optionsPanicButton");
        WaitForAsyncUtils.waitForFxEvents();
        Snapshots.write(robot.lookup(".dialog-pane").query(), "close-all-options-confirm.png");
        robot.clickOn("Close every option position");
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> robot.lookup("#panicReport").tryQuery().isPresent());
        WaitForAsyncUtils.waitForFxEvents();
        Snapshots.write(robot.lookup(".dialog-pane").query(), "close-all-options-report.png");

        @SuppressWarnings("unchecked")
        ListView<PanicReport.Line> report = robot.lookup("#panicReport").queryAs(ListView.class);
        List<String> lines = report.getItems().stream().map(Object::toString).toList();
        // no halt line: the two legs and the result
        assertEquals(3, lines.size(), lines.toString());
        assertTrue(lines.stream().allMatch(l -> l.startsWith("✓")), lines.toString());
        assertTrue(lines.get(0).contains("multi-leg ld-emergency-mleg-"), lines.toString());
        assertEquals(Map.of("QQQ", "8"), org.leverdesk.emergency.EmergencyCloseOptionsTest.held(paper));
        assertEquals(org.leverdesk.risk.TradingState.ACTIVE, new org.leverdesk.risk.RiskGate(
                new org.leverdesk.store.TradingStateRepository(store, Clock.systemUTC()),
                new org.leverdesk.store.JournalRepository(store, Clock.systemUTC())).state());
        robot.clickOn("OK");
    }

    /** The window at 1024×700 and 1600×1000 in the light theme, and both in the dark one. */
    private void pictures(FxRobot robot, String name) {
        for (String theme : List.of("primer-light", "primer-dark")) {
            for (int[] size : List.of(new int[] {1024, 700}, new int[] {1600, 1000})) {
                robot.interact(() -> {
                    themes.apply(theme);
                    stage.setWidth(size[0]);
                    stage.setHeight(size[1]);
                });
                WaitForAsyncUtils.waitForFxEvents();
                Snapshots.write(stage.getScene().getRoot(), name + "-" + theme.substring(7) + "-" + size[0] + "x" + size[1] + ".png");
            }
        }
        robot.interact(() -> {
            themes.apply("primer-light");
            stage.setWidth(1024);
            stage.setHeight(700);
        });
        WaitForAsyncUtils.waitForFxEvents();
    }
}
