package org.leverdesk.emergency;

import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.leverdesk.broker.BrokerOrder;
import org.leverdesk.broker.PositionOwnership;
import org.leverdesk.execution.ClientOrderIds;
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
 * @param optionRoots a strategy scope's option underlyings: of each option on them it closes only the strategy's own
 *                    part (decision record 0031) and cancels only the strategy's own open orders
 * @param ownership   how that part is told from the other strategies' (null: the whole position is the strategy's,
 *                    as in an account where no other strategy trades options on those roots)
 */
public record EmergencyScope(String label, String strategyId, Set<String> symbols, boolean halt, boolean optionsOnly,
                             Set<String> optionRoots, PositionOwnership ownership) {
    public EmergencyScope {
        symbols = symbols == null ? null : Set.copyOf(symbols);
        optionRoots = optionRoots == null ? Set.of() : Set.copyOf(optionRoots);
        if (optionsOnly && symbols != null) {
            throw new IllegalArgumentException("an options-only scope closes every option; it takes no symbol list");
        }
        if (!optionRoots.isEmpty() && (strategyId == null || symbols == null)) {
            throw new IllegalArgumentException("only a strategy scope has option roots of its own");
        }
    }

    /** A scope over shares and options alike. */
    public EmergencyScope(String label, String strategyId, Set<String> symbols, boolean halt) {
        this(label, strategyId, symbols, halt, false);
    }

    /** A scope with no option roots of a strategy's own. */
    public EmergencyScope(String label, String strategyId, Set<String> symbols, boolean halt, boolean optionsOnly) {
        this(label, strategyId, symbols, halt, optionsOnly, Set.of(), null);
    }

    /** Every order and position of the account; trading is halted first. */
    public static EmergencyScope wholeAccount() {
        return new EmergencyScope("the whole account", null, null, true);
    }

    /** The symbols {@code strategyId} trades; the account is halted only with {@code halt}. */
    public static EmergencyScope strategy(String strategyId, Set<String> tradedSymbols, boolean halt) {
        return strategy(strategyId, tradedSymbols, Set.of(), halt);
    }

    /**
     * The shares {@code strategyId} holds ({@code shareSymbols}) and its own part of every option on {@code optionRoots};
     * the ownership comes from the store when the exit runs ({@link #withOwnership}).
     */
    public static EmergencyScope strategy(String strategyId, Set<String> shareSymbols, Set<String> optionRoots, boolean halt) {
        String label = "strategy " + strategyId + " (" + String.join(", ", new TreeSet<>(shareSymbols))
                + (optionRoots.isEmpty() ? "" : (shareSymbols.isEmpty() ? "" : "; ") + "its part of the options on "
                + String.join(", ", new TreeSet<>(optionRoots))) + ")";
        return new EmergencyScope(label, strategyId, shareSymbols, halt, false, optionRoots, null);
    }

    /** This scope with {@code owner} telling the strategy's part of shared contracts. */
    public EmergencyScope withOwnership(PositionOwnership owner) {
        return new EmergencyScope(label, strategyId, symbols, halt, optionsOnly, optionRoots, owner);
    }

    /** True for an option on one of the strategy's option roots: only its own part of it is closed. */
    public boolean isOwnOption(String symbol) {
        return !optionRoots.isEmpty() && OptionSymbols.contract(symbol).map(c -> optionRoots.contains(c.underlying())).orElse(false);
    }

    /** {@link #coversOrder(BrokerOrder, Map)} knowing no stored order. */
    public boolean coversOrder(BrokerOrder o) {
        return coversOrder(o, Map.of());
    }

    /**
     * True when the open order {@code o} is cancelled: any order in a covered symbol, but in an option on the strategy's
     * roots only the strategy's own (its client order id, or the store recorded it under the strategy: {@code owners},
     * strategy by broker order id, finds a multi-leg order's legs, which Alpaca lists under ids of its own), so the other
     * strategies' orders in shared contracts stay.
     */
    public boolean coversOrder(BrokerOrder o, Map<String, String> owners) {
        if (isOwnOption(o.symbol()) && (symbols == null || !symbols.contains(o.symbol()))) {
            return ClientOrderIds.version(strategyId, o.clientOrderId()).isPresent()
                    || strategyId.equals(owners.get(o.brokerOrderId()));
        }
        return covers(o.symbol());
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
        return symbols == null || symbols.contains(symbol) || isOwnOption(symbol);
    }
}
