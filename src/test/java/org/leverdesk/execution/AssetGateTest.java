package org.leverdesk.execution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.leverdesk.broker.Account;
import org.leverdesk.broker.BrokerPosition;
import org.leverdesk.config.OptionsMode;
import org.leverdesk.config.OptionsPortfolio;
import org.leverdesk.config.PortfolioAsset;
import org.leverdesk.config.RiskSettings;
import org.leverdesk.domain.OrderType;
import org.leverdesk.domain.Side;
import org.leverdesk.domain.Target;
import org.leverdesk.domain.TimeInForce;
import org.leverdesk.domain.TradingMode;
import org.leverdesk.riskguard.GuardState;
import org.leverdesk.riskguard.GuardStates;
import org.leverdesk.store.JournalEntry;
import org.leverdesk.store.JournalRepository;
import org.leverdesk.store.Store;
import org.leverdesk.strategy.ExecutionPolicy;
import org.leverdesk.testing.Bars;
import org.leverdesk.testing.MapMarketData;
import org.leverdesk.testing.ScriptedBroker;
import org.leverdesk.testing.WeekdayCalendar;

/**
 * The options portfolio's per-asset gates in the risk step: one new entry per asset per cycle across the asset's
 * strategies (journalled as {@code risk-denied} with its reason), and maxAllocPct counting every strategy's positions.
 */
class AssetGateTest {
    private static final Instant NOW = Instant.parse("2026-01-05T20:50:00Z"); // Monday 15:50 New York
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    private static final LocalDate DAY = LocalDate.of(2026, 1, 5);
    private static final ExecutionPolicy MARKET = ExecutionPolicy.atClose(ExecutionPolicy.LiveOrderStyle.MARKET, 0);
    private static final Account CASH = new Account("PA1", bd(100_000), bd(100_000), bd(100_000), bd(100_000), false);

    @TempDir
    Path dir;
    private Store store;
    private ExecutionService service;
    private final WeekdayCalendar calendar = new WeekdayCalendar();
    private final ScriptedBroker broker = new ScriptedBroker(100_000, NOW).price("TQQQ", 100).price("QQQ", 400);

    private static BigDecimal bd(double v) {
        return BigDecimal.valueOf(v);
    }

    /** TQQQ shares for DCA, QQQ for the wheel: one asset. */
    private static OptionsPortfolio portfolio(double maxAllocPct) {
        return new OptionsPortfolio(OptionsMode.BALANCED, 100, 1,
                List.of(new PortfolioAsset("TQQQ", "QQQ", 0.5, List.of("dca", "wheel"), maxAllocPct)));
    }

    @BeforeEach
    void open() {
        store = Store.open(dir);
        MapMarketData data = new MapMarketData(Map.of(
                "TQQQ", Bars.flat("TQQQ", calendar, LocalDate.of(2026, 1, 1), 98, 99, 100),
                "QQQ", Bars.flat("QQQ", calendar, LocalDate.of(2026, 1, 1), 398, 399, 400)), false);
        service = new ExecutionService(broker, data, calendar, store, RiskSettings.defaults(), TradingMode.PAPER, CLOCK,
                new org.leverdesk.testing.HoursByHand(calendar, broker::marketOpen));
    }

    @AfterEach
    void close() {
        store.close();
    }

    private static StrategyRun run(String id, String symbol, long shares) {
        return new StrategyRun(new FixedTargets(id, Set.of(symbol), MARKET, new Target(symbol, shares)), 1, null, 0.5);
    }

    private List<JournalEntry> journal(String kind) {
        return new JournalRepository(store, CLOCK).recent(200).stream().filter(e -> e.kind().equals(kind)).toList();
    }

