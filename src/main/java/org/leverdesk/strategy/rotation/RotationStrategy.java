package org.leverdesk.strategy.rotation;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.leverdesk.domain.Decision;
import org.leverdesk.domain.Explanation;
import org.leverdesk.domain.GateResult;
import org.leverdesk.domain.History;
import org.leverdesk.domain.MarketSnapshot;
import org.leverdesk.domain.Position;
import org.leverdesk.domain.Target;
import org.leverdesk.strategy.DecisionContext;
import org.leverdesk.strategy.ExecutionPolicy;
import org.leverdesk.strategy.Strategy;

/**
 * Seed 004: four sleeves rank their tickers by trailing Sharpe and hold the top N at equal weight;
 * a portfolio manager follows the best sleeve ({@link RotationAnalyzer}) and the chosen sleeve's
 * weights become whole-share targets ({@link TargetSizer}) every {@code cooldownDays} trading days.
 * Runs after the close; orders go market-on-open (backtests fill at the next open). Between
 * rebalances it holds, or, with a {@link ProfitTaker} preset, re-states its positions with trailing
 * stops computed from the highs since the last rebalance.
 */
public final class RotationStrategy implements Strategy {
    public static final String ID = "rotation";
    private static final ExecutionPolicy EXECUTION = new ExecutionPolicy(ExecutionPolicy.DecisionTime.AFTER_CLOSE,
            ExecutionPolicy.LiveOrderStyle.MARKET_ON_OPEN, 0);
    private final RotationConfig config;
    private final RotationAnalyzer analyzer;
    private final TargetSizer sizer;
    private final Set<String> universe;

    public RotationStrategy(RotationConfig config) {
        this.config = config;
        this.analyzer = new RotationAnalyzer(config);
        this.sizer = new TargetSizer(config.capitalFraction(), config.tolerance());
        this.universe = Set.copyOf(config.groups().all());
    }

    public RotationConfig config() {
        return config;
    }

    /** The sleeves and the manager's choice as of the snapshot's newest bar (the Rotation view's model). */
    public RotationAnalysis analyze(MarketSnapshot market, LocalDate today) {
        return analyzer.analyze(market, today);
    }

    /** The whole-share plan for an analysis against a portfolio, priced at today's closes. */
    public List<PlannedTarget> plan(RotationAnalysis analysis, MarketSnapshot market, org.leverdesk.domain.PortfolioView portfolio) {
        return sizer.plan(analysis.chosenWeights(), closes(market, analysis.date()), universe, portfolio);
    }

    @Override
    public String id() {
        return ID;
    }

    /** Only the clock symbol is required; the groups' tickers are {@link #optionalSymbols()}. */
    @Override
    public Set<String> symbols() {
        return Set.of(config.clockSymbol());
    }

    @Override
    public Set<String> optionalSymbols() {
        return new LinkedHashSet<>(config.groups().all());
    }

    @Override
    public ExecutionPolicy execution() {
        return EXECUTION;
    }

    @Override
    public Decision decide(DecisionContext ctx) {
        LocalDate today = ctx.today();
        MarketSnapshot market = ctx.market();
        String clockSymbol = config.clockSymbol();
        if (!market.has(clockSymbol) || market.history(clockSymbol).isEmpty()
                || !market.history(clockSymbol).lastDate().equals(today)) {
            return Decision.hold(today, ID, "no " + clockSymbol + " bar for " + today + "; not rebalancing on stale data");
        }
        int t = market.history(clockSymbol).lastIndex();
        if (!analyzer.isRebalanceDay(t)) {
            return betweenRebalances(ctx, t);
        }
        RotationAnalysis analysis = analyzer.analyze(market, today);
        List<PlannedTarget> plan = plan(analysis, market, ctx.portfolio());
        List<Target> targets = new ArrayList<>();
        for (PlannedTarget p : plan) {
            if (Double.isNaN(p.price())) {
                continue;
            }
            double stop = Double.NaN;
            if (p.target() == p.held() && p.held() > 0) {
                stop = trailingStop(ctx, p.symbol(), t);
            }
            targets.add(new Target(p.symbol(), p.target(), stop));
        }
        String chosen = analysis.chosen() == null ? "CASH" : analysis.chosen().name();
        String summary = (analysis.chosen() == null ? "CASH: " : "") + headline(analysis) + holdings(analysis) + (analysis.skipped().isEmpty() ? ""
                : "; skipped " + analysis.skipped().size() + " ticker(s)");
        if (!ctx.explain()) {
            return new Decision(today, ID, true, targets, Explanation.of(summary));
        }
        return new Decision(today, ID, true, targets, new Explanation(summary, signals(analysis, plan), gates(analysis, plan), chosen));
    }

