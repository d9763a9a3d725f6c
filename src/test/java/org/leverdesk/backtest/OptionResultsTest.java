package org.leverdesk.backtest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.leverdesk.backtest.OptionResults.Kind;
import org.leverdesk.testing.OptionRunSamples;

/** The premium/stock split, the events and the spread tallies on the hand-made runs of {@link OptionRunSamples}. */
class OptionResultsTest {

    @Test
    void theWheelsPnlSplitsIntoPremiumAndStockAsCheckedByHand() {
        OptionResults r = OptionResults.of(OptionRunSamples.wheel(true));
        // option fills: +250 (put) + 0 (assigned) + 300 (call) + 0 (called away) + 200 (put) = 750
        assertEquals(750, r.optionCash(), 1e-9);
        assertEquals(-120, r.openOptionValue(), 1e-9);
        assertEquals(630, r.premiumPnl(), 1e-9);
        // 51,680 − 50,000 − 630 = 1,050: the shares bought at 400 and called away at 410, and the $50 dividend
        assertEquals(1_050, r.stockPnl(), 1e-9);
        assertEquals(50, r.dividends(), 1e-9);
        assertEquals(750, r.summary().premiumCollected(), 1e-9);
        assertEquals(1, r.summary().putAssignments());
        assertEquals(1, r.summary().callAssignments());
        assertEquals("premium P&L $630.00 (option trades $750.00 + open options marked -$120.00), stock P&L $1,050.00"
                + " (incl. dividends $50.00)", r.splitLine());
    }

    @Test
    void theWheelsCycleIsItsEventsInOrder() {
        OptionResults r = OptionResults.of(OptionRunSamples.wheel(true));
        assertEquals(List.of(Kind.PUT_SOLD, Kind.PUT_ASSIGNED, Kind.CALL_SOLD, Kind.CALLED_AWAY, Kind.PUT_SOLD),
                r.events().stream().map(OptionResults.Event::kind).toList());
        assertEquals(LocalDate.parse("2024-01-12"), r.events().get(1).date());
        assertEquals("QQQ   240126C00410000", r.events().get(2).symbols());
        assertEquals(300, r.events().get(2).cash(), 1e-9);
        assertTrue(r.exits().isEmpty());
        assertTrue(r.refusals().isEmpty());
    }

    @Test
    void aReopenedRunWithAnOpenOptionSaysItIsNotMarked() {
        OptionResults r = OptionResults.of(OptionRunSamples.wheel(false));
        assertEquals(750, r.optionCash(), 1e-9);
        assertTrue(Double.isNaN(r.openOptionValue()));
        assertTrue(Double.isNaN(r.premiumPnl()));
        assertTrue(r.splitLine().startsWith("premium P&L - (option trades $750.00 + open options not marked)"), r.splitLine());
    }

    @Test
    void aSpreadIsOneEventPerOrderWithItsExitAndTheRefusalsAreTallied() {
        OptionResults r = OptionResults.of(OptionRunSamples.spread());
        assertEquals(List.of(Kind.SPREAD_OPENED, Kind.SPREAD_CLOSED), r.events().stream().map(OptionResults.Event::kind).toList());
        assertEquals(2, r.events().get(0).legs().size());
        assertEquals(60, r.events().get(0).cash(), 1e-9);   // 1.00 − 0.40 = 0.60 × 100
        assertEquals(-30, r.events().get(1).cash(), 1e-9);  // 0.10 − 0.40 = −0.30 × 100
        assertNull(r.events().get(0).exit());
        assertEquals("profit take", r.events().get(1).exit());
        assertEquals(Map.of("profit take", 1), r.exits());
        assertEquals(30, r.premiumPnl(), 1e-9);
        assertEquals(0, r.stockPnl(), 1e-9);
        // most frequent first; a passing gate is not counted
        assertEquals(List.of("cooldown", "drawdown throttle"), List.copyOf(r.refusals().keySet()));
        assertEquals("cooldown 2, drawdown throttle 1", r.refusalsLine(5));
        assertEquals("cooldown 2, 1 more gate(s)", r.refusalsLine(1));
    }

    @Test
    void exitKindsAreReadFromTheDecisionThatClosedTheExpiry() {
        LocalDate x = LocalDate.parse("2024-02-23");
        assertEquals("stop", OptionResults.exitKind("close the 2024-02-23 position (1×, …): stop: loss $2.20 >= 50% of the maximum loss $4.40", x));
        assertEquals("short strike", OptionResults.exitKind("a; close the 2024-02-23 position (2×): stop: QQQ closed at $60.81, beyond the short strike $61.00", x));
        assertEquals("close before expiry", OptionResults.exitKind("close the 2024-02-23 position (1×): closed before expiry day (1 DTE)", x));
        assertNull(OptionResults.exitKind("close the 2024-03-01 position (1×): profit take: $1.00", x));
        assertNull(OptionResults.exitKind(null, x));
    }

    @Test
    void aRunWithoutOptionsHasNone() {
        BacktestResult plain = OptionRunSamples.wheel(true);
        BacktestResult stocks = new BacktestResult(plain.strategyId(), plain.symbol(), plain.config(), plain.dataSource(),
                plain.equity(), null, plain.metrics(), null, plain.fills().stream().filter(f -> f.symbol().equals("QQQ")).toList(),
                List.of(), List.of());
        assertFalse(OptionResults.of(stocks).any());
    }
}
