package org.leverdesk.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.leverdesk.domain.OrderStatus;
import org.leverdesk.domain.OrderType;
import org.leverdesk.domain.Side;
import org.leverdesk.domain.TimeInForce;
import org.leverdesk.market.data.DataCatalog.SymbolCoverage;
import org.leverdesk.store.JournalRepository;
import org.leverdesk.store.OrderIntent;
import org.leverdesk.store.Store;
import org.leverdesk.store.StoredOrder;
import org.leverdesk.ui.common.FxTaskExecutor;
import org.leverdesk.ui.journal.JournalSource;
import org.leverdesk.ui.journal.JournalView;
import org.leverdesk.ui.journal.JournalViewModel;
import org.leverdesk.ui.orders.PanicReport;
import org.leverdesk.ui.orders.ReconciliationSummary;
import org.leverdesk.ui.orders.TradingControls;
import org.leverdesk.ui.shell.MainWindow;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The trading parts of the real window over the in-memory {@link FakeBroker} and a real journal store:
 * the "Close all" button, cancelling an order from the Orders view, and the Journal's filter and export.
 */
@FxTest
class TradingWindowFxTest {
    private static final Instant NOW = Instant.parse("2026-03-04T19:42:00Z");
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    private static final Clock CLOCK = Clock.fixed(NOW, NEW_YORK);
    private static final LocalDate TODAY = LocalDate.of(2026, 3, 4);

    private final FxTaskExecutor executor = new FxTaskExecutor();
    // $3,215.40 cash + TQQQ 120 × 54.87 + QQQ 8 × 492.30 = $13,738.20 equity; yesterday closed at $13,512.60 (+$225.60)
    private final FakeBroker broker = new FakeBroker(NOW, "3215.40", "13512.60")
            .hold("TQQQ", "120", "51.26", "54.87")
            .hold("QQQ", "8", "487.12", "492.30");
    private Path dir;
    private Store store;
    private JournalRepository journal;
    private volatile Instant journalNow = NOW;

    @Start
    void start(Stage stage) throws IOException {
        broker.rest("ld-20260304-dca-weekly-QQQ", "QQQ", Side.BUY, "2", "488.50");
        dir = Files.createTempDirectory("leverdesk-trading-fx");
        store = Store.open(dir);
        journal = new JournalRepository(store, new Clock() {
            @Override public ZoneId getZone() { return NEW_YORK; }
            @Override public Clock withZone(ZoneId zone) { return this; }
            @Override public Instant instant() { return journalNow; }
        });
        fillJournal();
        FakeDataCatalog catalog = new FakeDataCatalog(new SymbolCoverage("QQQ", LocalDate.of(1999, 3, 10), TODAY, 6795));
        TradingControls controls = new TradingControls() {
            private State state = State.ACTIVE;
            @Override public void pause() { state = State.PAUSED; }
            @Override public void resume() { state = State.ACTIVE; }
            @Override public void halt() { state = State.HALTED; }
            @Override public State state() { return state; }
        };
        ReconciliationSummary rec = new ReconciliationSummary(Instant.parse("2026-03-04T14:25:00Z"), List.of(
                "TQQQ: the store expected 100 shares, the broker holds 120; the store now follows the broker",
                "order ld-20260303-lev-trend-exit-SQQQ: the store said ACCEPTED, the broker says FILLED; status updated"));
        AppServices services = new AppServices(new FakeBacktestRunner(), catalog, null, AppServices.Mode.PAPER, "store · 3 symbols",
                dir.resolve("leverdesk.mv.db"), null, null, null, null,
                new AppServices.Trading(broker, controls, () -> Optional.of(rec), limit -> history(), JournalSource.of(journal), null, null,
                        new org.leverdesk.emergency.EmergencyExit(broker, org.leverdesk.emergency.StoreEmergencyRecord.of(store,
                                CLOCK), null, CLOCK)),
                AppServices.Settings.NONE);
        Scene scene = new Scene(MainWindow.create(services, executor, CLOCK), 1280, 820);
        scene.getStylesheets().add(MainWindow.STYLESHEET);
        stage.setScene(scene);
        stage.show();
    }

    private static List<StoredOrder> history() {
        return List.of(
                stored(3, "ld-20260304-dca-weekly-QQQ", "dca", "weekly-QQQ", "QQQ", Side.BUY, "2", "488.50", OrderStatus.ACCEPTED,
                        "fake-1", "2026-03-04T15:00:00Z"),
                stored(2, "ld-20260303-lev-trend-exit-SQQQ", "lev-trend", "exit-SQQQ", "SQQQ", Side.SELL, "85", "11.42",
                        OrderStatus.FILLED, "alp-7f3c", "2026-03-03T20:50:00Z"),
                stored(1, "ld-20260303-lev-trend-enter-TQQQ", "lev-trend", "enter-TQQQ", "TQQQ", Side.BUY, "120", "51.30",
                        OrderStatus.FILLED, "alp-7f3d", "2026-03-03T20:50:01Z"));
    }

