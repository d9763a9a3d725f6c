package org.leverdesk.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.leverdesk.broker.Quote;
import org.leverdesk.broker.paper.PaperBroker;
import org.leverdesk.config.ConfigFile;
import org.leverdesk.config.RiskSettings;
import org.leverdesk.config.Secrets;
import org.leverdesk.domain.Bar;
import org.leverdesk.domain.BarSeries;
import org.leverdesk.domain.OrderStatus;
import org.leverdesk.execution.ManualOrderService;
import org.leverdesk.execution.QuoteGuard;
import org.leverdesk.market.calendar.NyseCalendar;
import org.leverdesk.market.data.DataCatalog.SymbolCoverage;
import org.leverdesk.risk.RiskGate;
import org.leverdesk.store.JournalRepository;
import org.leverdesk.store.OrderRepository;
import org.leverdesk.store.Store;
import org.leverdesk.store.StoredOrder;
import org.leverdesk.store.TradingStateRepository;
import org.leverdesk.testing.MapMarketData;
import org.leverdesk.ui.common.FxTaskExecutor;
import org.leverdesk.ui.shell.MainWindow;
import org.leverdesk.ui.watchlist.WatchRow;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The Chart view and the order ticket on the built-in paper broker, as a trader uses them: find
 * TQQQ, read it on the watchlist, open the ticket, type 10 shares, read the preview, submit; the
 * paper account holds 10 shares and the store the intent under the first manual client order id.
 */
@FxTest
class OrderTicketPaperFxTest {
    // Wednesday 2026-03-04 11:00 New York: the market is open, the market order fills at once.
    private static final Instant NOW = Instant.parse("2026-03-04T16:00:00Z");
    private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    private final FxTaskExecutor executor = new FxTaskExecutor();
    private Store store;
    private PaperBroker paper;
    private OrderRepository orders;

    @Start
    void start(Stage stage) {
        // The window is built in the test: on a loaded machine TestFX's set-up time limit is too short for it.
    }

    private void open(FxRobot robot) throws IOException {
        Path dir = Files.createTempDirectory("leverdesk-ticket-fx");
        store = Store.open(dir);
        paper = new PaperBroker(store, null, clock);
        paper.onQuote(new Quote("TQQQ", 54.86, 54.88, 54.87, NOW));
        paper.onQuote(new Quote("QQQ", 492.29, 492.31, 492.30, NOW));
        orders = new OrderRepository(store, clock);
        JournalRepository journal = new JournalRepository(store, clock);
        ManualOrderService tickets = new ManualOrderService(paper, orders, new RiskGate(new TradingStateRepository(store, clock), journal),
                new QuoteGuard(RiskSettings.defaults(), clock), journal, clock, false);
        MapMarketData prices = new MapMarketData(Map.of("TQQQ", walk("TQQQ", 54.0), "QQQ", walk("QQQ", 490.0)), false);
        AppServices services = new AppServices(new FakeBacktestRunner(), new FakeDataCatalog(
                new SymbolCoverage("QQQ", LocalDate.of(2025, 1, 2), LocalDate.of(2026, 3, 3), 290)), null,
                AppServices.Mode.PAPER, "store · 2 symbols", dir.resolve("leverdesk.mv.db"), null, null, prices, null,
                new AppServices.Trading(paper, null, null, null, null, null, tickets, null),
                new AppServices.Settings(new ConfigFile(dir.resolve("config").resolve("config.json")),
                        new Secrets(dir.resolve("secrets.properties"), Map.of()), null, null, null));
        robot.interact(() -> {
            Stage stage = new Stage();
            Scene scene = new Scene(MainWindow.create(services, executor, clock), 1280, 820);
            scene.getStylesheets().add(MainWindow.STYLESHEET);
            stage.setScene(scene);
            stage.show();
        });
    }

    /** About 290 sessions ending 2026-03-03, gently rising to {@code last} with daily swings. */
    static BarSeries walk(String symbol, double last) {
        NyseCalendar cal = new NyseCalendar();
        List<Bar> bars = new ArrayList<>();
        LocalDate d = cal.nextTradingDay(LocalDate.of(2025, 1, 1));
        int i = 0;
        while (!d.isAfter(LocalDate.of(2026, 3, 3))) {
            double c = last * (0.75 + 0.25 * i / 290.0) * (1 + 0.04 * Math.sin(i / 9.0));
            bars.add(new Bar(d, c * 0.995, c * 1.012, c * 0.985, c, 1_000_000 + 5_000L * (i % 40), c));
            d = cal.nextTradingDay(d);
            i++;
        }
        return BarSeries.of(symbol, bars);
    }

    @AfterEach
    void close() {
        executor.close();
        if (store != null) {
            store.close();
        }
    }

    @Test
    void aTicketFromTheChartBuysTenSharesOnThePaperAccount(FxRobot robot) throws Exception {
        open(robot);
        robot.clickOn("Chart");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> robot.lookup("#summaryLabel").queryAs(Label.class).getText().startsWith("QQQ"));
        TableView<WatchRow> watch = robot.lookup("#watchTable").queryAs(TableView.class);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> watch.getItems().stream()
                .anyMatch(r -> r.symbol().equals("TQQQ") && r.quote() != null));
        WatchRow tqqq = watch.getItems().stream().filter(r -> r.symbol().equals("TQQQ")).findFirst().orElseThrow();
        assertEquals("$54.87", tqqq.lastText(), "the paper broker's last trade");

        // Find TQQQ: type it into the search box and press Enter.
        TextField search = robot.lookup("#symbolSearch").queryAs(javafx.scene.control.ComboBox.class).getEditor();
        robot.interact(() -> search.setText(""));
        robot.clickOn(search).write("tqqq").type(KeyCode.ENTER);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> robot.lookup("#summaryLabel").queryAs(Label.class).getText().startsWith("TQQQ"));

        robot.clickOn("#ticketButton");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#ticketView").tryQuery().isPresent());
        TextField amount = robot.lookup("#ticket-amount").queryAs(TextField.class);
        robot.interact(amount::requestFocus);
        robot.interact(amount::selectAll);
        robot.write("10");
        javafx.collections.ObservableList<String> preview = ((org.leverdesk.ui.ticket.TicketView) robot.lookup("#ticketView")
                .query()).viewModel().previewLines();
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> preview.contains("Buy 10 TQQQ at ask $54.88"));
        assertEquals(List.of("Buy 10 TQQQ at ask $54.88", "Estimated cost: $548.80", "Buying power: $100,000.00 → $99,451.20",
                "Position: 0 → 10 shares", "Order id: ld-manual-20260304-1"), List.copyOf(preview));
        Snapshots.write(robot.lookup("#ticketView").query(), "order-ticket.png");

        robot.clickOn("#submitOrder");
        Label result = robot.lookup("#ticketResult").queryAs(Label.class);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> result.getText().startsWith("Sent"));
        assertEquals("Sent buy 10 TQQQ MARKET DAY as ld-manual-20260304-1 · FILLED", result.getText());
        assertEquals(0, new BigDecimal("10").compareTo(paper.positions().get(0).quantity()));
        StoredOrder stored = orders.findByClientOrderId("ld-manual-20260304-1").orElseThrow();
        assertEquals(OrderStatus.FILLED, stored.status());
        assertEquals("manual", stored.intent().strategyId());
        // The preview moves on to the next id, so a second order can never reuse the first one's.
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> preview.contains("Order id: ld-manual-20260304-2"));
        assertTrue(preview.contains("Position: 10 → 20 shares"));
    }
}
