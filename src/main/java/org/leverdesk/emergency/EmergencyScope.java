package org.leverdesk.emergency;

import java.util.Set;
import java.util.TreeSet;
import org.leverdesk.options.contract.OptionSymbols;

/**
 * What an emergency exit closes: the whole account (and halts trading), one strategy's traded symbols
 * (halting the whole account only when asked: other strategies keep trading), or every option position
 * (seed 003's "Close all options": shares stay, nothing is halted).
 *
 * @param label       how reports name it ("the whole account", "strategy regime (TQQQ)", "every option position")
 * @param strategyId  the strategy closed (its journal entries carry it); null for the whole account or all options
 * @param symbols     the symbols it closes; null for every symbol of the account (or every option)
 * @param halt        whether trading is set to HALTED first
 * @param optionsOnly true when only option contracts are closed and cancelled, whatever their underlying
 */
public record EmergencyScope(String label, String strategyId, Set<String> symbols, boolean halt, boolean optionsOnly) {
    public EmergencyScope {
        symbols = symbols == null ? null : Set.copyOf(symbols);
        if (optionsOnly && symbols != null) {
            throw new IllegalArgumentException("an options-only scope closes every option; it takes no symbol list");
        }
    }

    /** A scope over shares and options alike. */
    public EmergencyScope(String label, String strategyId, Set<String> symbols, boolean halt) {
        this(label, strategyId, symbols, halt, false);
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

    /**
     * Every option position and open option order of the account, whichever strategy opened it; shares are left
     * alone and trading is not halted (the strategies keep running; a trader who wants them stopped halts too).
     */
    public static EmergencyScope allOptions() {
        return new EmergencyScope("every option position", null, null, false, true);
    }

    /** True for the whole account. */
    public boolean isWholeAccount() {
        return symbols == null && !optionsOnly;
    }

    /** True when {@code symbol} is closed by this scope. */
    public boolean covers(String symbol) {
        if (optionsOnly) {
            return OptionSymbols.contract(symbol).isPresent();
        }
        return symbols == null || symbols.contains(symbol);
    }
}
