package org.leverdesk.app.cli;

import java.util.List;
import java.util.Locale;
import org.leverdesk.backtest.metrics.Metrics;
import org.leverdesk.research.Trial;
import org.leverdesk.research.stats.Cscv;
import org.leverdesk.research.stats.DeflatedSharpe;
import org.leverdesk.research.sweep.Overfitting;

/** Text the research commands print: ranked runs, overfitting statistics. */
final class ResearchText {
    private static final double DAYS = Math.sqrt(252);

    private ResearchText() {
    }

    /** A table of {@code trials} (best first) with one column per parameter name and the headline metrics. */
    static String table(List<Trial> trials, List<String> names) {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "%5s", "rank"));
        for (String n : names) {
            sb.append(String.format(Locale.ROOT, " %12s", n));
        }
        sb.append(String.format(Locale.ROOT, " %8s %9s %9s %8s %7s %14s%n", "sharpe", "cagr", "max_dd", "win_rate", "trades",
                "final_equity"));
        for (int i = 0; i < trials.size(); i++) {
            Trial t = trials.get(i);
            sb.append(String.format(Locale.ROOT, "%5d", i + 1));
            for (String n : names) {
                sb.append(String.format(Locale.ROOT, " %12s", t.parameters().getOrDefault(n, "")));
            }
            Metrics m = t.metrics();
            sb.append(String.format(Locale.ROOT, " %8s %9s %9s %8s %7d %14s%n", num(m.sharpe()), pct(m.cagr()),
                    pct(m.maxDrawdown()), pct(m.winRate()), m.trades(), money(m.finalEquity())));
        }
        return sb.toString();
    }

    /** Two lines: the deflated Sharpe ratio with its inputs, and PBO (or why it is missing). */
    static String overfitting(Overfitting o) {
        if (o == null) {
            return "";
        }
        DeflatedSharpe d = o.deflatedSharpe();
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "deflated Sharpe ratio of the best run: %s (its Sharpe %s annualised; best of %,d"
                        + " runs without skill expected at %s; skew %s, kurtosis %s, %,d days)%n", num(d.dsr()), num(d.sr() * DAYS),
                d.trials(), num(d.sr0() * DAYS), num(d.skewness()), num(d.kurtosis()), d.observations()));
        Cscv p = o.pbo();
        if (p == null) {
            sb.append("probability of backtest overfitting: - (").append(o.note()).append(")").append(System.lineSeparator());
        } else {
            sb.append(String.format(Locale.ROOT, "probability of backtest overfitting (CSCV, %d blocks, %,d splits): %s;"
                            + " the in-sample best lost out of sample in %s of splits%n", p.blocks(), p.splits(), num(p.pbo()),
                    pct(p.probabilityOfLoss())));
        }
        return sb.toString();
    }

    /** "2.3 s" or "1:05:03" for long jobs. */
    static String elapsed(java.time.Duration d) {
        return d.toSeconds() < 600 ? String.format(Locale.ROOT, "%.1f s", d.toMillis() / 1000.0)
                : org.leverdesk.research.ParallelRuns.duration(d);
    }

    static String pct(double v) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%.2f%%", v * 100) : "-";
    }

    static String num(double v) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%.2f", v) : v == Double.POSITIVE_INFINITY ? "inf" : "-";
    }

    static String money(double v) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%,.2f", v) : "-";
    }
}
