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

    /**
     * Decision record 0031: options on one root are split by contract, so the wheel, spreads and the condor all on QQQ
     * options share an account; shares stay one strategy's (DCA on QQQ beside the wheel, which takes QQQ shares on
     * assignment, is refused with the shares message).
     */
    @Test
    void optionStrategiesShareAnOptionsRootButNotItsShares() {
        assertDoesNotThrow(() -> LiveStrategies.requireSeparateSymbols(List.of(on("dca", Map.of("symbol", "QQQM")),
                on("wheel", Map.of("symbol", "QQQM", "optionsTicker", "QQQ")), on("spreads", Map.of("symbol", "QQQ")),
                on("condor", Map.of("symbol", "QQQ")))));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> LiveStrategies.requireSeparateSymbols(
                List.of(on("wheel", Map.of("symbol", "QQQ", "optionsTicker", "QQQ")), on("dca", Map.of("symbol", "QQQ")))));
        assertEquals("wheel and dca both trade QQQ in one account, so each would count the other's shares as its own;"
                + " give one of them another symbol or disable one in Settings", e.getMessage());
    }
}
