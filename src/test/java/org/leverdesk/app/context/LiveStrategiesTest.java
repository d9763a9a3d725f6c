package org.leverdesk.app.context;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.leverdesk.config.StrategySettings;

class LiveStrategiesTest {
    private static StrategySettings on(String id, Map<String, String> parameters) {
        return new StrategySettings(id, true, 0.3, parameters, null);
    }

    @Test
    void twoStrategiesHoldingTheSameSymbolInOneAccountAreRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> LiveStrategies.requireSeparateSymbols(
                List.of(on("regime", Map.of()), on("rsi2", Map.of()))));
        assertEquals("regime and rsi2 both trade TQQQ in one account, so each would count the other's shares as its own;"
                + " give one of them another symbol or disable one in Settings", e.getMessage());
    }

    @Test
    void aSymbolOnlyReadIsNotOwnedSoRegimeAndRotationShareAnAccount() {
        // Regime reads QQQ but holds only TQQQ; rotation may hold QQQ.
        assertEquals(Set.of("TQQQ"), LiveStrategies.strategy(on("regime", Map.of())).tradedSymbols());
        assertDoesNotThrow(() -> LiveStrategies.requireSeparateSymbols(List.of(on("regime", Map.of()), on("rotation", Map.of()),
                on("monthly-rebalance", Map.of("symbol", "QQQM")))));
    }
}
