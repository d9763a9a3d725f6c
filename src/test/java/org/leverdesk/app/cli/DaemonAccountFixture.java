package org.leverdesk.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.leverdesk.schedule.SimulatedClock.et;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.leverdesk.app.control.ControlClient;
import org.leverdesk.app.control.ControlMessages.Reply;
import org.leverdesk.broker.BrokerOrder;
import org.leverdesk.broker.MultiLegOrderRequest;
import org.leverdesk.broker.OrderRequest;
import org.leverdesk.broker.Quote;
import org.leverdesk.broker.paper.PaperBroker;
import org.leverdesk.domain.OrderType;
import org.leverdesk.domain.Side;
import org.leverdesk.domain.TimeInForce;
import org.leverdesk.emergency.EmergencyCloseOptionsTest;
import org.leverdesk.config.AppConfig;
import org.leverdesk.config.Secrets;
import org.leverdesk.execution.ClientOrderIds;
import org.leverdesk.market.calendar.NyseCalendar;
import org.leverdesk.market.data.CsvBarReader;
import org.leverdesk.market.data.CsvDirectoryMarketData;
import org.leverdesk.notify.NotifyOptions;
import org.leverdesk.options.contract.OptionContract;
import org.leverdesk.options.contract.OptionRight;
import org.leverdesk.schedule.SimulatedClock;
import org.leverdesk.store.OrderIntent;
import org.leverdesk.store.OrderRepository;
import org.leverdesk.store.Store;

/**
 * The paper account the daemon tests of the emergency paths start from (the close-all command over the
 * control channel, its chat twins): two sessions of prices before 2025-12-31, what the account holds that
 * morning, and a step run on another thread at a simulated minute while the daemon runs.
 */
final class DaemonAccountFixture {
    /** The two QQQ put legs of the spread {@link #holdSharesAndPutSpread} opens. */
    record PutSpread(String short60, String long55) {
    }

    private DaemonAccountFixture() {
    }

    /** A prices folder with 2025-12-29 and 12-30 for each symbol (QQQ's figures a 6 where TQQQ's have a 5). */
    static Path prices(Path tmp, String... symbols) throws IOException {
        Path prices = Files.createDirectories(tmp.resolve("prices"));
        for (String symbol : symbols) {
            Files.writeString(prices.resolve(symbol + ".csv"), """
                    date,open,high,low,close,volume,adj_close
                    2025-12-29,55.50,55.70,54.60,54.90,41000000,54.90
                    2025-12-30,54.80,55.20,54.30,54.70,39000000,54.70
                    """.replace("5", symbol.equals("QQQ") ? "6" : "5"));
        }
        return prices;
    }

    /** 20 TQQQ bought and 5 more bid at $40.00 (a resting GTC limit), the morning of 2025-12-31. */
    static void holdSharesAndRestingLimit(Path data, Path prices) {
        try (Store store = Store.open(data)) {
            PaperBroker paper = morningBroker(store, prices);
            paper.submit(new OrderRequest("t-buy", "TQQQ", Side.BUY, BigDecimal.valueOf(20), OrderType.MARKET, TimeInForce.DAY,
                    null, null));
            paper.submit(new OrderRequest("t-dip", "TQQQ", Side.BUY, BigDecimal.valueOf(5), OrderType.LIMIT, TimeInForce.GTC,
                    new BigDecimal("40.00"), null));
            assertEquals(1, paper.positions().size());
        }
    }

    /** 20 TQQQ and a 3-lot QQQ 60/55 put credit spread (2026-01-16), opened the morning of 2025-12-31. */
    static PutSpread holdSharesAndPutSpread(Path data, Path prices) {
        LocalDate expiry = LocalDate.of(2026, 1, 16);
        PutSpread legs = new PutSpread(OptionContract.of("QQQ", expiry, OptionRight.PUT, "60").occSymbol(),
                OptionContract.of("QQQ", expiry, OptionRight.PUT, "55").occSymbol());
        Instant morning = et("2025-12-31T10:00");
        try (Store store = Store.open(data)) {
            PaperBroker paper = morningBroker(store, prices);
            paper.onQuote(new Quote(legs.short60(), 1.00, 1.10, 1.05, morning));
            paper.onQuote(new Quote(legs.long55(), 0.40, 0.50, 0.45, morning));
            paper.submit(EmergencyCloseOptionsTest.order("t-buy", "TQQQ", Side.BUY, 20));
            paper.submitMultiLeg(new MultiLegOrderRequest("m-1", List.of(
                    EmergencyCloseOptionsTest.order("m-1-s", legs.short60(), Side.SELL, 3),
                    EmergencyCloseOptionsTest.order("m-1-l", legs.long55(), Side.BUY, 3)), OrderType.MARKET, TimeInForce.DAY, null));
            assertEquals(3, paper.positions().size());
        }
        return legs;
    }

