package org.leverdesk.ui.common;

import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.LocalDate;
import java.util.Locale;

/**
 * How numbers look on screen: fractions as percent, ratios with two decimals, money with a dollar
 * sign. Missing values (NaN, null) show as an em dash so that a blank is never mistaken for zero.
 */
public final class Formats {
    /** Shown for a value that does not exist (no trades, no drawdown). */
    public static final String MISSING = "—";
    private static final DecimalFormatSymbols US = DecimalFormatSymbols.getInstance(Locale.US);

    private Formats() {
    }

    /** 0.1234 → "12.34%". */
    public static String percent(double fraction) {
        return Double.isFinite(fraction) ? new DecimalFormat("#,##0.00'%'", US).format(fraction * 100) : MISSING;
    }

    /** A value already in percent points: -12.345 → "-12.3%". */
    public static String percentPoints(double value) {
        return Double.isFinite(value) ? new DecimalFormat("#,##0.0'%'", US).format(value) : MISSING;
    }

    /** 1.23456 → "1.23". */
    public static String ratio(double value) {
        return Double.isFinite(value) ? new DecimalFormat("#,##0.00", US).format(value) : MISSING;
    }

    /** 12345.6 → "$12,345.60"; -5 → "-$5.00". */
    public static String money(double value) {
        if (!Double.isFinite(value)) {
            return MISSING;
        }
        String abs = new DecimalFormat("#,##0.00", US).format(Math.abs(value));
        return (value < 0 ? "-$" : "$") + abs;
    }

    /** 12345.6 → "$12,346": whole dollars, for axes. */
    public static String wholeMoney(double value) {
        if (!Double.isFinite(value)) {
            return MISSING;
        }
        String abs = new DecimalFormat("#,##0", US).format(Math.abs(value));
        return (value < 0 ? "-$" : "$") + abs;
    }

    /**
     * A price as money, like every amount on screen: 51.0625 → "$51.06", 12.5 → "$12.50". Quotes are
     * shown in cents as a broker's screen shows them; the exact fill price is in the journal and the CLI.
     */
    public static String price(double value) {
        return money(value);
    }

    /** A number of shares: 35 → "35", 0.5 → "0.5" (fractional shares to four decimals), -12 → "-12". */
    public static String quantity(double value) {
        return Double.isFinite(value) ? new DecimalFormat("#,##0.####", US).format(value) : MISSING;
    }

    /** 6543 → "6,543". */
    public static String count(long value) {
        return new DecimalFormat("#,##0", US).format(value);
    }

    /** A moment as local date and time in {@code zone}: "2024-06-28 15:04"; the missing mark for null. */
    public static String dateTime(java.time.Instant instant, java.time.ZoneId zone) {
        return instant == null ? MISSING : java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.US)
                .format(instant.atZone(zone));
    }

    /** ISO date, or the missing mark. */
    public static String date(LocalDate date) {
        return date == null ? MISSING : date.toString();
    }
}
