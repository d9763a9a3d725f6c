package org.leverdesk.config;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Seed 003's option-income portfolio in one place: a mode and the {@code symbols:} list. It expands
 * ({@link #expand}) into ordinary strategy settings - one {@code dca} buying every DCA asset by weight, and the
 * wheel (or covered calls), spreads and condors each on the asset that lists it - with the mode's capital shares,
 * so the scheduler, {@code run}, backtests' strategies and Settings see plain strategies; the decision cycle's
 * risk step reads the assets back for the per-asset gates (one new entry per asset per cycle, maxAllocPct).
 *
 * @param mode           conservative, balanced or enhanced
 * @param weeklyDcaTotal the dollars DCA invests a week in all assets together; asset i gets weeklyDcaTotal x weight i
 * @param capitalShare   the fraction (0..1] of the account the whole mode uses (each strategy gets its mode share
 *                       of it); 0 or absent means 1
 * @param symbols        the assets
 */
public record OptionsPortfolio(OptionsMode mode, double weeklyDcaTotal, double capitalShare, List<PortfolioAsset> symbols) {
    /** The strategies a portfolio may combine (the catalog ids). */
    public static final Set<String> STRATEGIES = Set.of("dca", "wheel", "covered-call", "spreads", "condor");
    private static final String TICKER = "[A-Z][A-Z0-9.]{0,9}";
    private static final double EPS = 1e-9;

    public OptionsPortfolio {
        symbols = symbols == null ? List.of() : List.copyOf(symbols);
        capitalShare = capitalShare == 0 ? 1.0 : capitalShare;
    }

    /** Every problem, each a one-line text starting with the field it is about (e.g. {@code portfolio.symbols[1].weight}). */
    public List<ConfigProblem> problems() {
        List<ConfigProblem> out = new ArrayList<>();
        if (mode == null) {
            out.add(problem("portfolio.mode", "portfolio.mode is missing; use conservative, balanced or enhanced"));
            return out;
        }
        if (!(capitalShare > 0 && capitalShare <= 1)) {
            out.add(problem("portfolio.capitalShare", "portfolio.capitalShare must be above 0 and at most 1 (got " + num(capitalShare) + ")"));
        }
        if (symbols.isEmpty()) {
            out.add(problem("portfolio.symbols", "portfolio.symbols is empty; add at least one asset, like QQQM:QQQ:0.45:dca,wheel:0.50"));
            return out;
        }
        double weights = 0;
        boolean dca = false;
        Map<String, String> runsOn = new LinkedHashMap<>(); // options strategy -> the asset field it runs on
        SymbolClaims claims = new SymbolClaims();            // traded symbols of "strategy (field)"
        Set<String> tickers = new java.util.HashSet<>();
        for (int i = 0; i < symbols.size(); i++) {
            PortfolioAsset a = symbols.get(i);
            String f = "portfolio.symbols[" + i + "]";
            if (a.ticker() == null || !a.ticker().matches(TICKER)) {
                out.add(problem(f + ".ticker", f + ".ticker: '" + a.ticker() + "' is not a ticker like QQQM"));
                continue;
            }
            if (!a.optionsTicker().matches(TICKER)) {
                out.add(problem(f + ".optionsTicker", f + ".optionsTicker: '" + a.optionsTicker() + "' is not a ticker like QQQ"));
                continue;
            }
            if (!tickers.add(a.ticker())) {
                out.add(problem(f + ".ticker", f + ".ticker: " + a.ticker() + " is listed twice; list each asset once"));
            }
            if (!(a.weight() >= 0 && a.weight() <= 1)) {
                out.add(problem(f + ".weight", f + ".weight must be from 0 to 1 (got " + num(a.weight()) + ")"));
            }
            if (!(a.maxAllocPct() > 0 && a.maxAllocPct() <= 1)) {
                out.add(problem(f + ".maxAllocPct", f + ".maxAllocPct must be a fraction above 0 and at most 1 (got "
                        + num(a.maxAllocPct()) + ")"));
            }
            for (String s : strategiesOf(a)) {
                if (!STRATEGIES.contains(s)) {
                    out.add(problem(f + ".strategies", f + ".strategies: '" + s + "' is not a portfolio strategy; use dca, wheel,"
                            + " covered-call, spreads or condor"));
                    continue;
                }
                if (!mode.shares().containsKey(s)) {
                    out.add(problem(f + ".strategies", f + ".strategies: " + s + " is not part of the " + mode.label() + " mode ("
                            + String.join(", ", mode.shares().keySet()) + "); choose another mode or remove it"));
                    continue;
                }
                if (s.equals("dca")) {
                    dca = true;
                    weights += Double.isFinite(a.weight()) ? a.weight() : 0;
                    if (!(a.weight() > 0)) {
                        out.add(problem(f + ".weight", f + ".weight must be above 0 for an asset DCA buys (got " + num(a.weight()) + ")"));
                    }
                } else {
                    String other = runsOn.putIfAbsent(s, f);
                    if (other != null) {
                        out.add(problem(f + ".strategies", f + ".strategies: " + s + " already runs on " + other + "; each option"
                                + " strategy runs on one asset"));
                        continue;
                    }
                }
                String traded = s.equals("dca") ? a.ticker() : a.optionsTicker();
                // Shares are one strategy's per symbol; the option strategies share their options ticker, the wheel or
                // covered calls holding its shares, spreads and condors only options (decision record 0031).
                boolean optionsOnly = s.equals("spreads") || s.equals("condor");
                Set<String> roots = s.equals("dca") ? Set.of() : Set.of(traded);
                for (SymbolClaims.Conflict c : claims.claim(s + " (" + f + ")", Set.of(traded), roots,
                        optionsOnly ? Set.of() : Set.of(traded))) {
                    out.add(problem(f + ".strategies", f + ".strategies: " + s + " and " + c.other() + " would both trade "
                            + traded + " in one account (each would count the other's shares as its own); give one another"
                            + " ticker or options ticker"));
                }
            }
        }
        if (weights > 1 + EPS) {
            out.add(problem("portfolio.symbols", "portfolio.symbols: the DCA weights add up to " + num(weights)
                    + "; they must add up to at most 1"));
        }
        if (dca && !(weeklyDcaTotal > 0 && Double.isFinite(weeklyDcaTotal))) {
            out.add(problem("portfolio.weeklyDcaTotal", "portfolio.weeklyDcaTotal must be a positive dollar amount (got "
                    + num(weeklyDcaTotal) + ")"));
        }
        return List.copyOf(out);
    }

    /** The strategies the asset runs: its own list, or every strategy of the mode when it lists none. */
    public List<String> strategiesOf(PortfolioAsset a) {
        return a.strategies().isEmpty() ? List.copyOf(mode.shares().keySet()) : a.strategies();
    }

    /**
     * The strategy settings the portfolio runs as, in the mode's order: {@code dca} with {@code weights} (each DCA
     * asset's weight) and {@code weeklyAmount} = weeklyDcaTotal x the sum of those weights, so asset i gets exactly
     * weeklyDcaTotal x weight i a week (DCA normalises its weights); each option strategy on its asset's options
     * ticker. Each gets the mode's share x {@link #capitalShare}; {@code previous} keeps their schedules.
     * Call on a portfolio without {@link #problems()}.
     */
    public List<StrategySettings> expand(List<StrategySettings> previous) {
        List<StrategySettings> out = new ArrayList<>();
        for (Map.Entry<String, Double> e : mode.shares().entrySet()) {
            String id = e.getKey();
            Map<String, String> params = new LinkedHashMap<>();
            if (id.equals("dca")) {
                List<String> w = new ArrayList<>();
                double sum = 0;
                for (PortfolioAsset a : symbols) {
                    if (strategiesOf(a).contains("dca")) {
                        w.add(a.ticker() + ":" + num(a.weight()));
                        sum += a.weight();
                        params.putIfAbsent("symbol", a.ticker());
                    }
                }
                if (w.isEmpty()) {
                    continue;
                }
                params.put("weights", String.join(",", w));
                params.put("weeklyAmount", num(round(weeklyDcaTotal * sum)));
            } else {
                Optional<PortfolioAsset> on = symbols.stream().filter(a -> strategiesOf(a).contains(id)).findFirst();
                if (on.isEmpty()) {
                    continue;
                }
                PortfolioAsset a = on.get();
                if (id.equals("wheel") || id.equals("covered-call")) {
                    params.put("symbol", a.ticker());
                    params.put("optionsTicker", a.optionsTicker());
                } else {
                    params.put("symbol", a.optionsTicker());
                }
            }
            String schedule = previous.stream().filter(s -> s.strategyId().equals(id)).map(StrategySettings::schedule)
                    .filter(java.util.Objects::nonNull).findFirst().orElse(null);
            out.add(new StrategySettings(id, true, round(e.getValue() * capitalShare, 6), params, schedule));
        }
        return List.copyOf(out);
    }

    /** The asset whose ticker, options ticker or options {@code symbol} is, if any. */
    public Optional<PortfolioAsset> assetOf(String symbol) {
        for (PortfolioAsset a : symbols) {
            if (symbol.equals(a.ticker()) || org.leverdesk.options.contract.OptionSymbols.belongsTo(Set.of(a.optionsTicker()), symbol)) {
                return Optional.of(a);
            }
        }
        return Optional.empty();
    }

    /** "enhanced: dca 35% (QQQM $45/week, VTI $25/week), wheel 50% (QQQM, options on QQQ), ..." for summaries. */
    public String describe() {
        List<String> parts = new ArrayList<>();
        for (StrategySettings s : expand(List.of())) {
            String what;
            if (s.strategyId().equals("dca")) {
                List<String> each = new ArrayList<>();
                symbols.stream().filter(a -> strategiesOf(a).contains("dca")).forEach(a -> each.add(a.ticker() + " $"
                        + num(round(weeklyDcaTotal * a.weight())) + "/week"));
                what = String.join(", ", each);
            } else {
                String symbol = s.parameters().get("symbol");
                String options = s.parameters().getOrDefault("optionsTicker", symbol);
                what = symbol.equals(options) ? "options on " + options : symbol + ", options on " + options;
            }
            parts.add(String.format(Locale.ROOT, "%s %s%% (%s)", s.strategyId(), num(round(s.capitalShare() * 100, 4)), what));
        }
        return mode.label() + ": " + String.join(", ", parts);
    }

    private static ConfigProblem problem(String key, String text) {
        return new ConfigProblem(key, text, "leverdesk config options-mode (see README \"Modes and the symbols portfolio\")");
    }

    static String num(double v) {
        if (!Double.isFinite(v)) {
            return String.valueOf(v);
        }
        return BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
    }

    private static double round(double v) {
        return round(v, 2);
    }

    private static double round(double v, int places) {
        return BigDecimal.valueOf(v).setScale(places, java.math.RoundingMode.HALF_UP).doubleValue();
    }
}
