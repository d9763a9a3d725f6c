package org.leverdesk.strategy.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.leverdesk.strategy.catalog.StrategyDescriptor.ParameterSpec;

/** Every declared parameter reads like a form field and converts to exactly what its strategy parses. */
class ParameterModelTest {
    private final StrategyCatalog catalog = StrategyCatalog.builtIn();

    @Test
    void everyParameterHasALabelHelpAndADefaultThatRoundTripsThroughTheForm() {
        for (StrategyDescriptor s : catalog.all()) {
            for (ParameterSpec p : s.parameters()) {
                String where = s.id() + "." + p.name();
                assertFalse(p.label().isBlank(), where);
                assertNotEquals(p.name(), p.label(), where + " shows its code name");
                assertFalse(p.description().isBlank(), where + " has no help");
                assertTrue(p.kind() != ParameterKind.TEXT && p.kind() != ParameterKind.SECRET, where + " is free text");
                String shown = ParameterValues.display(p, p.defaultValue());
                ParameterValues.Parsed back = ParameterValues.parse(p, shown);
                assertTrue(back.ok(), where + ": " + back.problem());
                assertEquals(ParameterSets.canonicalValue(p.defaultValue()), ParameterSets.canonicalValue(back.stored()), where);
            }
            // the defaults pass the strategy's own checks
            ParameterSets.canonical(s, Map.of());
        }
    }

    @Test
    void dcaWeightsAreTickerWeightPairsNotFreeText() {
        ParameterSpec weights = catalog.require("dca").parameter("weights").orElseThrow();
        assertEquals(ParameterKind.TICKER_WEIGHTS, weights.kind());
        assertEquals("QQQM:0.45,VTI:0.25", ParameterValues.parse(weights, "qqqm: 0.45; VTI:0.250").stored());
        assertEquals("QQQM:0.45, VTI:0.25", ParameterValues.display(weights, "QQQM:0.45,VTI:0.25"));
        assertEquals("", ParameterValues.parse(weights, " ").stored(), "empty: equal parts");
        assertEquals("Weights: 'QQQM' is not a ticker and a weight above 0 and at most 1; write pairs like QQQM:0.45, VTI:0.25",
                ParameterValues.parse(weights, "QQQM").problem());
        assertFalse(ParameterValues.parse(weights, "QQQM:1.5").ok());
        assertFalse(ParameterValues.parse(weights, "QQQM:0").ok());
    }

    @Test
    void percentsAreShownAsPercentsAndGoBackInTheStrategysUnit() {
        ParameterSpec capital = catalog.require("regime").parameter("capitalFraction").orElseThrow();
        assertEquals("30", ParameterValues.display(capital, "0.30"));
        assertEquals("0.45", ParameterValues.parse(capital, "45").stored());
        assertEquals("0.45", ParameterValues.parse(capital, "45 %").stored());
        ParameterSpec offset = catalog.require("monthly-rebalance").parameter("limitOffsetBps").orElseThrow();
        assertEquals("0.5", ParameterValues.display(offset, "50"));
        assertEquals("25", ParameterValues.parse(offset, "0.25").stored());
        ParameterSpec stop = catalog.require("rsi2").parameter("stopLossPercent").orElseThrow();
        assertEquals("5", ParameterValues.display(stop, "5"));
        assertEquals("7.5", ParameterValues.parse(stop, "7.5").stored());
    }

    @Test
    void moneyIsShownWithTwoDecimalsAndReadWithDollarsAndCommas() {
        ParameterSpec allocation = catalog.require("monthly-rebalance").parameter("allocation").orElseThrow();
        assertEquals("2,000.00", ParameterValues.display(allocation, "2000"));
        assertEquals("12500", ParameterValues.parse(allocation, "$12,500.00").stored());
        assertEquals("Allocation must be above $0.00 and at most $100,000,000.00 (got $0.00)",
                ParameterValues.parse(allocation, "0").problem());
    }

    @Test
    void problemsUseTheLabelAndTheUnitPeopleSee() {
        StrategyDescriptor regime = catalog.require("regime");
        assertEquals("Capital used must be between 0% and 100% (got 130%)",
                ParameterValues.parse(regime.parameter("capitalFraction").orElseThrow(), "130").problem());
        assertEquals("Fast SMA must be between 2 and 999 days (got 1 days)",
                ParameterValues.parse(regime.parameter("fastPeriod").orElseThrow(), "1").problem());
        assertEquals("Fast SMA must be a whole number (got 20.5)",
                ParameterValues.parse(regime.parameter("fastPeriod").orElseThrow(), "20.5").problem());
        assertEquals("Fast SMA is needed", ParameterValues.parse(regime.parameter("fastPeriod").orElseThrow(), " ").problem());
        assertEquals("Signal symbol must be a ticker like QQQ (got 'q q')",
                ParameterValues.parse(regime.parameter("signalSymbol").orElseThrow(), "q q").problem());
    }

    @Test
    void choicesAndSwitchesTakeTheirLabelsOrValues() {
        StrategyDescriptor rotation = catalog.require("rotation");
        ParameterSpec selection = rotation.parameter("selection").orElseThrow();
        assertEquals("momentum", ParameterValues.parse(selection, "Highest NAV change").stored());
        assertEquals("nav", ParameterValues.parse(selection, "NAV").stored());
        assertEquals("Sleeve choice must be one of: Highest NAV (seed), Highest NAV change",
                ParameterValues.parse(selection, "best").problem());
        ParameterSpec hedge = catalog.require("rsi2").parameter("hedge").orElseThrow();
        assertEquals("false", ParameterValues.parse(hedge, "off").stored());
        ParameterSpec core = rotation.parameter("core").orElseThrow();
        assertEquals("GLD, SLX, JEF, CPER", ParameterValues.display(core, "GLD,SLX,JEF,CPER"));
        assertEquals("GLD,SLX", ParameterValues.parse(core, "gld  slx").stored());
        assertEquals("Core group: '1X' is not a ticker; list symbols like GLD, SLX", ParameterValues.parse(core, "GLD, 1x").problem());
    }

    @Test
    void aStrategysOwnMessageIsRetoldWithLabels() {
        StrategyDescriptor rsi2 = catalog.require("rsi2");
        String message = "entryRsi (80) must be below exitRsi (75)";
        assertEquals("Entry RSI (80) must be below Exit RSI (75)", ParameterValues.inWords(rsi2.parameters(), message));
        assertEquals("entryRsi", ParameterValues.about(rsi2.parameters(), message).orElseThrow().name());
        // "hedgeExitRsi" is not turned into "hedgeExit RSI": longer names are replaced first
        assertEquals("Hedge exit RSI (95) must be below Hedge entry RSI (90)",
                ParameterValues.inWords(rsi2.parameters(), "hedgeExitRsi (95) must be below hedgeEntryRsi (90)"));
    }

    @Test
    void parametersDeclaredTheOldWayGetAKindAndALabel() {
        ParameterSpec p = new ParameterSpec("minutesBeforeClose", "10", "x");
        assertEquals("Minutes before close", p.label());
        assertEquals(ParameterKind.NUMBER, p.kind());
        assertEquals(ParameterKind.ON_OFF, new ParameterSpec("hedge", "true", "x").kind());
    }
}
