package org.leverdesk.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.leverdesk.strategy.Strategy;

/**
 * Which enabled strategies may trade the same symbol in one account (decision record 0031). Shares are isolated
 * per symbol: two strategies that may hold one symbol's shares, or a strategy that trades a symbol without it being
 * one of its option roots (DCA buying QQQ would count every QQQ option as its own), never share it. Strategies that
 * trade options on one root do: each sees only the contracts its own orders put there, and at most one of them
 * holds the root's shares (the wheel beside spreads and a condor on QQQ).
 */
public final class SymbolClaims {
    private record Claim(String strategyId, boolean optionRoot, boolean shares) {
    }

    /** {@code other} already trades {@code symbol} where {@code strategyId} may not trade it beside it. */
    public record Conflict(String other, String strategyId, String symbol) {
        /** "OTHER and ID both trade SYMBOL". */
        public String text() {
            return other + " and " + strategyId + " both trade " + symbol;
        }
    }

    private final Map<String, List<Claim>> bySymbol = new TreeMap<>();

    /**
     * Claims every symbol {@code strategy} trades for {@code strategyId}; returns the conflicts found (empty: none).
     */
    public List<Conflict> claim(String strategyId, Strategy strategy) {
        return claim(strategyId, strategy.tradedSymbols(), strategy.optionUnderlyings(), strategy.shareSymbols());
    }

    /** As {@link #claim(String, Strategy)} from the three symbol sets. */
    public List<Conflict> claim(String strategyId, Set<String> traded, Set<String> optionRoots, Set<String> shareSymbols) {
        List<Conflict> out = new ArrayList<>();
        for (String symbol : new java.util.TreeSet<>(traded)) {
            Claim mine = new Claim(strategyId, optionRoots.contains(symbol), shareSymbols.contains(symbol));
            List<Claim> others = bySymbol.computeIfAbsent(symbol, k -> new ArrayList<>());
            for (Claim other : others) {
                if (!other.strategyId().equals(strategyId) && !(mine.optionRoot() && other.optionRoot()
                        && !(mine.shares() && other.shares()))) {
                    out.add(new Conflict(other.strategyId(), strategyId, symbol));
                    break;
                }
            }
            others.add(mine);
        }
        return out;
    }
}
