package org.leverdesk.config;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Seed 003's modes: which option-income strategies run together and with what share of the account each.
 * Conservative = weekly DCA + covered calls; Balanced = DCA + the wheel; Enhanced = Balanced + credit spreads
 * and iron condors on a tiny allocation. The shares add up to 1 so the whole account is assigned; a strategy of
 * the mode that no asset of the portfolio runs is left out and its share stays in cash.
 */
public enum OptionsMode {
    CONSERVATIVE(shares("dca", 0.70, "covered-call", 0.30)),
    BALANCED(shares("dca", 0.40, "wheel", 0.60)),
    ENHANCED(shares("dca", 0.35, "wheel", 0.50, "spreads", 0.075, "condor", 0.075));

    private final Map<String, Double> shares;

    OptionsMode(Map<String, Double> shares) {
        this.shares = shares;
    }

    /** The strategy ids of the mode with their capital shares, in the order they are listed. */
    public Map<String, Double> shares() {
        return shares;
    }

    /** The name used in the config and on the command line: {@code conservative}, {@code balanced}, {@code enhanced}. */
    @com.fasterxml.jackson.annotation.JsonValue
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The mode named {@code text} (any case); a one-line error naming the three otherwise. */
    @com.fasterxml.jackson.annotation.JsonCreator
    public static OptionsMode parse(String text) {
        for (OptionsMode m : values()) {
            if (m.label().equalsIgnoreCase(text == null ? "" : text.strip())) {
                return m;
            }
        }
        throw new IllegalArgumentException("portfolio.mode: '" + text + "' is not a mode; use conservative, balanced or enhanced");
    }

    private static Map<String, Double> shares(Object... pairs) {
        Map<String, Double> m = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            m.put((String) pairs[i], (Double) pairs[i + 1]);
        }
        return java.util.Collections.unmodifiableMap(m);
    }
}
