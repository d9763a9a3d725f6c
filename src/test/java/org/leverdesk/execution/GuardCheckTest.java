package org.leverdesk.execution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.leverdesk.broker.Account;
import org.leverdesk.domain.Decision;
import org.leverdesk.domain.Explanation;
import org.leverdesk.domain.OrderType;
import org.leverdesk.domain.PortfolioView;
import org.leverdesk.domain.Position;
import org.leverdesk.domain.Side;
import org.leverdesk.domain.Target;
import org.leverdesk.domain.TimeInForce;
import org.leverdesk.market.calendar.NyseCalendar;
import org.leverdesk.riskguard.GuardSignals;
import org.leverdesk.riskguard.GuardState;
import org.leverdesk.riskguard.GuardStates;
import org.leverdesk.riskguard.RiskGuardStatus;
import org.leverdesk.store.GuardStateRepository;
import org.leverdesk.store.Store;
import org.leverdesk.strategy.Strategy;
import org.leverdesk.strategy.options.SpreadConfig;
import org.leverdesk.strategy.options.SpreadStrategy;

/**
 * The decision cycle's RiskGuard on order units: the account limits deny an opening unit with their reason, a
 * close is never denied but for the day-trade count (a stop still goes), a margin account is refused, and the
 * state kept in the store survives a restart.
 */
class GuardCheckTest {
    private static final NyseCalendar CAL = new NyseCalendar();
    private static final LocalDate MON = LocalDate.of(2024, 5, 6);
    private static final String PUT_SHORT = "QQQ240614P00420000";
    private static final String PUT_LONG = "QQQ240614P00415000";
    private static final Account CASH = new Account("PA1", bd(100_000), bd(100_000), bd(100_000), bd(100_000), false);
    private static final Account MARGIN = new Account("PA1", bd(100_000), bd(100_000), bd(200_000), bd(100_000), false, true);

    @TempDir
    Path dir;

    private final Strategy spreads = new SpreadStrategy(SpreadConfig.defaults(SpreadConfig.Mode.SPREADS));

    private static BigDecimal bd(double v) {
        return BigDecimal.valueOf(v);
    }

    private static PlannedOrder order(String symbol, Side side, long qty, OrderType type) {
        return new PlannedOrder("ld-spreads-1-" + symbol, "", symbol, side, qty, type, TimeInForce.DAY, null, "test");
    }

    private static List<PlannedOrder> openSpread() {
        return List.of(order(PUT_SHORT, Side.SELL, 1, OrderType.LIMIT), order(PUT_LONG, Side.BUY, 1, OrderType.LIMIT));
    }

    private static List<PlannedOrder> closeSpread() {
        return List.of(order(PUT_SHORT, Side.BUY, 1, OrderType.LIMIT), order(PUT_LONG, Side.SELL, 1, OrderType.LIMIT));
    }

    private static final Map<String, Long> HELD = Map.of(PUT_SHORT, -1L, PUT_LONG, 1L);

    private static PortfolioView equity(double equity) {
        return new PortfolioView() {
            @Override
            public double cash() {
                return equity;
            }

            @Override
            public long quantity(String symbol) {
                return 0;
            }

            @Override
            public Map<String, Position> positions() {
                return Map.of();
            }

            @Override
            public double equity() {
                return equity;
            }
        };
    }

    private static Decision decision(LocalDate day, boolean stop, Target... targets) {
        return new Decision(day, "spreads", true, List.of(targets), new Explanation("test",
                stop ? Map.of(GuardSignals.STOP_EXIT, 1.0) : Map.of(), List.of(), null));
    }

    private Optional<String> check(GuardCheck g, LocalDate day, List<PlannedOrder> unit, Map<String, Long> held, Account a) {
        return g.check(day, unit, held, a, Map.of(), null);
    }