    /** Non-rebalance days: hold, or re-state held positions with their trailing stops. */
    private Decision betweenRebalances(DecisionContext ctx, int t) {
        int next = analyzer.daysToNextRebalance(t);
        String why = "cooldown: next rebalance in " + next + " trading day(s) (every " + config.cooldownDays() + ")";
        if (config.profitTaker() == ProfitTaker.OFF) {
            return Decision.hold(ctx.today(), ID, why);
        }
        List<Target> targets = new ArrayList<>();
        Map<String, Double> signals = new LinkedHashMap<>();
        for (Position p : ctx.portfolio().positions().values()) {
            if (!universe.contains(p.symbol()) || p.quantity() <= 0) {
                continue;
            }
            double stop = trailingStop(ctx, p.symbol(), t);
            targets.add(new Target(p.symbol(), p.quantity(), stop));
            if (!Double.isNaN(stop)) {
                signals.put(p.symbol() + " stop", stop);
            }
        }
        if (targets.isEmpty()) {
            return Decision.hold(ctx.today(), ID, why);
        }
        return new Decision(ctx.today(), ID, true, targets, new Explanation(why + "; " + config.profitTaker().name().toLowerCase(Locale.ROOT)
                + " trailing stops on " + signals.size() + " position(s)", signals, List.of(), null));
    }

    /**
     * The profit taker's stop for a held symbol: from the highest high since the previous rebalance
     * day (exclusive) through today, armed at {@code activation} above the average cost.
     */
    private double trailingStop(DecisionContext ctx, String symbol, int clockIndex) {
        if (config.profitTaker() == ProfitTaker.OFF || !ctx.market().has(symbol)) {
            return Double.NaN;
        }
        History clock = ctx.market().history(config.clockSymbol());
        int r = clockIndex % config.cooldownDays();
        int lastRebalance = clockIndex - (r == 0 ? config.cooldownDays() : r);
        LocalDate after = lastRebalance >= 0 ? clock.date(lastRebalance) : LocalDate.MIN;
        History h = ctx.market().history(symbol);
        if (h.isEmpty() || !h.lastDate().equals(ctx.today())) {
            return Double.NaN;
        }
        double high = Double.NEGATIVE_INFINITY;
        for (int i = h.lastIndex(); i >= 0 && h.date(i).isAfter(after); i--) {
            high = Math.max(high, h.high(i));
        }
        Position pos = ctx.portfolio().positions().get(symbol);
        return pos == null ? Double.NaN : config.profitTaker().stop(pos.averageCost(), high);
    }

    private static Map<String, Double> closes(MarketSnapshot market, LocalDate today) {
        Map<String, Double> out = new LinkedHashMap<>();
        for (String s : market.symbols()) {
            History h = market.history(s);
            if (!h.isEmpty() && h.lastDate().equals(today)) {
                out.put(s, h.lastClose());
            }
        }
        return out;
    }

    private String headline(RotationAnalysis a) {
        String why = a.why();
        int cut = why.indexOf(" (");
        String first = cut > 0 ? why.substring(0, cut) : why;
        int dd = why.lastIndexOf("; ");
        return dd > 0 && why.indexOf("drawdown", dd) > 0 ? first + why.substring(dd) : first;
    }

    private static String holdings(RotationAnalysis a) {
        Map<String, Double> w = a.chosenWeights();
        return w.isEmpty() ? "; holds nothing" : "; holds " + String.join(", ", w.keySet());
    }

    private Map<String, Double> signals(RotationAnalysis a, List<PlannedTarget> plan) {
        Map<String, Double> s = new LinkedHashMap<>();
        for (Sleeve sl : Sleeve.values()) {
            s.put(sl + " NAV", a.sleeves().get(sl).lastNav());
        }
        for (Sleeve sl : Sleeve.values()) {
            s.put(sl + " drawdown", a.sleeves().get(sl).drawdown());
            s.put(sl + " momentum", a.sleeves().get(sl).momentum());
        }
        for (Sleeve sl : Sleeve.values()) {
            for (RotationAnalysis.RankRow r : a.sleeves().get(sl).ranking()) {
                s.put(sl + " " + r.ticker() + " Sharpe", r.sharpe());
                s.put(sl + " " + r.ticker() + " weight", r.weight());
            }
        }
        for (PlannedTarget p : plan) {
            s.put(p.symbol() + " target", (double) p.target());
            s.put(p.symbol() + " delta", (double) p.delta());
        }
        return s;
    }

    private List<GateResult> gates(RotationAnalysis a, List<PlannedTarget> plan) {
        List<GateResult> g = new ArrayList<>();
        g.add(GateResult.pass("manager", a.chosen() == null ? "CASH" : a.chosen().name(), a.why()));
        for (RotationAnalysis.Skip s : a.skipped()) {
            g.add(GateResult.fail("data " + s.ticker(), s.ticker(), "skipped: " + s.reason()));
        }
        for (PlannedTarget p : plan) {
            if (!p.note().isEmpty()) {
                g.add(GateResult.fail("size " + p.symbol(), p.held() + " held, " + p.target() + " target", p.note()));
            }
        }
        return g;
    }
}