    private static StoredOrder stored(long id, String clientId, String strategy, String leg, String symbol, Side side, String qty,
                                      String limit, OrderStatus status, String brokerId, String at) {
        Instant t = Instant.parse(at);
        return new StoredOrder(id, new OrderIntent(clientId, strategy, LocalDate.ofInstant(t, NEW_YORK), leg, symbol, side,
                new BigDecimal(qty), OrderType.LIMIT, TimeInForce.DAY, new BigDecimal(limit), null), status, brokerId, t, t);
    }

    /** A day and a half of a realistic journal, each entry at its own minute (New York times in the comments). */
    private void fillJournal() {
        entry("2026-03-03T20:50:00Z", "DECISION", "lev-trend", "BULL regime confirmed: hold 120 TQQQ, exit SQQQ",
                "{\"regime\":\"BULL\",\"momentum\":0.74}"); // 15:50
        entry("2026-03-03T20:50:01Z", "ORDER", "lev-trend", "sell 85 SQQQ limit 11.42 (ld-20260303-lev-trend-exit-SQQQ)", null);
        entry("2026-03-03T20:50:02Z", "ORDER", "lev-trend", "buy 120 TQQQ limit 51.30 (ld-20260303-lev-trend-enter-TQQQ)", null);
        entry("2026-03-03T20:51:40Z", "FILL", "lev-trend", "filled 120 TQQQ at 51.26", "{\"qty\":120,\"price\":51.26}");
        entry("2026-03-03T21:05:00Z", "NOTIFICATION", null, "daily summary sent to Telegram and e-mail", null);
        entry("2026-03-04T14:25:00Z", "RECONCILIATION", null, "TQQQ: store 100, broker 120; store follows the broker", null);
        entry("2026-03-04T15:00:00Z", "DENIAL", "dca", "buy 4 QQQ denied: buying power $1,850 is below the order's $1,969", null);
        entry("2026-03-04T15:00:02Z", "DECISION", "dca", "weekly buy: 2 QQQ at the 0.5% limit", "{\"budget\":1000}");
        entry("2026-03-04T15:00:05Z", "ERROR", null, "Discord webhook answered 429; retrying in 30 s", null);
    }

    private void entry(String at, String kind, String strategy, String message, String details) {
        journalNow = Instant.parse(at);
        journal.append(kind, strategy, message, details);
    }

    @AfterEach
    void close() {
        executor.close();
        if (store != null) {
            store.close();
        }
    }

    @Test
    void closeAllAfterOneConfirmationCancelsTheOrderClosesBothPositionsAndReports(FxRobot robot) throws Exception {
        Button panic = robot.lookup("#panicButton").queryAs(Button.class);
        assertTrue(panic.isVisible());
        assertEquals("Close all", panic.getText());
        robot.clickOn(panic);
        robot.clickOn("Cancel orders and close all");

        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#panicReport").tryQuery().isPresent());
        WaitForAsyncUtils.waitForFxEvents();
        @SuppressWarnings("unchecked")
        ListView<PanicReport.Line> report = robot.lookup("#panicReport").queryAs(ListView.class);
        List<String> lines = report.getItems().stream().map(Object::toString).toList();
        assertEquals(List.of(
                "✓ trading state — trading is HALTED before anything else: nothing is bought until 'leverdesk resume' (or Resume"
                        + " in the window)",
                "✓ order ld-20260304-dca-weekly-QQQ (BUY 2 QQQ) — CANCELED"), lines.subList(0, 2));
        assertTrue(lines.get(2).startsWith("✓ TQQQ 120 — closed - closing order "), lines.toString());
        assertTrue(lines.get(3).startsWith("✓ QQQ 8 — closed - closing order "), lines.toString());
        assertTrue(lines.get(4).startsWith("✓ result — FLAT: the broker shows no position and no open order"), lines.toString());
        assertTrue(broker.positions().isEmpty());
        assertTrue(broker.openOrders().isEmpty());
        assertEquals(OrderStatus.CANCELED, broker.allOrders().get("fake-1").status());
        assertEquals(org.leverdesk.risk.TradingState.HALTED, new org.leverdesk.risk.RiskGate(
                new org.leverdesk.store.TradingStateRepository(store, CLOCK), journal).state());
        Path png = Snapshots.write(report.getScene().getRoot(), "panic-close-report.png");
        assertTrue(Files.size(png) > 5_000);
        assertFalse(panic.isDisabled(), "the button is ready again once the report is shown");
        robot.clickOn("OK");
    }

