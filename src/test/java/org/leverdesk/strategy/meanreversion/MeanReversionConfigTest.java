package org.leverdesk.strategy.meanreversion;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.leverdesk.strategy.catalog.StrategyCatalog;
import org.leverdesk.strategy.catalog.StrategyDescriptor;
import org.junit.jupiter.api.Test;

class MeanReversionConfigTest {

    private static String error(Map<String, String> p) {
        return assertThrows(IllegalArgumentException.class, () -> MeanReversionConfig.parse("TQQQ", p)).getMessage();
    }

    @Test
    void defaultsAreTheSeedsNumbers() {
        MeanReversionConfig c = MeanReversionConfig.defaults();
        assertEquals("TQQQ", c.symbol());
        assertEquals("SQQQ", c.hedgeSymbol());
        assertEquals(2, c.rsiPeriod());
        assertEquals(30, c.entryRsi());
        assertEquals(75, c.exitRsi());
        assertEquals(5, c.stopLossPercent());
        assertEquals(90, c.positionPercent());
        assertFalse(c.vwapFilter() || c.smaFilter() || c.volumeFilter() || c.bollingerFilter());
        assertEquals(20, c.vwapDays());
        assertEquals(20, c.smaDays());
        assertEquals(20, c.bollingerDays());
        assertEquals(2, c.bollingerStdDevs());
        assertTrue(c.hedge());
        assertEquals(90, c.hedgeEntryRsi());
        assertEquals(60, c.hedgeExitRsi());
        assertEquals(30, c.hedgePercent());
    }

    @Test
    void parsesEveryNamedParameter() {
        MeanReversionConfig c = MeanReversionConfig.parse(" qld ", Map.ofEntries(Map.entry("hedgeSymbol", "qid"),
                Map.entry("rsiPeriod", "3"), Map.entry("entryRsi", "10"), Map.entry("exitRsi", "70"),
                Map.entry("stopLossPercent", "8"), Map.entry("positionPercent", "50"), Map.entry("vwapFilter", "true"),
                Map.entry("vwapDays", "5"), Map.entry("smaFilter", "on"), Map.entry("smaDays", "50"),
                Map.entry("volumeFilter", "yes"), Map.entry("minVolume", "2,000,000"), Map.entry("bollingerFilter", "TRUE"),
                Map.entry("bollingerDays", "10"), Map.entry("bollingerStdDevs", "1.5"), Map.entry("hedge", "false"),
                Map.entry("hedgeEntryRsi", "95"), Map.entry("hedgeExitRsi", "50"), Map.entry("hedgePercent", "20")));
        assertEquals(new MeanReversionConfig("QLD", "QID", 3, 10, 70, 8, 50, true, 5, true, 50, true, 2_000_000,
                true, 10, 1.5, false, 95, 50, 20), c);
    }

    @Test
    void wholeNumbersMayBeWrittenAsDecimalsOrExponents() {
        MeanReversionConfig c = MeanReversionConfig.parse("TQQQ", Map.of("minVolume", "1e6", "smaDays", "50.0"));
        assertEquals(1_000_000, c.minVolume());
        assertEquals(50, c.smaDays());
    }

    @Test
    void badValuesGetOneLineMessagesThatSayWhatIsWrong() {
        assertEquals("entryRsi must be a number (got 'low')", error(Map.of("entryRsi", "low")));
        assertEquals("entryRsi (80.0) must be below exitRsi (75.0)", error(Map.of("entryRsi", "80")));
        assertEquals("rsiPeriod must be a whole number (got '2.5')", error(Map.of("rsiPeriod", "2.5")));
        assertEquals("rsiPeriod must be between 1 and 100 (got 0)", error(Map.of("rsiPeriod", "0")));
        assertEquals("stopLossPercent must be at least 0 (no stop) and below 100 (got -1.0)", error(Map.of("stopLossPercent", "-1")));
        assertEquals("positionPercent must be above 0 and at most 100 percent (got 120)", error(Map.of("positionPercent", "120")));
        assertEquals("vwapFilter must be true or false (got 'maybe')", error(Map.of("vwapFilter", "maybe")));
        assertEquals("minVolume must be 0 or more shares (got -5)", error(Map.of("minVolume", "-5")));
        assertEquals("bollingerDays must be between 2 and 500 (got 1)", error(Map.of("bollingerDays", "1")));
        assertEquals("bollingerStdDevs must be above 0 and at most 10 (got 0.0)", error(Map.of("bollingerStdDevs", "0")));
        assertEquals("hedgeExitRsi (95.0) must be below hedgeEntryRsi (90.0)", error(Map.of("hedgeExitRsi", "95")));
        assertEquals("hedgePercent must be above 0 and at most 100 percent (got 0)", error(Map.of("hedgePercent", "0")));
        assertTrue(error(Map.of("hedgeSymbol", "TQQQ")).startsWith("hedgeSymbol must differ from the traded symbol TQQQ"));
        assertTrue(error(Map.of("entryRsi", "NaN")).startsWith("entryRsi must be between 0 and 100"));
    }

    @Test
    void catalogOffersRsi2WithEveryParameterAndItsDefault() {
        StrategyDescriptor d = StrategyCatalog.builtIn().require("rsi2");
        assertEquals("TQQQ", d.defaultSymbol());
        Map<String, String> defaults = new java.util.LinkedHashMap<>();
        d.parameters().forEach(p -> defaults.put(p.name(), p.defaultValue()));
        assertEquals(19, defaults.size());
        assertEquals("30", defaults.get("entryRsi"));
        assertEquals("false", defaults.get("vwapFilter"));
        assertEquals("1000000", defaults.get("minVolume"));
        assertEquals("SQQQ", defaults.get("hedgeSymbol"));
        // the defaults as text parse back to the defaults
        assertEquals(MeanReversionConfig.defaults(), ((MeanReversionStrategy) d.factory().create("TQQQ", defaults)).config());
    }
}
