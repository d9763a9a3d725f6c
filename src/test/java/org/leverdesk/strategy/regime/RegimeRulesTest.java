package org.leverdesk.strategy.regime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The raw-regime rules at the edges of the 2% deadzone, and the hold/emergency switching rule. */
class RegimeRulesTest {
    private static final RegimeRules RULES = RegimeRules.defaults();

    @Test
    void deadzoneEdgesAreExactDoubles() {
        // The boundary tests below rely on these products being exact.
        assertEquals(98.0, 100 * (1 - 0.02));
        assertEquals(102.0, 100 * (1 + 0.02));
        assertEquals(91.8, 90 * (1 + 0.02), 0.0);
    }

    @ParameterizedTest(name = "close {0}, sma50 {1}, sma250 {2} -> {3}")
    @CsvSource({
            // rule 1: strictly below SMA250 * 0.98; the death cross decides BREAKDOWN vs RISK_OFF
            "97.99, 95, 100, BREAKDOWN",
            "97.99, 100, 100, RISK_OFF",   // SMA50 == SMA250 is no death cross
            "97.99, 105, 100, RISK_OFF",
            "98, 95, 100, CAUTIOUS",       // exactly on the lower band edge: not below it
            // rule 2/3: strictly above SMA50 * 1.02 and above SMA250
            "102.01, 100, 90, STRONG_BULL",
            "102, 100, 90, CAUTIOUS",      // exactly on the upper band edge of SMA50: not above it
            "102.01, 100, 100, BULL",      // golden cross needs SMA50 > SMA250 strictly
            "102.01, 100, 101, BULL",      // above both SMAs, SMA50 below SMA250
            "102.01, 100, 102.01, CAUTIOUS", // close equal to SMA250 is not above it
            "99, 95, 100, CAUTIOUS",       // above the SMA50 band but below SMA250 (inside its lower band)
            "99, 100, 95, CAUTIOUS",       // below SMA50, above SMA250
            "101, 100, 95, CAUTIOUS"       // above SMA50 but inside its band
    })
    void classifiesWithFirstMatchWins(double close, double fast, double slow, Regime expected) {
        assertEquals(expected, RULES.classify(close, fast, slow));
    }

    @Test
    void aNewRegimeIsHeldThroughTheNextDayThenReplacedByADifferentRaw() {
        assertFalse(RULES.switches(Regime.BULL, 0, Regime.STRONG_BULL));
        assertFalse(RULES.switches(Regime.BULL, 1, Regime.STRONG_BULL));
        assertTrue(RULES.switches(Regime.BULL, 2, Regime.STRONG_BULL));
        assertTrue(RULES.switches(Regime.BULL, 30, Regime.CAUTIOUS));
        assertFalse(RULES.switches(Regime.BULL, 30, Regime.BULL));
    }

    @Test
    void riskOffAndBreakdownReplaceAnyRegimeAtOnce() {
        for (Regime r : Regime.values()) {
            assertEquals(r != Regime.RISK_OFF, RULES.switches(r, 0, Regime.RISK_OFF), r + " -> RISK_OFF");
            assertEquals(r != Regime.BREAKDOWN, RULES.switches(r, 0, Regime.BREAKDOWN), r + " -> BREAKDOWN");
        }
        // leaving RISK_OFF is not an emergency: it waits for the hold
        assertFalse(RULES.switches(Regime.RISK_OFF, 1, Regime.CAUTIOUS));
    }

    @Test
    void rejectsInvalidSettingsWithAOneLineMessage() {
        assertEquals("SMA periods need 2 <= fast < slow <= 1000 (got fast 250, slow 50)",
                assertThrows(IllegalArgumentException.class, () -> new RegimeRules(250, 50, 0.02, 2)).getMessage());
        assertThrows(IllegalArgumentException.class, () -> new RegimeRules(50, 250, -0.01, 2));
        assertThrows(IllegalArgumentException.class, () -> new RegimeRules(50, 250, Double.NaN, 2));
        assertThrows(IllegalArgumentException.class, () -> new RegimeRules(50, 250, 0.02, 0));
    }
}
