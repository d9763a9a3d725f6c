package org.leverdesk.strategy.rotation;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.leverdesk.domain.History;
import org.leverdesk.domain.MarketSnapshot;
import org.leverdesk.indicator.TrailingSharpe;

/**
 * Simulates the four sleeves and lets the portfolio manager choose one. Pure: the result depends
 * only on the snapshot and the config.
 *
 * <p>Schedule: bar {@code i} of the clock symbol's history is a rebalance day when
 * {@code i % cooldownDays == 0}, so rebalances are exactly {@code cooldownDays} trading days apart
 * in backtests and in live runs alike (the same data gives the same days).
 *
 * <p>Sleeve NAV: the simulation starts on the first rebalance day at most {@code navDays} bars
 * before today with {@code virtualCapital} dollars. On every rebalance day each sleeve ranks the
 * tickers of its universe that have a bar that day and {@code sharpeDays + 1} bars of history by
 * {@link TrailingSharpe} and puts its NAV into the top N at equal weight at the adjusted close (fewer
 * eligible tickers: equal weight among them; none: cash). Between rebalances the NAV is marked at
 * the adjusted closes (the last one for a ticker without a bar that day). Re-running this every
 * rebalance day over a trailing window is the seed's "backtest each strategy, keep the best".
 */
public final class RotationAnalyzer {
    private final RotationConfig config;

    private final PortfolioManager manager;
    /** Every ticker's trailing Sharpe ratio, computed once per price series and shared by every day and sleeve. */
    private final TrailingSharpe sharpe;

    public RotationAnalyzer(RotationConfig config) {
        this.config = config;
        this.manager = new PortfolioManager(config);
        this.sharpe = new TrailingSharpe(config.sharpeDays(), config.riskFree());
    }

    /** True when bar {@code clockIndex} of the clock symbol is a rebalance day. */
    public boolean isRebalanceDay(int clockIndex) {
        return clockIndex % config.cooldownDays() == 0;
    }

    /** Trading days from bar {@code clockIndex} to the next rebalance day (0 on one). */
    public int daysToNextRebalance(int clockIndex) {
        int r = clockIndex % config.cooldownDays();
        return r == 0 ? 0 : config.cooldownDays() - r;
    }

    /**
     * The analysis at the newest bar of the clock symbol, which must be dated {@code today};
     * throws IllegalArgumentException with a one-line reason when the clock has no such bar.
     */
    public RotationAnalysis analyze(MarketSnapshot market, LocalDate today) {
        String clockSymbol = config.clockSymbol();
        if (!market.has(clockSymbol) || market.history(clockSymbol).isEmpty()) {
            throw new IllegalArgumentException("no " + clockSymbol + " prices; the rotation's schedule follows " + clockSymbol);
        }
        History clock = market.history(clockSymbol);
        if (!clock.lastDate().equals(today)) {
            throw new IllegalArgumentException("no " + clockSymbol + " bar for " + today + " (last " + clock.lastDate()
                    + "); not rebalancing on stale data");
        }
        int t = clock.lastIndex();
        int cd = config.cooldownDays();
        int s = Math.max(0, t - config.navDays());
        s = ((s + cd - 1) / cd) * cd;
        if (s > t) {
            s = t; // shorter clock history than one cooldown: start today
        }
        int n = t - s + 1;
        List<LocalDate> dates = new ArrayList<>(n);
        for (int i = s; i <= t; i++) {
            dates.add(clock.date(i));
        }

        List<RotationAnalysis.Skip> skipped = new ArrayList<>();
        Map<String, Aligned> aligned = new LinkedHashMap<>();
        for (String ticker : config.groups().all()) {
            String reason = skipReason(market, ticker, today);
            if (reason != null) {
                skipped.add(new RotationAnalysis.Skip(ticker, reason));
            }
            if (market.has(ticker) && !market.history(ticker).isEmpty()) {
                aligned.put(ticker, Aligned.of(market.history(ticker), dates));
            }
        }

        Map<Sleeve, RotationAnalysis.SleeveResult> results = new EnumMap<>(Sleeve.class);
        for (Sleeve sleeve : Sleeve.values()) {
            results.put(sleeve, simulate(sleeve, aligned, dates, s));
        }
        PortfolioManager.Choice choice = manager.choose(results);
        return new RotationAnalysis(today, dates, results, skipped, choice.sleeve(), choice.why());
    }

    private String skipReason(MarketSnapshot market, String ticker, LocalDate today) {
        if (!market.has(ticker)) {
            return "no price data (not imported)";
        }
        History h = market.history(ticker);
        if (h.isEmpty()) {
            return "no bars up to " + today;
        }
        if (!h.lastDate().equals(today)) {
            return "no bar for " + today + " (last " + h.lastDate() + ")";
        }
        if (h.size() < config.sharpeDays() + 1) {
            return "only " + h.size() + " bars; the " + config.sharpeDays() + "-day Sharpe ratio needs " + (config.sharpeDays() + 1);
        }
        if (Double.isNaN(h.latest(sharpe))) {
            return "price did not move in " + config.sharpeDays() + " days; Sharpe ratio undefined";
        }
        return null;
    }

