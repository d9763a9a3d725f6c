package org.leverdesk.report;

import java.awt.Color;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.pdfbox.pdmodel.font.PDFont;

/** Small computations and axis formats shared by the report's pages. */
final class ReportBits {
    private ReportBits() {
    }

    /** E_t / max(E_0..E_t) - 1 for every t (0 at new highs; NaN values are carried as NaN). */
    static double[] drawdowns(double[] equity) {
        double[] out = new double[equity.length];
        double peak = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < equity.length; i++) {
            if (Double.isNaN(equity[i])) {
                out[i] = Double.NaN;
                continue;
            }
            peak = Math.max(peak, equity[i]);
            out[i] = peak > 0 ? equity[i] / peak - 1 : 0;
        }
        return out;
    }

    /** Axis dollars: $950, $10,050, $250k, $1.25M (full dollars below $100k, where round ticks can be $50 apart). */
    static String compactMoney(double v) {
        double a = Math.abs(v);
        String s;
        if (a >= 1e6) {
            s = trim(String.format(Locale.ROOT, "%.3f", a / 1e6)) + "M";
        } else if (a >= 1e5) {
            s = trim(String.format(Locale.ROOT, "%.1f", a / 1e3)) + "k";
        } else {
            s = String.format(Locale.ROOT, "%,.0f", a);
        }
        return (v < 0 ? "-$" : "$") + s;
    }

    /** Axis percent without decimals unless needed: -0.25 → "-25%", -0.025 → "-2.5%". */
    static String pct0(double v) {
        double p = v * 100;
        return trim(String.format(Locale.ROOT, "%.1f", p)) + "%";
    }

    /** Axis number: 30 → "30", 2.5 → "2.5". */
    static String plain0(double v) {
        return trim(String.format(Locale.ROOT, "%.1f", v));
    }

    /** Axis price: up to four decimals, trailing zeros dropped: 3 → "3", 42.5 → "42.5", 0.1234 → "0.1234". */
    static String axisNumber(double v) {
        return trim(String.format(Locale.ROOT, "%,.4f", v));
    }

    /**
     * Splits {@code s} at spaces into at most {@code maxLines} lines that fit {@code width}; the last
     * line keeps the rest and is cut with an ellipsis by the page when still too wide.
     */
    static List<String> wrap(PDFont font, float size, String s, float width, int maxLines) {
        List<String> lines = new ArrayList<>();
        String rest = PdfPage.encodable(font, s).strip();
        while (lines.size() < maxLines - 1 && PdfPage.width(font, size, rest) > width) {
            int cut = -1;
            for (int i = rest.indexOf(' '); i > 0; i = rest.indexOf(' ', i + 1)) {
                if (PdfPage.width(font, size, rest.substring(0, i)) > width) {
                    break;
                }
                cut = i;
            }
            if (cut < 0) {
                break;   // one word wider than the column: the ellipsis handles it
            }
            lines.add(rest.substring(0, cut));
            rest = rest.substring(cut + 1).strip();
        }
        lines.add(rest);
        return lines;
    }

    private static String trim(String s) {
        String t = s.contains(".") ? s.replaceAll("0+$", "").replaceAll("\\.$", "") : s;
        return t.equals("-0") ? "0" : t;
    }

    /** A pale green for gains, pale red for losses, stronger with size (saturating at ±20%). */
    static Color tint(double v) {
        if (Double.isNaN(v) || v == 0) {
            return Color.WHITE;
        }
        float k = (float) Math.min(Math.abs(v) / 0.20, 1) * 0.55f + 0.08f;
        Color base = v > 0 ? new Color(0x43, 0xA0, 0x47) : new Color(0xE5, 0x39, 0x35);
        return new Color(mix(base.getRed(), k), mix(base.getGreen(), k), mix(base.getBlue(), k));
    }

    private static int mix(int c, float k) {
        return Math.round(255 + (c - 255) * k);
    }
}
