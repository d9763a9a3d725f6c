package org.leverdesk.execution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.leverdesk.market.calendar.NyseCalendar;
import org.leverdesk.optionbook.BookExposure;
import org.leverdesk.optionbook.ChainSource;
import org.leverdesk.options.chain.ChainFilter;
import org.leverdesk.options.chain.OptionQuote;
import org.leverdesk.options.contract.OptionContract;
import org.leverdesk.options.contract.OptionRight;
import org.leverdesk.riskguard.GuardLimits;
import org.leverdesk.riskguard.GuardStates;
import org.leverdesk.riskguard.OptionExposure;
import org.leverdesk.riskguard.RiskGuardStatus;
import org.leverdesk.strategy.options.SpreadConfig;
import org.leverdesk.ui.FakeBroker;

/**
 * The open-risk and net-delta gauges with hand-checked numbers: a bull put spread 480/475 × 2 for a $1.40 credit and an
 * iron condor 470/465 – 520/525 × 1 for $1.20 hold 2 × (500 − 140) + (500 − 120) = $1,100 of open risk; against
 * $50,000 equity and the default maxRiskPct of 10% ($5,000) that is 2.20%, 22% of the cap; a net delta of −181 shares
 * is 60% of the ±300 cap. Only strategies with those limits on get the gauges; a failing read leaves the stored ones.
 */
class GuardExposureGaugesTest {
    private static final LocalDate MAR20 = LocalDate.of(2026, 3, 20);
    private static final LocalDate APR17 = LocalDate.of(2026, 4, 17);
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-04T20:00:00Z"), ZoneOffset.UTC);
    private static final GuardLimits SPREADS = SpreadConfig.defaults(SpreadConfig.Mode.SPREADS).guard();

    private static String occ(LocalDate expiry, OptionRight right, String strike) {
        return OptionContract.of("QQQ", expiry, right, strike).occSymbol();
    }

    /** A chain source that prices nothing: the open risk needs only the strikes and the entry prices. */
    private static final ChainSource NO_QUOTES = new ChainSource() {
        @Override
        public List<String> underlyings() {
            return List.of();
        }

        @Override
        public Snapshot chain(String underlying, ChainFilter filter) {
            throw new IllegalArgumentException("no chain");
        }

        @Override
        public Optional<OptionQuote> quote(OptionContract contract) {
            return Optional.empty();
        }
    };

    @Test
    void openRiskIsWidthTimes100LessTheCreditOverTheOpenSpreadsAndCondors() {
        FakeBroker broker = new FakeBroker(CLOCK.instant(), "50000.00", "50000.00")
                .hold("QQQ", "40", "490.00", "490.00")
                .hold(occ(MAR20, OptionRight.PUT, "480"), "-2", "2.10", "2.10")
                .hold(occ(MAR20, OptionRight.PUT, "475"), "2", "0.70", "0.70")
                .hold(occ(APR17, OptionRight.PUT, "470"), "-1", "1.00", "1.00")
                .hold(occ(APR17, OptionRight.PUT, "465"), "1", "0.40", "0.40")
                .hold(occ(APR17, OptionRight.CALL, "520"), "-1", "0.90", "0.90")
                .hold(occ(APR17, OptionRight.CALL, "525"), "1", "0.30", "0.30");
        OptionExposure e = new BookExposure(broker, NO_QUOTES, CLOCK).get();
        assertEquals(1100.0, e.openRisk(), 1e-9, "2 × (5 × 100 − 140) + (5 × 100 − 120)");
        assertEquals(0.0, e.netDelta(), 1e-12, "no leg could be priced");
        assertEquals(broker.account().equity().doubleValue(), e.equity(), 1e-9);
    }

    @Test
    void theGaugesShowOpenRiskAndNetDeltaAgainstTheirLimits() {
        Map<String, GuardLimits> limits = new LinkedHashMap<>();
        limits.put("spreads", SPREADS);
        limits.put("monthly-rebalance", GuardLimits.OFF);
        List<RiskGuardStatus> statuses = new GuardStatusService(GuardStates.inMemory(), limits, new NyseCalendar(), CLOCK,
                () -> new OptionExposure(1100, -181.0, 50_000)).statuses();
        RiskGuardStatus spreads = statuses.get(0);
        RiskGuardStatus.Gauge risk = gauge(spreads, "Open risk");
        assertEquals(1100, risk.used(), 1e-9);
        assertEquals(5000, risk.limit(), 1e-9, "10% × $50,000");
        assertEquals(0.22, risk.fraction(), 1e-12);
        assertEquals("$1,100.00 = 2.20% of $50,000.00 equity; limit 10.00% = $5,000.00", risk.text());
        RiskGuardStatus.Gauge delta = gauge(spreads, "Net delta");
        assertEquals(181, delta.used(), 1e-9);
        assertEquals(300, delta.limit(), 1e-9);
        assertEquals(181.0 / 300, delta.fraction(), 1e-12);
        assertEquals("-181.0 shares of ±300", delta.text());
        assertTrue(spreads.lines().contains("  Open risk                $1,100.00 = 2.20% of $50,000.00 equity; limit 10.00% = $5,000.00 (22%)"),
                spreads.lines().toString());
        assertTrue(spreads.lines().contains("  Net delta                -181.0 shares of ±300 (60%)"), spreads.lines().toString());
        assertTrue(statuses.get(1).gauges().stream().noneMatch(g -> g.name().equals("Open risk") || g.name().equals("Net delta")),
                "a strategy with both limits off gets neither gauge");

        // at the cap the gauge is reached (the Dashboard draws it red)
        RiskGuardStatus full = RiskGuardStatus.of("spreads", SPREADS, org.leverdesk.riskguard.GuardState.EMPTY, MAR20, 0)
                .withExposure(new OptionExposure(5000, 300, 50_000));
        assertEquals(1.0, gauge(full, "Open risk").fraction(), 1e-12);
        assertEquals(1.0, gauge(full, "Net delta").fraction(), 1e-12);

        List<RiskGuardStatus> failing = new GuardStatusService(GuardStates.inMemory(), limits, new NyseCalendar(), CLOCK, () -> {
            throw new IllegalStateException("broker unreachable");
        }).statuses();
        assertEquals(6, failing.get(0).gauges().size(), "the stored gauges only");
    }

    private static RiskGuardStatus.Gauge gauge(RiskGuardStatus s, String name) {
        return s.gauges().stream().filter(g -> g.name().equals(name)).findFirst().orElseThrow(() -> new AssertionError(name));
    }
}