    private RotationAnalysis.SleeveResult simulate(Sleeve sleeve, Map<String, Aligned> aligned, List<LocalDate> dates, int s) {
        List<String> universe = new ArrayList<>();
        for (String tkr : config.groups().universe(sleeve)) {
            if (aligned.containsKey(tkr)) {
                universe.add(tkr);
            }
        }
        int n = dates.size();
        double[] nav = new double[n];
        double cash = config.virtualCapital();
        Map<String, Double> shares = new LinkedHashMap<>();
        List<RotationAnalysis.RankRow> ranking = List.of();
        for (int k = 0; k < n; k++) {
            double value = cash;
            for (Map.Entry<String, Double> e : shares.entrySet()) {
                value += e.getValue() * aligned.get(e.getKey()).price(k);
            }
            nav[k] = value;
            if (isRebalanceDay(s + k) || k == n - 1) {
                List<RotationAnalysis.RankRow> ranked = rank(universe, aligned, k);
                if (isRebalanceDay(s + k)) {
                    shares.clear();
                    cash = value;
                    for (RotationAnalysis.RankRow r : ranked) {
                        if (r.weight() > 0) {
                            double px = aligned.get(r.ticker()).price(k);
                            shares.put(r.ticker(), value * r.weight() / px);
                            cash -= value * r.weight();
                        }
                    }
                }
                if (k == n - 1) {
                    ranking = ranked;
                }
            }
        }
        double peak = 0;
        for (double v : nav) {
            peak = Math.max(peak, v);
        }
        double drawdown = 1 - nav[n - 1] / peak;
        int m = config.momentumDays();
        double momentum = n - 1 >= m ? nav[n - 1] / nav[n - 1 - m] - 1 : Double.NaN;
        return new RotationAnalysis.SleeveResult(sleeve, nav, ranking, drawdown, momentum);
    }

    /** The eligible tickers on window day k, best Sharpe first (ties by name), top N weighted equally. */
    private List<RotationAnalysis.RankRow> rank(List<String> universe, Map<String, Aligned> aligned, int k) {
        record Scored(String ticker, double sharpe) {
        }
        List<Scored> scored = new ArrayList<>();
        for (String tkr : universe) {
            Aligned a = aligned.get(tkr);
            int idx = a.exactIndex(k);
            if (idx < config.sharpeDays()) {
                continue; // no bar that day, or too little history
            }
            double sh = a.history.indicator(sharpe, idx);
            if (!Double.isNaN(sh)) {
                scored.add(new Scored(tkr, sh));
            }
        }
        scored.sort(Comparator.comparingDouble(Scored::sharpe).reversed().thenComparing(Scored::ticker));
        int held = Math.min(config.topN(), scored.size());
        List<RotationAnalysis.RankRow> out = new ArrayList<>(scored.size());
        for (int i = 0; i < scored.size(); i++) {
            out.add(new RotationAnalysis.RankRow(scored.get(i).ticker(), scored.get(i).sharpe(), i < held ? 1.0 / held : 0));
        }
        return out;
    }

    static String pct(double v) {
        return String.format(Locale.ROOT, "%.1f%%", v * 100);
    }

    static String money(double v) {
        return String.format(Locale.ROOT, "$%,.0f", v);
    }

    /** A ticker's history lined up with the window days: exact bar index (or -1) and a forward-filled price. */
    private static final class Aligned {
        final History history;
        final int[] exact;
        final double[] price;

        private Aligned(History history, int[] exact, double[] price) {
            this.history = history;
            this.exact = exact;
            this.price = price;
        }

        static Aligned of(History h, List<LocalDate> dates) {
            int n = dates.size();
            int[] exact = new int[n];
            double[] price = new double[n];
            int c = atOrBefore(h, dates.get(0));
            for (int k = 0; k < n; k++) {
                LocalDate d = dates.get(k);
                while (c + 1 <= h.lastIndex() && !h.date(c + 1).isAfter(d)) {
                    c++;
                }
                exact[k] = c >= 0 && h.date(c).equals(d) ? c : -1;
                price[k] = c >= 0 ? h.adjClose(c) : Double.NaN;
            }
            return new Aligned(h, exact, price);
        }

        int exactIndex(int k) {
            return exact[k];
        }

        double price(int k) {
            return price[k];
        }

        private static int atOrBefore(History h, LocalDate d) {
            int lo = 0;
            int hi = h.lastIndex();
            int found = -1;
            while (lo <= hi) {
                int mid = (lo + hi) >>> 1;
                if (h.date(mid).isAfter(d)) {
                    hi = mid - 1;
                } else {
                    found = mid;
                    lo = mid + 1;
                }
            }
            return found;
        }
    }
}
