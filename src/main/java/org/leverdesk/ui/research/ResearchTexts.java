package org.leverdesk.ui.research;

import java.util.Locale;
import org.leverdesk.research.montecarlo.MonteCarloResult;
import org.leverdesk.research.stats.Cscv;
import org.leverdesk.research.stats.DeflatedSharpe;
import org.leverdesk.research.sweep.Overfitting;
import org.leverdesk.research.walkforward.WalkForwardResult;
import org.leverdesk.ui.common.Formats;

/** The sentences the Research view shows under its results. */
final class ResearchTexts {
    private ResearchTexts() {
    }

    static String overfitting(Overfitting o) {
        if (o == null) {
            return "";
        }
        DeflatedSharpe d = o.deflatedSharpe();
        double year = Math.sqrt(252);
        String dsr = String.format(Locale.ROOT, "Deflated Sharpe ratio of the best run: %s — the chance its Sharpe %s is real after %,d"
                + " trials (best of %,d unskilled trials expected at %s)", num(d.dsr()), num(d.sr() * year), d.trials(), d.trials(),
                num(d.sr0() * year));
        Cscv p = o.pbo();
        String pbo = p == null ? "Probability of backtest overfitting: – (" + o.note() + ")"
                : String.format(Locale.ROOT, "Probability of backtest overfitting: %s (CSCV, %d blocks, %,d splits); the in-sample"
                        + " best lost money out of sample in %s of splits", num(p.pbo()), p.blocks(), p.splits(), pct(p.probabilityOfLoss()));
        return dsr + "\n" + pbo;
    }

    /**
     * A walk-forward period, "2021-01-04 – 2022-01-03": on one line where the column is wide enough, else on two,
     * "2021-01-04 –" over "2022-01-03" (the no-break space keeps the dash with the start, never alone on a line).
     */
    static String period(java.time.LocalDate from, java.time.LocalDate to) {
        return from + PERIOD_JOIN + to;
    }

    /** A period's first line when it wraps, "2021-01-04 –": the narrowest its column may be. */
    static String periodFirstLine(java.time.LocalDate from) {
        return from + PERIOD_JOIN.stripTrailing();
    }

    private static final String PERIOD_JOIN = "\u00a0\u2013 ";

    static String walkForward(WalkForwardResult r) {
        var s = r.outOfSample();
        return String.format(Locale.ROOT, "Stitched out of sample: total return %s, CAGR %s, Sharpe %s, max drawdown %s.%n"
                        + "Walk-forward efficiency %s = out-of-sample CAGR %s / mean in-sample CAGR %s.", pct(s.totalReturn()), pct(s.cagr()),
                num(s.sharpe()), pct(s.maxDrawdown()), num(r.efficiency()), pct(s.cagr()), pct(r.meanInSampleCagr()));
    }

    static String monteCarlo(MonteCarloResult r) {
        return String.format(Locale.ROOT, "%,d paths of %,d trades: final equity %s / %s / %s, max drawdown %s / %s / %s,"
                        + " CAGR %s / %s / %s (5th / 50th / 95th percentile); P(drawdown worse than -%s) = %s", r.request().runs(),
                r.trades(), Formats.money(r.finalEquity().p5()), Formats.money(r.finalEquity().p50()), Formats.money(r.finalEquity().p95()),
                pct(r.maxDrawdown().p5()), pct(r.maxDrawdown().p50()), pct(r.maxDrawdown().p95()), pct(r.cagr().p5()), pct(r.cagr().p50()),
                pct(r.cagr().p95()), pct(r.request().drawdownThreshold()), pct(r.probabilityDrawdownWorse()));
    }

    static String pct(double v) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%.1f%%", v * 100) : "–";
    }

    static String num(double v) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%.2f", v) : "–";
    }
}
