package org.leverdesk.report;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Locale;

/**
 * Number formats of the reports, the same conventions as the CLI's metrics table: percent with two
 * decimals, ratios with three, dollars with thousands separators and cents; "-" for undefined
 * (NaN) and "inf" for an infinite ratio. Plain decimals are for machine-readable CSV.
 */
public final class ReportFormats {
    private ReportFormats() {
    }

    /** A fraction as percent: 0.1234 → "12.34%". */
    public static String pct(double v) {
        return Double.isNaN(v) ? "-" : Double.isInfinite(v) ? "inf" : String.format(Locale.ROOT, "%.2f%%", v * 100);
    }

    /** A fraction as percent with one decimal, for dense tables: 0.1234 → "12.3". */
    public static String pct1(double v) {
        return Double.isNaN(v) ? "" : String.format(Locale.ROOT, "%.1f", v * 100);
    }

    /** A ratio: 1.23456 → "1.235". */
    public static String num(double v) {
        return Double.isNaN(v) ? "-" : Double.isInfinite(v) ? "inf" : String.format(Locale.ROOT, "%.3f", v);
    }

    /** Dollars as the CLI's metrics table prints them: 12345.678 → "$12,345.68", -5 → "$-5.00". */
    public static String money(double v) {
        return Double.isNaN(v) ? "-" : String.format(Locale.ROOT, "$%,.2f", v);
    }

    /** A share price: cents from $10 up (45.1234 → "45.12"), four decimals below (split-adjusted 2.0135 stays exact). */
    public static String price(double v) {
        return Double.isNaN(v) ? "-" : String.format(Locale.ROOT, Math.abs(v) < 10 ? "%,.4f" : "%,.2f", v);
    }

    /** A whole number with thousands separators. */
    public static String whole(long v) {
        return String.format(Locale.ROOT, "%,d", v);
    }

    /** An ISO date, or "-" when absent. */
    public static String date(LocalDate d) {
        return d == null ? "-" : d.toString();
    }

    /** A plain decimal without exponent or grouping (shortest form that reads back the same double); empty for NaN. */
    public static String plain(double v) {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            return "";
        }
        if (v == 0) {
            return "0";
        }
        String s = BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
        return s;
    }
}
