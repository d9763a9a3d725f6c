package org.leverdesk.emergency;

import java.util.Set;
import java.util.TreeSet;

/**
 * What an emergency exit closes: the whole account (and halts trading), or one strategy's traded
 * symbols (halting the whole account only when asked: other strategies keep trading).
 *
 * @param label      how reports name it ("the whole account", "strategy regime (TQQQ)")
 * @param strategyId the strategy closed (its journal entries carry it); null for the whole account
 * @param symbols the symbols it closes; null for every symbol of the account
 * @param halt    whether trading is set to HALTED first
 */
public record EmergencyScope(String label, String strategyId, Set<String> symbols, boolean halt) {
    public EmergencyScope {
        symbols = symbols == null ? null : Set.copyOf(symbols);
    }

    /** Every order and position of the account; trading is halted first. */
    public static EmergencyScope wholeAccount() {
        return new EmergencyScope("the whole account", null, null, true);
    }

    /** The symbols {@code strategyId} trades; the account is halted only with {@code halt}. */
    public static EmergencyScope strategy(String strategyId, Set<String> tradedSymbols, boolean halt) {
        return new EmergencyScope("strategy " + strategyId + " (" + String.join(", ", new TreeSet<>(tradedSymbols)) + ")",
                strategyId, tradedSymbols, halt);
    }

    /** True for the whole account. */
    public boolean isWholeAccount() {
        return symbols == null;
    }

    /** True when {@code symbol} is closed by this scope. */
    public boolean covers(String symbol) {
        return symbols == null || symbols.contains(symbol);
    }
}
