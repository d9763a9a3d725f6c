package org.leverdesk.report;

import java.awt.Color;
import java.util.Locale;
import java.util.function.DoubleFunction;
import org.leverdesk.report.PdfPage.Align;
import org.leverdesk.research.montecarlo.Band;
import org.leverdesk.research.montecarlo.MonteCarloResult;
import org.leverdesk.research.montecarlo.Quantiles;

/**
 * The report's Monte Carlo page: the quantiles of final equity, maximum drawdown and CAGR of the
 * resampled paths, the probability of a deep drawdown, and the 5–95% bands of equity and drawdown after
 * each trade with the median and the run's own order of trades.
 */
final class MonteCarloPage {
    static final String HEADING = "Monte Carlo: the run's trades resampled";
    private static final Color BAND = new Color(0xBB, 0xD6, 0xF2);
    private static final Color MEDIAN = new Color(0x15, 0x65, 0xC0);
    private static final Color OBSERVED = new Color(0x33, 0x33, 0x33);
    private static final Color GRID = new Color(0xE4, 0xE4, 0xE4);

    private MonteCarloPage() {
    }

    static void draw(PdfPage p, MonteCarloResult r) {
        var q = r.request();
        float x = PdfPage.MARGIN;
        p.text(PdfPage.REGULAR, 8, PdfPage.MUTED, x, 64, Align.LEFT, PdfPage.WIDTH - 2 * x, String.format(Locale.ROOT,
                "%,d paths, each %,d trades drawn with replacement from the run's %,d (seed %d); a trade's return is its profit over"
                        + " the account's equity on its entry day, compounded from %s. Drawdowns are measured after each trade.",
                q.runs(), r.trades(), r.trades(), q.seed(), ReportFormats.money(q.capital())));
        float tx = x;
        float ty = 92;
        p.text(PdfPage.BOLD, 10, PdfPage.TEXT, tx, ty, Align.LEFT, 220, "Percentiles of the paths");
        ty += 16;
        String[] head = {"", "5th", "50th", "95th"};
        float[] cols = {tx, tx + 128, tx + 188, tx + 248};
        for (int c = 0; c < head.length; c++) {
            p.text(PdfPage.BOLD, 8, PdfPage.TEXT, cols[c] + (c == 0 ? 0 : 52), ty, c == 0 ? Align.LEFT : Align.RIGHT, 60, head[c]);
        }
        ty = row(p, cols, ty + 14, "final equity", r.finalEquity(), ReportFormats::money);
        ty = row(p, cols, ty, "maximum drawdown", r.maxDrawdown(), ReportFormats::pct);
        ty = row(p, cols, ty, "CAGR", r.cagr(), ReportFormats::pct);
        p.text(PdfPage.REGULAR, 8.5f, PdfPage.TEXT, tx, ty + 10, Align.LEFT, 300, "Probability of a drawdown worse than -"
                + ReportFormats.pct(q.drawdownThreshold()) + ": " + ReportFormats.pct(r.probabilityDrawdownWorse()));

        float cx = x + 330;
        float cw = PdfPage.WIDTH - PdfPage.MARGIN - cx;
        p.text(PdfPage.BOLD, 9, PdfPage.TEXT, cx, 92, Align.LEFT, cw, "Equity after each trade: 5-95% band, median, the run's own order");
        chart(p, cx, 100, cw, 220, r.equity(), r.observedEquity(), ReportBits::compactMoney);
        p.text(PdfPage.BOLD, 9, PdfPage.TEXT, cx, 350, Align.LEFT, cw, "Drawdown after each trade: 5-95% band and median");
        chart(p, cx, 358, cw, 170, r.drawdown(), ReportBits.drawdowns(r.observedEquity()), ReportBits::pct0);
    }

    private static float row(PdfPage p, float[] cols, float y, String name, Quantiles q, DoubleFunction<String> f) {
        p.text(PdfPage.REGULAR, 8.5f, PdfPage.TEXT, cols[0], y, Align.LEFT, 120, name);
        double[] v = {q.p5(), q.p50(), q.p95()};
        for (int i = 0; i < 3; i++) {
            p.text(PdfPage.REGULAR, 8.5f, PdfPage.TEXT, cols[i + 1] + 52, y, Align.RIGHT, 70, f.apply(v[i]));
        }
        return y + 13;
    }

    /** A band chart over trade numbers 0..n with a value axis of 5 even ticks. */
    private static void chart(PdfPage p, float x, float y, float w, float h, Band band, double[] observed, DoubleFunction<String> label) {
        float left = 52;
        float px = x + left;
        float pw = w - left;
        int n = band.steps();
        double min = Double.MAX_VALUE;
        double max = -Double.MAX_VALUE;
        for (int k = 0; k < n; k++) {
            min = Math.min(min, Math.min(band.p5()[k], observed[k]));
            max = Math.max(max, Math.max(band.p95()[k], observed[k]));
        }
        if (!(max > min)) {
            max = min + (min == 0 ? 1 : Math.abs(min) * 0.1);
        }
        double lo = min;
        double span = max - min;
        float[] xs = new float[n];
        for (int k = 0; k < n; k++) {
            xs[k] = px + (n == 1 ? 0 : pw * k / (n - 1f));
        }
        DoubleFunction<Float> yOf = v -> (float) (y + h - (v - lo) / span * h);
        for (int t = 0; t <= 4; t++) {
            double v = lo + span * t / 4;
            float yy = yOf.apply(v);
            p.line(GRID, 0.4f, px, yy, px + pw, yy);
            p.text(PdfPage.REGULAR, 7, PdfPage.MUTED, px - 4, yy + 2.5f, Align.RIGHT, left - 6, label.apply(v));
        }
        for (int t = 0; t <= 4; t++) {
            int k = Math.round((n - 1) * t / 4f);
            p.text(PdfPage.REGULAR, 7, PdfPage.MUTED, xs[k], y + h + 9, Align.CENTER, 60, "trade " + k);
        }
        p.band(BAND, xs, ys(band.p5(), yOf), ys(band.p95(), yOf));
        p.polyline(OBSERVED, 0.7f, xs, ys(observed, yOf));
        p.polyline(MEDIAN, 1.0f, xs, ys(band.p50(), yOf));
        p.strokeRect(PdfPage.RULE, 0.6f, px, y, pw, h);
    }

    private static float[] ys(double[] v, DoubleFunction<Float> yOf) {
        float[] out = new float[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = yOf.apply(v[i]);
        }
        return out;
    }
}