    /**
     * Decision record 0031's shared contract on the morning of 2025-12-31, each order recorded under its strategy as
     * OrderSender records it: 20 TQQQ (by hand); the wheel short 1 QQQ 60 put, with a resting GTC buy-back at $0.20;
     * spreads 2 × (short 60 put, long 55 put) as one multi-leg order. The account shows the 60 put at −3.
     */
    static PutSpread holdSharedPut(Path data, Path prices) {
        LocalDate expiry = LocalDate.of(2026, 1, 16);
        PutSpread legs = new PutSpread(OptionContract.of("QQQ", expiry, OptionRight.PUT, "60").occSymbol(),
                OptionContract.of("QQQ", expiry, OptionRight.PUT, "55").occSymbol());
        Instant morning = et("2025-12-31T10:00");
        LocalDate day = LocalDate.of(2025, 12, 31);
        try (Store store = Store.open(data)) {
            PaperBroker paper = morningBroker(store, prices);
            OrderRepository orders = new OrderRepository(store, Clock.fixed(morning, ZoneOffset.UTC));
            paper.onQuote(new Quote(legs.short60(), 1.00, 1.10, 1.05, morning));
            paper.onQuote(new Quote(legs.long55(), 0.40, 0.50, 0.45, morning));
            paper.submit(EmergencyCloseOptionsTest.order("t-buy", "TQQQ", Side.BUY, 20));
            String wheel = ClientOrderIds.of("wheel", 1, day, "sell-put");
            record(orders, paper.submit(recorded(orders, "wheel", day,
                    EmergencyCloseOptionsTest.order(wheel, legs.short60(), Side.SELL, 1))));
            String parent = ClientOrderIds.of("spreads", 1, day, "open");
            List<OrderRequest> spread = List.of(EmergencyCloseOptionsTest.order(parent + "-s", legs.short60(), Side.SELL, 2),
                    EmergencyCloseOptionsTest.order(parent + "-l", legs.long55(), Side.BUY, 2));
            spread.forEach(l -> recorded(orders, "spreads", day, l));
            paper.submitMultiLeg(new MultiLegOrderRequest(parent, spread, OrderType.MARKET, TimeInForce.DAY, null))
                    .forEach(o -> record(orders, o));
            String buyBack = ClientOrderIds.of("wheel", 1, day, "buy-back");
            record(orders, paper.submit(recorded(orders, "wheel", day, new OrderRequest(buyBack, legs.short60(),
                    Side.BUY, BigDecimal.ONE, OrderType.LIMIT, TimeInForce.GTC, new BigDecimal("0.20"), null))));
            assertEquals(3, paper.positions().size());
            assertEquals(1, paper.openOrders().size());
        }
        return legs;
    }

    private static OrderRequest recorded(OrderRepository orders, String strategy, LocalDate day, OrderRequest r) {
        orders.insertIntent(new OrderIntent(r.clientOrderId(), strategy, day, "leg", r.symbol(), r.side(), r.quantity(), r.type(),
                r.timeInForce(), r.limitPrice(), r.stopPrice()));
        return r;
    }

    private static void record(OrderRepository orders, BrokerOrder o) {
        orders.recordOutcome(o.clientOrderId(), o.status(), o.brokerOrderId(), o.filledQuantity(), o.filledAveragePrice(), null);
    }

    /**
     * Runs {@code step} on its own thread when {@code clock} reaches {@code at}, as another shell or a chat
     * user would, and holds simulated time until it is done (a halt wakes the scheduler with an interrupt,
     * which the wait rides out). What the step throws is kept in the returned reference.
     */
    static AtomicReference<Throwable> atMinute(SimulatedClock clock, Instant at, ThrowingStep step) {
        AtomicReference<Throwable> failure = new AtomicReference<>();
        clock.at(at, () -> {
            Thread other = new Thread(() -> {
                try {
                    step.run();
                } catch (Throwable t) {
                    failure.set(t);
                }
            });
            other.start();
            while (other.isAlive()) {
                try {
                    other.join();
                } catch (InterruptedException e) {
                    // the scheduler's wake-up; keep waiting for the other thread
                }
            }
        });
        return failure;
    }

    /**
     * The reply to the command {@code args} sent over the control channel at {@code at}, as from a second shell, while a
     * daemon runs the account in {@code data} until {@code clock} ends (it must stop when asked).
     */
    static Reply controlCommandWhileDaemonRuns(Path data, Path prices, AppConfig config, Secrets secrets, SimulatedClock clock,
            Instant at, List<String> args) throws Exception {
        AtomicReference<Reply> reply = new AtomicReference<>();
        AtomicReference<Throwable> failure = atMinute(clock, at,
                () -> reply.set(ControlClient.send(data, args, Duration.ofSeconds(60)).orElseThrow()));
        Daemon daemon = Daemon.start(data, prices, config, secrets, clock, NotifyOptions.defaults());
        try {
            assertTrue(clock.awaitEnd(Duration.ofSeconds(60)));
            assertTrue(daemon.requestStop());
        } finally {
            daemon.close();
        }
        rethrow(failure);
        return reply.get();
    }

    /** Fails the test with what the step threw, if it threw. */
    static void rethrow(AtomicReference<Throwable> failure) {
        if (failure.get() != null) {
            throw new AssertionError(failure.get());
        }
    }

    /** A step that may fail with an assertion or an I/O error. */
    @FunctionalInterface
    interface ThrowingStep {
        void run() throws Exception;
    }

    private static PaperBroker morningBroker(Store store, Path prices) {
        return new PaperBroker(store, new CsvDirectoryMarketData(prices, new CsvBarReader(new NyseCalendar())),
                Clock.fixed(et("2025-12-31T10:00"), ZoneOffset.UTC));
    }
}
