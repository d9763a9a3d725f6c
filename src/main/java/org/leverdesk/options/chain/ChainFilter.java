package org.leverdesk.options.chain;

/**
 * Which part of a chain to build: expiries whose days to expiry lie in [minDte, maxDte] (at most
 * {@code maxExpiries} of them, nearest first) and the at-the-money strike with {@code strikesEachSide}
 * listed strikes below and above it, both rights.
 */
public record ChainFilter(int minDte, int maxDte, int maxExpiries, int strikesEachSide) {
    public ChainFilter {
        if (minDte < 0 || maxDte < minDte || maxDte > 3650) {
            throw new IllegalArgumentException("DTE window must satisfy 0 <= min <= max <= 3650 (got " + minDte + ".." + maxDte + ")");
        }
        if (maxExpiries < 1) {
            throw new IllegalArgumentException("a chain needs at least one expiry (got " + maxExpiries + ")");
        }
        if (strikesEachSide < 0 || strikesEachSide > 500) {
            throw new IllegalArgumentException("strikes each side must be 0 to 500 (got " + strikesEachSide + ")");
        }
    }

    /** Every expiry in the window, 20 strikes each side of the money. */
    public static ChainFilter dteWindow(int minDte, int maxDte) {
        return new ChainFilter(minDte, maxDte, Integer.MAX_VALUE, 20);
    }

    public ChainFilter withStrikesEachSide(int n) {
        return new ChainFilter(minDte, maxDte, maxExpiries, n);
    }

    public ChainFilter withMaxExpiries(int n) {
        return new ChainFilter(minDte, maxDte, n, strikesEachSide);
    }
}