    @Test
    void theDailyStopDeniesAnEntryWithItsReasonButNeverAClose() {
        GuardCheck g = new GuardCheck(GuardStates.inMemory(), CAL);
        g.begin(spreads, MON.minusDays(3), equity(100_000));
        g.finish(false);
        g.begin(spreads, MON, equity(97_900));
        g.decided(decision(MON, false), Map.of());
        assertEquals(Optional.of("RiskGuard: daily $ stop: the equity fell $2,100.00 since the previous decision"),
                check(g, MON, openSpread(), Map.of(), CASH));
        assertEquals(Optional.empty(), check(g, MON.plusDays(0), closeSpread(), HELD, CASH), "a close always goes");
    }

    @Test
    void tradesPerDayCountTheDecisionsExitsAndWhatWasSentToday() {
        GuardCheck g = new GuardCheck(GuardStates.inMemory(), CAL);
        g.begin(spreads, MON, equity(100_000));
        // this decision closes one position (one expiry: one trade) ...
        g.decided(decision(MON, false, new Target(PUT_SHORT, 0), new Target(PUT_LONG, 0)), HELD);
        g.sent(closeSpread(), HELD);
        // ... and one entry was sent before: 2 of 2 trades
        g.sent(openSpread(), Map.of());
        assertEquals(Optional.of("RiskGuard: max trades per day: 2 today already"), check(g, MON, openSpread(), Map.of(), CASH));
    }

    @Test
    void aStopExitStartsTheCooldownWhichSurvivesARestart() {
        try (Store store = Store.open(dir)) {
            GuardCheck g = new GuardCheck(new GuardStateRepository(store, java.time.Clock.systemUTC()), CAL);
            g.begin(spreads, MON, equity(100_000));
            g.decided(decision(MON, true, new Target(PUT_SHORT, 0), new Target(PUT_LONG, 0)), HELD);
            g.sent(closeSpread(), HELD);
            g.finish(false);
        }
        // A new process on Wednesday: the stop of Monday is still there, so the 7-day cooldown runs.
        try (Store store = Store.open(dir)) {
            GuardStateRepository repo = new GuardStateRepository(store, java.time.Clock.systemUTC());
            GuardState kept = repo.load("spreads");
            assertEquals(MON, kept.lastStop());
            assertEquals(1, kept.tradesToday());
            assertEquals(100_000, kept.peakEquity());
            GuardCheck g = new GuardCheck(repo, CAL);
            g.begin(spreads, MON.plusDays(2), equity(99_000));
            g.decided(decision(MON.plusDays(2), false), Map.of());
            assertEquals(Optional.of("RiskGuard: cooldown: 2 of 7 days since the stop exit of 2024-05-06"),
                    check(g, MON.plusDays(2), openSpread(), Map.of(), CASH));
            g.finish(false);
            RiskGuardStatus status = new GuardStatusService(repo, Map.of("spreads", spreads.guardLimits()), CAL,
                    java.time.Clock.fixed(MON.plusDays(2).atTime(20, 0).toInstant(java.time.ZoneOffset.UTC),
                            java.time.ZoneOffset.UTC)).statuses().get(0);
            assertEquals(RiskGuardStatus.Level.COOLING_DOWN, status.level());
            assertEquals("cooling down until 2024-05-13 after the stop exit of 2024-05-06", status.headline());
        }
    }

    @Test
    void aSameDayCloseUnderTwentyFiveThousandStopsAtThreeDayTradesUnlessItIsAStop() {
        GuardCheck g = new GuardCheck(GuardStates.inMemory(), CAL);
        g.begin(spreads, MON, equity(20_000));
        g.decided(decision(MON, false), Map.of());
        // three round trips today: opened and closed the same day
        for (int i = 0; i < 3; i++) {
            g.sent(openSpread(), Map.of());
            g.sent(closeSpread(), HELD);
        }
        g.finish(false);
        g.begin(spreads, MON, equity(20_000));
        g.decided(decision(MON, false), Map.of());
        g.sent(openSpread(), Map.of());
        Optional<String> denied = check(g, MON, closeSpread(), HELD, CASH);
        assertTrue(denied.orElseThrow().startsWith("day-trade limit: closing QQQ 2024-06-14 (2 legs) opened today would be day"
                + " trade 4 in 5 sessions"), denied.toString());
        g.decided(decision(MON, true), HELD);
        assertEquals(Optional.empty(), check(g, MON, closeSpread(), HELD, CASH), "a stop exit still closes");
    }

