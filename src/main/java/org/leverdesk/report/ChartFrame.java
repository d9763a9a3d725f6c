package org.leverdesk.report;

import java.awt.Color;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.DoubleFunction;

/**
 * A dated chart panel drawn as PDF vector paths: a plot rectangle with a date axis (yearly ticks
 * over long runs, monthly over short ones), a linear or logarithmic value axis with round ticks,
 * light grid lines, and helpers that map dates and values into the plot.
 */
final class ChartFrame {
    static final float LEFT_AXIS = 56;
    static final float BOTTOM_AXIS = 14;
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("MMM d", Locale.ROOT);
    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MMM yyyy", Locale.ROOT);
    private static final Color GRID = new Color(0xE4, 0xE4, 0xE4);

    private final PdfPage page;
    final float px;
    final float py;
    final float pw;
    final float ph;
    private final long d0;
    private final long d1;
    private final double v0;
    private final double v1;
    private final boolean log;

    /**
     * @param x,y,w,h the panel including its axis labels (top-down points)
     * @param log     a logarithmic value axis (values must be positive)
     */
    ChartFrame(PdfPage page, float x, float y, float w, float h, LocalDate from, LocalDate to,
               double min, double max, boolean log) {
        this.page = page;
        this.px = x + LEFT_AXIS;
        this.py = y;
        this.pw = w - LEFT_AXIS;
        this.ph = h - BOTTOM_AXIS;
        this.d0 = from.toEpochDay();
        this.d1 = Math.max(to.toEpochDay(), d0 + 1);
        this.log = log && min > 0;
        if (!(max > min)) {
            double pad = min == 0 ? 1 : Math.abs(min) * 0.05;
            min -= pad;
            max += pad;
        }
        this.v0 = this.log ? Math.log10(min) : min;
        this.v1 = this.log ? Math.log10(max) : max;
    }

    float x(LocalDate d) {
        return px + (float) ((d.toEpochDay() - d0) / (double) (d1 - d0)) * pw;
    }

    float y(double v) {
        double t = log ? Math.log10(v) : v;
        return py + ph - (float) ((t - v0) / (v1 - v0)) * ph;
    }

    /** Grid, frame, value ticks labelled by {@code label}, and date ticks (labels only when {@code dateLabels}). */
    void axes(DoubleFunction<String> label, boolean dateLabels) {
        for (double v : valueTicks()) {
            float yy = y(v);
            page.line(GRID, 0.4f, px, yy, px + pw, yy);
            page.text(PdfPage.REGULAR, 7, PdfPage.MUTED, px - 4, yy + 2.5f, PdfPage.Align.RIGHT, LEFT_AXIS - 6, label.apply(v));
        }
        for (DateTick t : dateTicks()) {
            float xx = x(t.date);
            page.line(GRID, 0.4f, xx, py, xx, py + ph);
            if (dateLabels) {
                page.text(PdfPage.REGULAR, 7, PdfPage.MUTED, xx, py + ph + 9, PdfPage.Align.CENTER, 60, t.label);
            }
        }
        page.strokeRect(PdfPage.RULE, 0.6f, px, py, pw, ph);
    }

    /** Draws values[i] at dates[i] as a line, clipped to the plot; NaN leaves a gap. */
    void line(LocalDate[] dates, double[] values, Color color, float width) {
        float[] xs = new float[dates.length];
        float[] ys = new float[dates.length];
        for (int i = 0; i < dates.length; i++) {
            xs[i] = x(dates[i]);
            ys[i] = Double.isNaN(values[i]) || (log && values[i] <= 0) ? Float.NaN : y(values[i]);
        }
        page.clip(px, py, pw, ph);
        page.polyline(color, width, xs, ys);
        page.unclip();
    }

    /** A horizontal reference line at value v with a small label at the right end. */
    void level(double v, Color color, String label) {
        float yy = y(v);
        page.dashedLine(color, 0.6f, px, yy, px + pw, yy);
        page.text(PdfPage.REGULAR, 6.5f, color, px + pw + 2, yy + 2.3f, PdfPage.Align.LEFT, 44, label);
    }

