package org.leverdesk.strategy.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.leverdesk.strategy.Strategy;
import org.leverdesk.strategy.regime.RegimeConfig;
import org.leverdesk.strategy.regime.RegimeStrategy;

/** The regime strategy as the catalog offers it. */
class StrategyCatalogRegimeTest {
    private final StrategyDescriptor regime = StrategyCatalog.builtIn().require("regime");

    @Test
    void listsEveryConfigParameterWithTheConfigsDefault() {
        assertEquals("TQQQ", regime.defaultSymbol());
        assertEquals(RegimeConfig.PARAMETERS, regime.parameters().stream().map(StrategyDescriptor.ParameterSpec::name).toList());
        Map<String, String> defaults = new HashMap<>();
        regime.parameters().forEach(p -> defaults.put(p.name(), p.defaultValue()));
        Strategy s = regime.factory().create("TQQQ", defaults);
        assertEquals(RegimeConfig.defaults(), assertInstanceOf(RegimeStrategy.class, s).config());
        assertEquals(RegimeConfig.defaults(), ((RegimeStrategy) regime.factory().create(null, Map.of())).config());
    }

    @Test
    void rejectsBadParametersWithOneLine() {
        assertEquals("deadzone must be a number (got 'two')", assertThrows(IllegalArgumentException.class,
                () -> regime.factory().create("TQQQ", Map.of("deadzone", "two"))).getMessage());
        assertEquals("capitalFraction must be a fraction from 0 to 1, e.g. 0.30 for 30% (got 1.5)", assertThrows(IllegalArgumentException.class,
                () -> regime.factory().create("TQQQ", Map.of("capitalFraction", "1.5"))).getMessage());
        assertEquals("the traded symbol and the signal symbol must differ (both QQQ)", assertThrows(IllegalArgumentException.class,
                () -> regime.factory().create("qqq", Map.of())).getMessage());
        assertThrows(IllegalArgumentException.class, () -> regime.factory().create("TQQQ", Map.of("dayTradeGuard", "maybe")));
        String unknown = assertThrows(IllegalArgumentException.class,
                () -> regime.factory().create("TQQQ", Map.of("deadZone", "0.02"))).getMessage();
        assertEquals(true, unknown.startsWith("unknown regime parameter(s) [deadZone]; known: signalSymbol, fastPeriod, "), unknown);
    }
}