    @Test
    void cancellingTheDialogClosesNothing(FxRobot robot) {
        robot.clickOn("#panicButton");
        robot.clickOn("Cancel");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(2, broker.positions().size());
        assertEquals(1, broker.openOrders().size());
    }

    @Test
    void ordersViewShowsTheAccountAndCancelsOneOrderFromTheTable(FxRobot robot) throws Exception {
        robot.clickOn("Orders");
        TableView<?> positions = robot.lookup("#positionsTable").queryAs(TableView.class);
        TableView<?> open = robot.lookup("#openOrdersTable").queryAs(TableView.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> positions.getItems().size() == 2 && open.getItems().size() == 1);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("$13,738.20", robot.lookup("#equityTileValue").queryAs(Label.class).getText());
        assertEquals("+$225.60", robot.lookup("#dayProfitTileValue").queryAs(Label.class).getText());
        Path png = Snapshots.write(positions.getScene().getRoot(), "orders-view.png");
        assertTrue(Files.size(png) > 10_000);

        robot.clickOn("#cancel-ld-20260304-dca-weekly-QQQ");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> open.getItems().isEmpty());
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(OrderStatus.CANCELED, broker.allOrders().get("fake-1").status());
        assertEquals(2, broker.positions().size(), "cancelling an order leaves the positions alone");
        assertEquals("Cancel sent for ld-20260304-dca-weekly-QQQ (QQQ BUY 2)", robot.lookup("#statusLabel").queryAs(Label.class).getText());

        robot.clickOn("Order history");
        WaitForAsyncUtils.waitForFxEvents();
        Snapshots.write(positions.getScene().getRoot(), "orders-view-history.png");
        robot.clickOn("Reconciliation");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("2 differences found and recorded · 2026-03-04 09:25", robot.lookup("#reconciliationLabel").queryAs(Label.class).getText());
    }

    @Test
    void journalInTheWindowFiltersByTextAndShowsNewEntries(FxRobot robot) throws Exception {
        robot.clickOn("Journal");
        TableView<?> table = robot.lookup("#journalTable").queryAs(TableView.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> table.getItems().size() == 9);
        WaitForAsyncUtils.waitForFxEvents();
        Path png = Snapshots.write(table.getScene().getRoot(), "journal-view.png");
        assertTrue(Files.size(png) > 10_000);

        robot.clickOn("#searchField").write("TQQQ");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> table.getItems().size() == 4);
        entry("2026-03-04T19:41:00Z", "FILL", "lev-trend", "filled 40 TQQQ at 54.90", null);
        // the view polls every few seconds while shown
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> table.getItems().size() == 5);
    }

    @Test
    void journalFilterAndExportWithRealClicks(FxRobot robot) throws Exception {
        Path exports = Files.createDirectories(dir.resolve("exports"));
        Stage[] shown = new Stage[1];
        robot.interact(() -> {
            Stage stage = new Stage();
            shown[0] = stage;
            Scene scene = new Scene(JournalView.load(new JournalViewModel(JournalSource.of(journal), executor, CLOCK),
                    (kind, pattern, suggested) -> Optional.of(exports.resolve(suggested))), 1100, 600);
            scene.getStylesheets().add(MainWindow.STYLESHEET);
            stage.setScene(scene);
            stage.show();
        });
        Node view = robot.lookup("#journalView").match(n -> n.getScene().getWindow() != robot.lookup("#panicButton").query()
                .getScene().getWindow()).query();
        TableView<?> table = robot.from(view).lookup("#journalTable").queryAs(TableView.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> table.getItems().size() == 9);

        robot.clickOn(robot.from(view).lookup("#kindBox").queryAs(Node.class));
        // the item of the open drop-down, not an "ORDER" cell of the table
        robot.clickOn(robot.lookup(n -> n instanceof javafx.scene.control.ListCell<?> c && "ORDER".equals(c.getText()))
                .queryAs(Node.class));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> table.getItems().size() == 2);
        robot.clickOn(robot.from(view).lookup("#exportCsvButton").queryAs(Node.class));
        Path csv = exports.resolve("leverdesk-journal.csv");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> Files.exists(csv));
        List<String> lines = Files.readAllLines(csv);
        assertEquals(3, lines.size());
        assertEquals("id,at,kind,strategy,message,details_json", lines.get(0));
        assertTrue(lines.get(1).startsWith("3,2026-03-03T20:50:02Z,ORDER,lev-trend,buy 120 TQQQ"), lines.get(1));

        robot.clickOn(robot.from(view).lookup("#exportJsonButton").queryAs(Node.class));
        Path jsonl = exports.resolve("leverdesk-journal.jsonl");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> Files.exists(jsonl));
        assertEquals(2, Files.readAllLines(jsonl).size());
        assertTrue(Files.readAllLines(jsonl).get(1).contains("\"kind\":\"ORDER\""));
        robot.interact(shown[0]::close);
    }

}
