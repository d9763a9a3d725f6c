package org.leverdesk.broker.paper;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.leverdesk.broker.BrokerOrder;
import org.leverdesk.broker.OrderRequest;
import org.leverdesk.domain.Bar;
import org.leverdesk.domain.OrderType;
import org.leverdesk.domain.Side;
import org.leverdesk.domain.TimeInForce;
import org.leverdesk.market.data.Split;
import org.leverdesk.market.data.SplitCheck;
import org.leverdesk.store.BarRepository;
import org.leverdesk.store.SplitRepository;
import org.leverdesk.store.Store;
import org.leverdesk.store.StoreMarketData;
import org.leverdesk.testing.MutableClock;

/**
 * A known split on the paper account that trades the store's bars, across its ex-date on a moving clock: applied at
 * the open once (a restart does not apply it again), the stored bars before the ex-date divided once, and the
 * feed's first post-split bar then continues the stored series instead of being refused as a split jump.
 */
class PaperBrokerSplitTest {
    @TempDir
    Path dir;

    private static final LocalDate MON = LocalDate.of(2026, 3, 2);
    private static final LocalDate TUE = LocalDate.of(2026, 3, 3);
    private static final LocalDate WED = LocalDate.of(2026, 3, 4);
    // Tuesday 10:00 New York, then Wednesday (the ex-date) 10:00.
    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-03T15:00:00Z"));

    private static Bar bar(LocalDate d, double c) {
        return new Bar(d, c, c, c, c, 1000, c);
    }

    @Test
    void aTwoForOneSplitIsAppliedOnceAtTheExDatesOpenToSharesStopsAndStoredBars() {
        List<String> told = new ArrayList<>();
        try (Store store = Store.open(dir)) {
            new BarRepository(store).upsert("TQQQ", List.of(bar(MON, 100.00), bar(TUE, 100.00)));
            PaperBroker paper = new PaperBroker(store, new StoreMarketData(store), clock);
            paper.addSplitListener((kind, line) -> told.add(kind + ": " + line));
            // Tuesday 10:00: Monday's close is the price, the ask 100.00 x 1.0001 = 100.01.
            paper.submit(new OrderRequest("buy", "TQQQ", Side.BUY, BigDecimal.valueOf(15), OrderType.MARKET, TimeInForce.DAY, null, null));
            paper.submit(new OrderRequest("stop", "TQQQ", Side.SELL, BigDecimal.valueOf(15), OrderType.STOP, TimeInForce.GTC, null,
                    new BigDecimal("90.00")));
            assertTrue(new SplitRepository(store).record(Split.parse("TQQQ", WED, "2:1", "manual"), clock.instant()));
            paper.refresh();
            assertEquals(0, new BigDecimal("15").compareTo(paper.positions().get(0).quantity()), "nothing before the ex-date");

            clock.set(Instant.parse("2026-03-04T15:00:00Z"));
            paper.refresh();
            // 15 x 2 = 30 shares at 100.01 / 2 = 50.005; the stop for 15 at 90.00 is one for 30 at 45.00.
            assertEquals(0, new BigDecimal("30").compareTo(paper.positions().get(0).quantity()));
            assertEquals(0, new BigDecimal("50.005").compareTo(paper.positions().get(0).averageEntryPrice()));
            BrokerOrder stop = paper.openOrders().get(0);
            assertEquals(0, new BigDecimal("30").compareTo(stop.quantity()));
            assertEquals(new BigDecimal("45.00"), stop.stopPrice());
            // Cash 100,000 - 15 x 100.01 = 98,499.85; equity 98,499.85 + 30 x 50.00 (Tuesday's close / 2).
            assertEquals(new BigDecimal("98499.85"), paper.account().cash());
            assertEquals(new BigDecimal("99999.85"), paper.account().equity());
            assertEquals(List.of(50.00, 50.00), closes(store));
            assertEquals(List.of("split: paper account: TQQQ 2:1 split going ex 2026-03-04: 15 shares became 30; 1 open order adjusted"), told);
        }
        try (Store store = Store.open(dir)) {
            PaperBroker again = new PaperBroker(store, new StoreMarketData(store), clock);
            again.refresh();
            assertEquals(0, new BigDecimal("30").compareTo(again.positions().get(0).quantity()), "a restart does not split again");
            assertEquals(1, again.splits().size());
            assertEquals(List.of(50.00, 50.00), closes(store), "the bars are divided once");
            assertTrue(new SplitRepository(store).adjustBars("TQQQ", WED).isEmpty());

            // The feed's first bar on the new basis continues the adjusted series; against the old one it is a split jump.
            List<Bar> stored = new BarRepository(store).load("TQQQ").bars();
            assertEquals(java.util.Optional.empty(), SplitCheck.check("TQQQ", stored, List.of(bar(WED, 51.00)), "remedy"));
            assertTrue(SplitCheck.check("TQQQ", List.of(bar(MON, 100.00), bar(TUE, 100.00)), List.of(bar(WED, 51.00)), "remedy")
                    .orElseThrow().contains("2:1 split"));
        }
    }

    @Test
    void aSplitRecordedDuringItsExDateIsAppliedAtTheNextRefreshThatDay() {
        try (Store store = Store.open(dir)) {
            new BarRepository(store).upsert("TQQQ", List.of(bar(MON, 2.00), bar(TUE, 2.00)));
            PaperBroker paper = new PaperBroker(store, new StoreMarketData(store), clock);
            paper.submit(new OrderRequest("buy", "TQQQ", Side.BUY, BigDecimal.valueOf(15), OrderType.MARKET, TimeInForce.DAY, null, null));
            clock.set(Instant.parse("2026-03-04T15:00:00Z"));
            paper.refresh();
            new SplitRepository(store).record(Split.parse("TQQQ", WED, "1:10", "manual"), clock.instant());
            paper.refresh();
            // 15 / 10 = 1.5: 1 share, the half at Tuesday's close x 10 = 20.00 -> 10.00 cash in lieu.
            assertEquals(0, BigDecimal.ONE.compareTo(paper.positions().get(0).quantity()));
            assertEquals(0, new BigDecimal("10.00").compareTo(paper.splits().get(0).cashInLieu()));
            assertEquals(List.of(20.00, 20.00), closes(store));
        }
    }

    private static List<Double> closes(Store store) {
        return new BarRepository(store).load("TQQQ").bars().stream().map(Bar::close).toList();
    }
}