    @Test
    void theSecondStrategyOfAnAssetGetsNoEntryTheSameCycleAndTheDenialIsJournalled() {
        service.setPortfolio(portfolio(1.0));
        RunResult dca = service.run(run("dca", "TQQQ", 10), false);
        assertEquals(OrderOutcome.Kind.SENT, dca.outcomes().get(0).kind());
        RunResult wheel = service.run(run("wheel", "QQQ", 5), false);
        assertEquals(OrderOutcome.Kind.DENIED, wheel.outcomes().get(0).kind());
        String why = "portfolio: one new entry per asset per cycle: TQQQ already had its entry today (dca opened TQQQ)";
        assertTrue(wheel.outcomes().get(0).detail().contains(why), wheel.outcomes().get(0).detail());
        List<JournalEntry> denied = journal("risk-denied");
        assertEquals(1, denied.size());
        assertEquals("wheel", denied.get(0).strategyId());
        assertTrue(denied.get(0).message().endsWith(why), denied.get(0).message());
        assertEquals(1, broker.submits.size(), "only DCA's buy was sent");
    }

    @Test
    void withoutAPortfolioBothStrategiesTrade() {
        service.run(run("dca", "TQQQ", 10), false);
        RunResult wheel = service.run(run("wheel", "QQQ", 5), false);
        assertEquals(OrderOutcome.Kind.SENT, wheel.outcomes().get(0).kind());
    }

    @Test
    void anEntryAboveTheAssetsMaxAllocPctIsDeniedAndJournalled() {
        service.setPortfolio(portfolio(0.05)); // 5% of $100,000 = $5,000
        RunResult r = service.run(run("dca", "TQQQ", 60), false); // 60 x $100 = $6,000
        assertEquals(OrderOutcome.Kind.DENIED, r.outcomes().get(0).kind());
        String why = "portfolio: maxAllocPct: TQQQ would hold $6,000.00, above its 5% of the equity ($5,000.00; it holds $0.00 now)";
        assertTrue(r.outcomes().get(0).detail().contains(why), r.outcomes().get(0).detail());
        assertTrue(journal("risk-denied").get(0).message().endsWith(why));
        assertEquals(0, broker.submits.size());
    }

    private static PlannedOrder order(String symbol, Side side, long qty) {
        return new PlannedOrder("ld-test-" + symbol, "", symbol, side, qty, OrderType.MARKET, TimeInForce.DAY, null, "test");
    }

    private static BrokerPosition position(String symbol, double qty, double marketValue) {
        return new BrokerPosition(symbol, bd(qty), bd(0), bd(marketValue), bd(0), bd(0));
    }

    private static Optional<String> check(OptionsPortfolio p, GuardStates states, String id, LocalDate day, List<String> opened,
                                          List<PlannedOrder> unit, Map<String, Long> held, List<BrokerPosition> positions,
                                          Map<String, Double> prices) {
        return AssetGate.check(p, states, id, day, states.load(id).advance(day, 100_000), opened, unit, held, () -> positions,
                CASH, prices);
    }

    @Test
    void oneEntryPerAssetPerCycleHoldsWithinOneRunAndEndsWithTheDay() {
        OptionsPortfolio p = new OptionsPortfolio(OptionsMode.BALANCED, 100, 1, List.of(
                new PortfolioAsset("QQQM", "QQQ", 0.45, List.of("dca", "wheel"), 1.0),
                new PortfolioAsset("VTI", "VTI", 0.25, List.of("dca"), 1.0)));
        GuardStates states = GuardStates.inMemory();
        List<PlannedOrder> qqqm = List.of(order("QQQM", Side.BUY, 10));
        assertEquals(Optional.empty(), check(p, states, "dca", DAY, List.of(), qqqm, Map.of(), List.of(), Map.of()));
        // DCA's second asset in the same run is another asset: allowed; a second entry in QQQM is not
        assertEquals(Optional.empty(), check(p, states, "dca", DAY, List.of("QQQM"), List.of(order("VTI", Side.BUY, 3)),
                Map.of(), List.of(), Map.of()));
        assertEquals(Optional.of("portfolio: one new entry per asset per cycle: QQQM already had its entry today (dca opened QQQM"
                + " earlier)"), check(p, states, "dca", DAY, List.of("QQQM"), qqqm, Map.of(), List.of(), Map.of()));
        // what DCA opened is in its state; the wheel's put on QQQ (the asset's options ticker) waits for the next day
        states.save("dca", states.load("dca").advance(DAY, 100_000).traded(1, false, List.of("QQQM", "VTI"), 0));
        List<PlannedOrder> put = List.of(order("QQQ   260116P00400000", Side.SELL, 1));
        assertEquals(Optional.of("portfolio: one new entry per asset per cycle: QQQM already had its entry today (dca opened"
                + " QQQM)"), check(p, states, "wheel", DAY, List.of(), put, Map.of(), List.of(), Map.of()));
        assertEquals(Optional.empty(), check(p, states, "wheel", DAY.plusDays(1), List.of(), put, Map.of(), List.of(), Map.of()));
        // a close is never an entry
        assertEquals(Optional.empty(), check(p, states, "wheel", DAY, List.of(), List.of(order("QQQ   260116P00400000", Side.BUY, 1)),
                Map.of("QQQ   260116P00400000", -1L), List.of(), Map.of()));
        assertEquals(GuardState.EMPTY, states.load("wheel"), "the gate only reads states");
    }

