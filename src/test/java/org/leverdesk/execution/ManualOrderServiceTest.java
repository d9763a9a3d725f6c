package org.leverdesk.execution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.leverdesk.broker.Quote;
import org.leverdesk.broker.paper.PaperBroker;
import org.leverdesk.config.RiskSettings;
import org.leverdesk.domain.OrderStatus;
import org.leverdesk.domain.OrderType;
import org.leverdesk.domain.Side;
import org.leverdesk.domain.TimeInForce;
import org.leverdesk.risk.RiskGate;
import org.leverdesk.risk.TradingState;
import org.leverdesk.store.JournalRepository;
import org.leverdesk.store.OrderRepository;
import org.leverdesk.store.Store;
import org.leverdesk.store.StoredOrder;
import org.leverdesk.store.TradingStateRepository;

/** The order ticket's service on the built-in paper broker: hand-checked money, the risk gate, the intent before the send. */
class ManualOrderServiceTest {
    // Wednesday 2026-03-04 11:00 New York: the market is open, market orders fill at once.
    private static final Instant NOW = Instant.parse("2026-03-04T16:00:00Z");
    private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    private Store store;
    private PaperBroker paper;
    private OrderRepository orders;
    private RiskGate gate;
    private JournalRepository journal;
    private ManualOrderService service;

    @BeforeEach
    void open() throws Exception {
        Path dir = Files.createTempDirectory("leverdesk-manual");
        store = Store.open(dir);
        paper = new PaperBroker(store, null, clock);
        paper.onQuote(new Quote("TQQQ", 54.86, 54.88, 54.87, NOW));
        orders = new OrderRepository(store, clock);
        journal = new JournalRepository(store, clock);
        gate = new RiskGate(new TradingStateRepository(store, clock), journal);
        service = new ManualOrderService(paper, orders, gate, new QuoteGuard(RiskSettings.defaults(), clock), journal, clock, false);
    }

    @AfterEach
    void close() {
        store.close();
    }

    private static ManualTicket buy(ManualTicket.Sizing sizing, String amount) {
        return new ManualTicket("tqqq", Side.BUY, sizing, new BigDecimal(amount), OrderType.MARKET, null, null, TimeInForce.DAY);
    }

    @Test
    void previewPricesAMarketBuyAtTheAskAndShowsTheBuyingPowerAfter() {
        TicketPreview p = service.preview(buy(ManualTicket.Sizing.SHARES, "10"));
        assertEquals(List.of(), p.problems());
        assertEquals("TQQQ", p.symbol());
        assertEquals(10, p.shares());
        assertEquals(new BigDecimal("54.88"), p.price());
        assertEquals(new BigDecimal("548.80"), p.estimatedValue());
        assertEquals(0, new BigDecimal("100000").compareTo(p.buyingPower()));
        assertEquals(0, new BigDecimal("99451.20").compareTo(p.buyingPowerAfter()), "100,000 − 548.80");
        assertEquals(0, p.held());
        assertEquals(10, p.heldAfter());
        assertEquals("ld-manual-20260304-1", p.clientOrderId());
    }

    @Test
    void dollarsBuyTheWholeSharesTheyPayFor() {
        TicketPreview p = service.preview(buy(ManualTicket.Sizing.DOLLARS, "1000"));
        assertEquals(18, p.shares(), "floor(1000 / 54.88) = 18");
        assertEquals(new BigDecimal("987.84"), p.estimatedValue());
        assertEquals(List.of("$10.00 buys no whole share at $54.88"), service.preview(buy(ManualTicket.Sizing.DOLLARS, "10")).problems());
    }

    @Test
    void aTicketThatCostsMoreThanTheBuyingPowerIsNotSent() {
        TicketPreview p = service.preview(buy(ManualTicket.Sizing.SHARES, "2000"));
        assertEquals(List.of("Needs $109,760.00 but the buying power is $100,000.00"), p.problems());
        ManualOrderResult r = service.submit(buy(ManualTicket.Sizing.SHARES, "2000"));
        assertFalse(r.sent());
        assertTrue(orders.recent(10).isEmpty(), "nothing recorded");
        assertTrue(paper.openOrders().isEmpty() && paper.positions().isEmpty());
    }

    @Test
    void submitRecordsTheIntentThenSendsUnderTheNextManualIdOfTheDay() {
        ManualOrderResult first = service.submit(buy(ManualTicket.Sizing.SHARES, "10"));
        assertTrue(first.sent(), first.message());
        assertEquals("ld-manual-20260304-1", first.clientOrderId());
        assertEquals(OrderStatus.FILLED, first.status());
        StoredOrder stored = orders.findByClientOrderId("ld-manual-20260304-1").orElseThrow();
        assertEquals("manual", stored.intent().strategyId());
        assertEquals(OrderStatus.FILLED, stored.status());
        assertEquals(first.brokerOrderId(), stored.brokerOrderId());
        assertEquals(0, new BigDecimal("10").compareTo(paper.positions().get(0).quantity()));

        ManualOrderResult second = service.submit(new ManualTicket("TQQQ", Side.SELL, ManualTicket.Sizing.SHARES, new BigDecimal("4"),
                OrderType.LIMIT, new BigDecimal("60.00"), null, TimeInForce.GTC));
        assertTrue(second.sent(), second.message());
        assertEquals("ld-manual-20260304-2", second.clientOrderId());
        assertEquals(1, paper.openOrders().size(), "a resting limit above the market");
        assertTrue(journal.recent(50).stream().anyMatch(e -> e.kind().equals("order")
                && e.message().startsWith("ld-manual-20260304-2 sell 4 TQQQ LIMIT $60")), "journalled");
    }

    @Test
    void aHaltedAccountOnlyLetsClosingTicketsThrough() {
        service.submit(buy(ManualTicket.Sizing.SHARES, "10"));
        gate.setState(TradingState.HALTED, "test");
        TicketPreview more = service.preview(buy(ManualTicket.Sizing.SHARES, "1"));
        assertEquals(1, more.problems().size());
        assertTrue(more.problems().get(0).startsWith("trading is HALTED (kill switch)"), more.problems().get(0));
        ManualOrderResult close = service.submit(new ManualTicket("TQQQ", Side.SELL, ManualTicket.Sizing.SHARES, new BigDecimal("10"),
                OrderType.MARKET, null, null, TimeInForce.DAY));
        assertTrue(close.sent(), close.message());
        assertTrue(paper.positions().isEmpty());
    }

    @Test
    void badTicketsSayWhatIsWrongInWords() {
        assertEquals(List.of("Symbol must be a ticker like QQQ (got '1x')"), service.preview(new ManualTicket("1x", Side.BUY,
                ManualTicket.Sizing.SHARES, BigDecimal.ONE, OrderType.MARKET, null, null, TimeInForce.DAY)).problems());
        TicketPreview p = service.preview(new ManualTicket("TQQQ", Side.BUY, ManualTicket.Sizing.SHARES, new BigDecimal("1.5"),
                OrderType.LIMIT, null, null, TimeInForce.DAY));
        assertEquals(List.of("Limit price must be above $0.00", "Quantity must be whole shares (got 1.5)"), p.problems());
        TicketPreview noQuote = service.preview(new ManualTicket("QQQ", Side.BUY, ManualTicket.Sizing.SHARES, BigDecimal.ONE,
                OrderType.MARKET, null, null, TimeInForce.DAY));
        assertFalse(noQuote.sendable());
    }
}
