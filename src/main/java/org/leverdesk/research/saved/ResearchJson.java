package org.leverdesk.research.saved;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.leverdesk.research.RunBase;
import org.leverdesk.research.Trial;
import org.leverdesk.research.stats.Cscv;
import org.leverdesk.research.stats.DeflatedSharpe;
import org.leverdesk.research.sweep.Overfitting;
import org.leverdesk.research.sweep.ParameterAxis;
import org.leverdesk.research.sweep.SearchSpace;
import org.leverdesk.research.sweep.SweepResult;
import org.leverdesk.research.walkforward.WalkForwardResult;
import org.leverdesk.research.walkforward.WalkForwardWindow;

/**
 * The request and summary documents of a research job as plain maps (for the store and {@code --json}):
 * the same keys everywhere, numbers as doubles (NaN where undefined).
 */
public final class ResearchJson {
    private ResearchJson() {
    }

    /** What a sweep asked for. */
    public static Map<String, Object> request(SweepResult r) {
        Map<String, Object> m = base(r.request().base());
        m.put("from", r.request().from().toString());
        m.put("to", r.request().to().toString());
        space(m, r.request().space());
        m.put("metric", r.request().metric().key());
        return m;
    }

    /** What a walk-forward asked for. */
    public static Map<String, Object> request(WalkForwardResult r) {
        var q = r.request();
        Map<String, Object> m = base(q.base());
        m.put("from", q.from().toString());
        m.put("to", q.to().toString());
        space(m, q.space());
        m.put("metric", q.metric().key());
        m.put("in_sample", q.inSample().toString());
        m.put("out_of_sample", q.outOfSample().toString());
        m.put("anchored", q.anchored());
        return m;
    }

    private static Map<String, Object> base(RunBase b) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("strategy", b.strategyId());
        m.put("symbol", b.symbol());
        m.put("capital", b.capital());
        m.put("commission", b.costs().commissionPerOrder());
        m.put("commission_per_share", b.costs().commissionPerShare());
        m.put("slippage_bps", b.costs().slippageBps());
        m.put("benchmark", b.benchmark());
        m.put("fixed_parameters", new java.util.TreeMap<>(b.fixedParameters()));
        return m;
    }

    private static void space(Map<String, Object> m, SearchSpace s) {
        Map<String, List<String>> axes = new LinkedHashMap<>();
        for (ParameterAxis a : s.axes()) {
            axes.put(a.name(), a.values());
        }
        m.put("parameters", axes);
        m.put("search", s.isRandom() ? "random" : "grid");
        if (s.isRandom()) {
            m.put("samples", s.samples());
            m.put("seed", s.seed());
        }
    }

    /** The headline results of a sweep. */
    public static Map<String, Object> summary(SweepResult r) {
        Map<String, Object> m = new LinkedHashMap<>();
        Trial best = r.best();
        m.put("best_parameters", best == null ? Map.of() : best.parameters());
        m.put("best_value", best == null ? Double.NaN : r.request().metric().of(best));
        m.put("trials", r.trials().size());
        m.put("skipped", r.skipped().size());
        m.put("overfitting", overfitting(r.overfitting()));
        return m;
    }

    /** The headline results of a walk-forward. */
    public static Map<String, Object> summary(WalkForwardResult r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("efficiency", r.efficiency());
        m.put("mean_in_sample_cagr", r.meanInSampleCagr());
        m.put("out_of_sample", Map.of("total_return", r.outOfSample().totalReturn(), "cagr", r.outOfSample().cagr(),
                "sharpe", r.outOfSample().sharpe(), "max_drawdown", r.outOfSample().maxDrawdown()));
        m.put("final_equity", r.equity().length == 0 ? Double.NaN : r.equity()[r.equity().length - 1]);
        m.put("windows", r.windows().stream().map(ResearchJson::window).toList());
        return m;
    }

    private static Map<String, Object> window(WalkForwardWindow w) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("window", w.number());
        m.put("in_sample_from", w.plan().isFrom().toString());
        m.put("in_sample_to", w.plan().isTo().toString());
        m.put("out_of_sample_from", w.plan().oosFrom().toString());
        m.put("out_of_sample_to", w.plan().oosTo().toString());
        m.put("parameters", w.inSampleBest().parameters());
        m.put("in_sample_trials", w.inSampleTrials());
        m.put("in_sample_cagr", w.inSampleCagr());
        m.put("out_of_sample_cagr", w.outOfSampleCagr());
        m.put("out_of_sample_total_return", w.outOfSample().metrics().totalReturn());
        m.put("efficiency", w.efficiency());
        m.put("overfitting", overfitting(w.inSampleOverfitting()));
        return m;
    }

    /** The deflated Sharpe ratio and PBO with their inputs. */
    public static Map<String, Object> overfitting(Overfitting o) {
        Map<String, Object> m = new LinkedHashMap<>();
        if (o == null) {
            return m;
        }
        DeflatedSharpe d = o.deflatedSharpe();
        m.put("deflated_sharpe", d.dsr());
        m.put("sharpe_per_day", d.sr());
        m.put("expected_max_sharpe_per_day", d.sr0());
        m.put("trials", d.trials());
        m.put("observations", d.observations());
        m.put("sharpe_variance_per_day", d.variance());
        m.put("skewness", d.skewness());
        m.put("kurtosis", d.kurtosis());
        Cscv p = o.pbo();
        m.put("pbo", p == null ? Double.NaN : p.pbo());
        if (p != null) {
            m.put("pbo_blocks", p.blocks());
            m.put("pbo_splits", p.splits());
            m.put("pbo_probability_of_loss", p.probabilityOfLoss());
        }
        if (!o.note().isEmpty()) {
            m.put("note", o.note());
        }
        return m;
    }
}