    @Test
    void maxAllocPctCountsSharesAtMarketPutsAtWhatAssignmentCostsAndSpreadsAtTheirWidth() {
        OptionsPortfolio p = new OptionsPortfolio(OptionsMode.ENHANCED, 100, 1, List.of(
                new PortfolioAsset("QQQM", "QQQ", 0.45, List.of("dca", "wheel"), 0.50)));
        GuardStates states = GuardStates.inMemory();
        // every strategy's positions count: 100 QQQM worth $20,000 (DCA's)
        List<BrokerPosition> held = List.of(position("QQQM", 100, 20_000), position("VTI", 50, 15_000));
        // a cash-secured 420 put adds 420 x 100 = $42,000: $62,000 > 50% of $100,000
        assertEquals(Optional.of("portfolio: maxAllocPct: QQQM would hold $62,000.00, above its 50% of the equity ($50,000.00;"
                + " it holds $20,000.00 now)"), check(p, states, "wheel", DAY, List.of(),
                List.of(order("QQQ   260116P00420000", Side.SELL, 1)), Map.of(), held, Map.of("QQQ   260116P00420000", 5.0)));
        // a 420/415 put spread adds its width: (420 - 415) x 100 = $500, plus the long's premium 1.20 x 100 = $120
        assertEquals(Optional.empty(), check(p, states, "wheel", DAY, List.of(), List.of(order("QQQ   260116P00420000", Side.SELL, 1),
                order("QQQ   260116P00415000", Side.BUY, 1)), Map.of(), held, Map.of("QQQ   260116P00415000", 1.20)));
        assertEquals(20_620, AssetGate.exposure(Map.of("QQQM", 100.0, "QQQ   260116P00420000", -1.0, "QQQ   260116P00415000", 1.0),
                Map.of("QQQM", 200.0, "QQQ   260116P00415000", 1.20)), 1e-9);
        // an iron condor 415/420 puts + 460/465 calls: both widths, $1,000 (premiums of the longs left at 0 here)
        assertEquals(1_000, AssetGate.exposure(Map.of("QQQ   260116P00420000", -1.0, "QQQ   260116P00415000", 1.0,
                "QQQ   260116C00460000", -1.0, "QQQ   260116C00465000", 1.0), Map.of()), 1e-9);
        // a covered call adds nothing to its shares: 100 QQQ at $400
        assertEquals(40_000, AssetGate.exposure(Map.of("QQQ", 100.0, "QQQ   260116C00420000", -1.0), Map.of("QQQ", 400.0)), 1e-9);
        // 149 more QQQM at $200 is $49,800 in all: under $50,000
        assertEquals(Optional.empty(), check(p, states, "dca", DAY, List.of(), List.of(order("QQQM", Side.BUY, 149)), Map.of(), held,
                Map.of("QQQM", 200.0)));
        assertEquals(Optional.of("portfolio: maxAllocPct: QQQM would hold $50,200.00, above its 50% of the equity ($50,000.00;"
                + " it holds $20,000.00 now)"), check(p, states, "dca", DAY, List.of(), List.of(order("QQQM", Side.BUY, 151)),
                Map.of(), held, Map.of("QQQM", 200.0)));
    }
}
