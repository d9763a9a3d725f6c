package org.leverdesk.options.contract;

import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Tells an option's symbol from a share's wherever the engine meets a plain symbol string (targets,
 * orders, positions, fills): an OCC symbol (padded or compact) is an option with its contract's
 * multiplier; anything else is a share (multiplier 1). Parsed symbols are cached, since the simulated
 * broker asks for every fill and valuation.
 */
public final class OptionSymbols {
    private static final int MIN_LENGTH = 16;
    private static final ConcurrentHashMap<String, Optional<OptionContract>> CACHE = new ConcurrentHashMap<>();

    private OptionSymbols() {
    }

    /** The contract {@code symbol} names, or empty for a share (or anything that is not an OCC symbol). */
    public static Optional<OptionContract> contract(String symbol) {
        if (symbol == null || symbol.length() < MIN_LENGTH) {
            return Optional.empty();
        }
        return CACHE.computeIfAbsent(symbol, s -> {
            try {
                return Optional.of(OccSymbol.parse(s));
            } catch (IllegalArgumentException e) {
                return Optional.empty();
            }
        });
    }

    /** True when {@code symbol} is an OCC option symbol. */
    public static boolean isOption(String symbol) {
        return contract(symbol).isPresent();
    }

    /** Shares per unit of {@code symbol}: the contract multiplier (100) for an option, 1 for a share. */
    public static int multiplier(String symbol) {
        return contract(symbol).map(OptionContract::multiplier).orElse(1);
    }

    /**
     * True when {@code symbol} is one of {@code traded} or an option on one of them: a strategy that trades
     * QQQ owns its QQQ options too (capital isolation by underlying).
     */
    public static boolean belongsTo(Set<String> traded, String symbol) {
        if (traded.contains(symbol)) {
            return true;
        }
        Optional<OptionContract> c = contract(symbol);
        return c.isPresent() && traded.contains(c.get().underlying());
    }
}