    /** A legend row above the plot's top right corner: coloured swatches and names. */
    void legend(List<String> names, List<Color> colors) {
        float total = 0;
        for (String n : names) {
            total += PdfPage.width(PdfPage.REGULAR, 7.5f, n) + 28;
        }
        // right-aligned above the plot, on the chart title's line, so it never hides data
        float x = px + pw - total + 14;
        float yy = py - 6;
        for (int i = 0; i < names.size(); i++) {
            page.line(colors.get(i), 2, x, yy - 2.5f, x + 12, yy - 2.5f);
            page.text(PdfPage.REGULAR, 7.5f, PdfPage.TEXT, x + 15, yy, PdfPage.Align.LEFT, 200, names.get(i));
            x += PdfPage.width(PdfPage.REGULAR, 7.5f, names.get(i)) + 28;
        }
    }

    private List<Double> valueTicks() {
        List<Double> out = new ArrayList<>();
        if (log) {
            double lo = Math.pow(10, v0);
            double hi = Math.pow(10, v1);
            double[] mult = (v1 - v0) < 1.2 ? new double[] {1, 2, 5} : (v1 - v0) < 2.5 ? new double[] {1, 3} : new double[] {1};
            for (int k = (int) Math.floor(v0); k <= (int) Math.ceil(v1); k++) {
                for (double m : mult) {
                    double v = m * Math.pow(10, k);
                    if (v >= lo && v <= hi) {
                        out.add(v);
                    }
                }
            }
            if (out.size() < 2) {
                return linearTicks(lo, hi);
            }
            return out;
        }
        return linearTicks(v0, v1);
    }

    private static List<Double> linearTicks(double lo, double hi) {
        double step = niceStep((hi - lo) / 5);
        List<Double> out = new ArrayList<>();
        for (double v = Math.ceil(lo / step) * step; v <= hi + step * 1e-9; v += step) {
            out.add(Math.abs(v) < step * 1e-9 ? 0 : v);
        }
        return out;
    }

    /** 1, 2 or 5 times a power of ten, at least {@code raw}. */
    static double niceStep(double raw) {
        if (!(raw > 0)) {
            return 1;
        }
        double p = Math.pow(10, Math.floor(Math.log10(raw)));
        double f = raw / p;
        return (f <= 1 ? 1 : f <= 2 ? 2 : f <= 5 ? 5 : 10) * p;
    }

    private record DateTick(LocalDate date, String label) {
    }

    private List<DateTick> dateTicks() {
        List<DateTick> out = new ArrayList<>();
        LocalDate from = LocalDate.ofEpochDay(d0);
        LocalDate to = LocalDate.ofEpochDay(d1);
        double years = (d1 - d0) / 365.25;
        if (years > 2.5) {
            int step = years <= 14 ? 1 : years <= 28 ? 2 : 5;
            for (int yr = from.getYear() + 1; yr <= to.getYear(); yr++) {
                if (yr % step == 0) {
                    out.add(new DateTick(LocalDate.of(yr, 1, 1), Integer.toString(yr)));
                }
            }
        } else if (d1 - d0 <= 100) {
            int step = d1 - d0 <= 35 ? 7 : 14;
            LocalDate m = from.plusDays((8 - from.getDayOfWeek().getValue()) % 7);   // the first Monday
            for (; !m.isAfter(to); m = m.plusDays(step)) {
                out.add(new DateTick(m, DAY.format(m)));
            }
        } else {
            double months = years * 12;
            int step = months <= 10 ? 1 : months <= 20 ? 2 : months <= 30 ? 3 : 6;
            LocalDate m = from.withDayOfMonth(1).plusMonths(1);
            for (; !m.isAfter(to); m = m.plusMonths(1)) {
                if ((m.getMonthValue() - 1) % step == 0) {
                    out.add(new DateTick(m, MONTH.format(m)));
                }
            }
        }
        return out;
    }
}
