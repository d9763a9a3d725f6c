package org.leverdesk.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One asset of seed 003's {@code symbols:} list.
 *
 * @param ticker        the shares DCA buys (e.g. QQQM)
 * @param optionsTicker the underlying whose options the wheel, covered calls, spreads and condors trade (e.g. QQQ,
 *                      more liquid than QQQM); null means the ticker itself
 * @param weight        the asset's fraction (0..1] of the weekly DCA total (0 for an asset DCA does not buy)
 * @param strategies    the strategies run on it (dca, wheel, covered-call, spreads, condor); empty means the mode's
 * @param maxAllocPct   the most of the account's equity the asset may hold (shares at market, options by what they
 *                      can cost: see {@code execution.AssetGate}) before a new entry in it is denied; (0, 1]
 */
public record PortfolioAsset(String ticker, String optionsTicker, double weight, List<String> strategies, double maxAllocPct) {
    public PortfolioAsset {
        ticker = ticker == null ? null : ticker.strip().toUpperCase(Locale.ROOT);
        optionsTicker = optionsTicker == null || optionsTicker.isBlank() ? ticker : optionsTicker.strip().toUpperCase(Locale.ROOT);
        List<String> ids = new ArrayList<>();
        for (String s : strategies == null ? List.<String>of() : strategies) {
            String id = canonical(s);
            if (!ids.contains(id)) {
                ids.add(id);
            }
        }
        strategies = List.copyOf(ids);
    }

    /**
     * Parses the command line's {@code TICKER:OPTIONS_TICKER:WEIGHT:STRATEGY,STRATEGY:MAX_ALLOC_PCT}, e.g.
     * {@code QQQM:QQQ:0.45:dca,wheel:0.50}; an empty options ticker means the ticker, empty strategies the mode's.
     */
    public static PortfolioAsset parse(String spec) {
        String[] f = spec.strip().split(":", -1);
        if (f.length != 5) {
            throw new IllegalArgumentException("--asset '" + spec + "' must be TICKER:OPTIONS_TICKER:WEIGHT:STRATEGIES:MAX_ALLOC_PCT,"
                    + " like QQQM:QQQ:0.45:dca,wheel:0.50");
        }
        List<String> ids = new ArrayList<>();
        for (String s : f[3].split(",")) {
            if (!s.isBlank()) {
                ids.add(s.strip());
            }
        }
        return new PortfolioAsset(f[0], f[1], number(spec, "weight", f[2]), ids, number(spec, "maxAllocPct", f[4]));
    }

    /** The asset in {@link #parse}'s notation, e.g. {@code QQQM:QQQ:0.45:dca,wheel:0.5}. */
    public String spec() {
        return ticker + ":" + optionsTicker + ":" + OptionsPortfolio.num(weight) + ":" + String.join(",", strategies) + ":"
                + OptionsPortfolio.num(maxAllocPct);
    }

    /** Assets separated by semicolons or new lines, each in {@link #parse}'s notation; blank parts are skipped. */
    public static List<PortfolioAsset> parseAll(String text) {
        List<PortfolioAsset> out = new ArrayList<>();
        for (String part : (text == null ? "" : text).split("[;\\n]")) {
            if (!part.isBlank()) {
                out.add(parse(part));
            }
        }
        return List.copyOf(out);
    }

    /** The seed's names (credit_spreads, iron_condor, covered_call) as the catalog's ids; others lower-cased as given. */
    static String canonical(String name) {
        String n = name == null ? "" : name.strip().toLowerCase(Locale.ROOT).replace('_', '-');
        return switch (n) {
            case "credit-spreads", "spread" -> "spreads";
            case "iron-condor", "condors" -> "condor";
            case "cc", "covered-calls" -> "covered-call";
            default -> n;
        };
    }

    private static double number(String spec, String field, String text) {
        try {
            return Double.parseDouble(text.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--asset '" + spec + "': " + field + " must be a number like 0.45 (got '" + text + "')");
        }
    }
}
