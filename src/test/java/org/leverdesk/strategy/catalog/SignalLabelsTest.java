package org.leverdesk.strategy.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * The signals in a trader's words and units, as the Regime and Backtest views, {@code leverdesk status} and the run
 * notifications all show them: prices as the window's money ("$1,234.50"), fractions as percents, counts grouped.
 */
class SignalLabelsTest {
    @Test
    void signalPricesUseTheSameFormatIncludingAPortfolioStrategysPerTickerPrice() {
        assertEquals("$412.35", SignalLabels.value("smaSlow", 412.3457));
        // DcaStrategy writes "<ticker>.price": not listed by name, still a price, not "1234.5000"
        assertEquals("QQQM price", SignalLabels.label("QQQM.price"));
        assertEquals("$1,234.50", SignalLabels.value("QQQM.price", 1234.5));
        // an unknown key that is not a price keeps its number
        assertEquals("0.1235", SignalLabels.value("someScore", 0.12345));
        assertEquals("1,250", SignalLabels.value("someCount", 1250.0));
    }

    @Test
    void eachUnitHasItsFormat() {
        assertEquals("Strike", SignalLabels.label("strike"));
        assertEquals("$480.00", SignalLabels.value("strike", 480.0));
        assertEquals("$12,345.60", SignalLabels.value("openRisk", 12345.6));
        assertEquals("18.25%", SignalLabels.value("iv", 0.1825));
        assertEquals("23.5%", SignalLabels.value("realizedVol", 23.46), "already in percent points");
        assertEquals("0.53", SignalLabels.value("momentumScore", 0.534));
        assertEquals("1,200", SignalLabels.value("targetShares", 1200.0));
        assertEquals("Open risk", SignalLabels.label("openRisk"));
        assertEquals(SignalLabels.MISSING, SignalLabels.value("smaFast", Double.NaN), "warm-up: no value, not zero");
        assertEquals(SignalLabels.MISSING, SignalLabels.value("smaFast", null));
    }
}