    @Test
    void theCashOnlyPolicyOpensNothingOnAMarginAccountAndForbidRefusesTheRun() {
        GuardCheck g = new GuardCheck(GuardStates.inMemory(), CAL);
        g.begin(spreads, MON, equity(100_000));
        g.decided(decision(MON, false), Map.of());
        assertTrue(check(g, MON, openSpread(), Map.of(), MARGIN).orElseThrow()
                .startsWith("margin policy cash_only: account PA1 is a margin account"));
        assertEquals(Optional.empty(), check(g, MON, closeSpread(), HELD, MARGIN));
        assertEquals(Optional.empty(), g.preflight(() -> MARGIN), "cash_only lets the run close positions");
        Strategy forbid = new SpreadStrategy(SpreadConfig.parse("QQQ", Map.of("marginPolicy", "forbid"), SpreadConfig.Mode.SPREADS));
        g.begin(forbid, MON, equity(100_000));
        assertTrue(g.preflight(() -> MARGIN).orElseThrow().startsWith("margin policy forbid: account PA1 is a margin account; switch"));
        assertEquals(Optional.empty(), g.preflight(() -> CASH));
    }

    @Test
    void aStockStrategysPositionLimitsAreCheckedByTheCycle() {
        Strategy stock = new Strategy() {
            @Override
            public String id() {
                return "stock";
            }

            @Override
            public java.util.Set<String> symbols() {
                return java.util.Set.of("QQQ");
            }

            @Override
            public org.leverdesk.strategy.ExecutionPolicy execution() {
                return org.leverdesk.strategy.ExecutionPolicy.atClose(org.leverdesk.strategy.ExecutionPolicy.LiveOrderStyle.MARKET, 0);
            }

            @Override
            public Decision decide(org.leverdesk.strategy.DecisionContext context) {
                return Decision.hold(context.today(), "stock", "test");
            }

            @Override
            public org.leverdesk.riskguard.GuardLimits guardLimits() {
                return new org.leverdesk.riskguard.GuardLimits(0, 0, 0.5, 0, 0, 0, 0, 150, 0.10,
                        org.leverdesk.riskguard.MarginPolicy.ALLOW, 3, 25_000);
            }
        };
        GuardCheck g = new GuardCheck(GuardStates.inMemory(), CAL);
        g.begin(stock, MON, equity(100_000));
        g.decided(decision(MON, false), Map.of());
        // 120 shares at $400 = $48,000 of risk (no stop: the whole value) within 50%; 130 = $52,000 is not
        Map<String, Double> price = Map.of("QQQ", 400.0);
        assertEquals(Optional.empty(), g.check(MON, List.of(order("QQQ", Side.BUY, 120, OrderType.MARKET)), Map.of(), CASH, price, null));
        assertEquals(Optional.of("RiskGuard: max open risk: $0.00 open + $52,000.00 new exceeds 50.00% of the equity"),
                g.check(MON, List.of(order("QQQ", Side.BUY, 130, OrderType.MARKET)), Map.of(), CASH, price, null));
        // direction cap 150 shares: shares count as delta 1
        assertEquals(Optional.of("RiskGuard: max open risk: $48,000.00 open + $16,000.00 new exceeds 50.00% of the equity;"
                        + " direction cap: the net delta would be 160.00 shares"),
                g.check(MON, List.of(order("QQQ", Side.BUY, 40, OrderType.MARKET)), Map.of("QQQ", 120L), CASH, price, null));
    }
}
