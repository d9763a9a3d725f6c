package org.leverdesk.notify.message;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** How messages write money, quantities, percentages and times: US style, times in New York. */
final class Format {
    static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.US);
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.US);

    private Format() {
    }

    /** {@code $1,234.50}; negative as {@code -$1,234.50}. */
    static String money(BigDecimal amount) {
        BigDecimal rounded = amount.setScale(2, RoundingMode.HALF_UP);
        return (rounded.signum() < 0 ? "-$" : "$") + grouped().format(rounded.abs());
    }

    /** {@code +$1,234.50} or {@code -$52.50}: for profits, the sign always shown. */
    static String signedMoney(BigDecimal amount) {
        String text = money(amount);
        return text.startsWith("-") ? text : "+" + text;
    }

    /** {@code part / whole} as {@code +1.19%}; empty when {@code whole} is zero. */
    static String signedPercent(BigDecimal part, BigDecimal whole) {
        if (whole == null || whole.signum() == 0) {
            return "";
        }
        BigDecimal pct = part.multiply(BigDecimal.valueOf(100)).divide(whole, 2, RoundingMode.HALF_UP);
        // The sign follows the amount, so a loss too small to show stays a loss: -$0.20 (-0.00%).
        String sign = part.signum() * whole.signum() < 0 ? "-" : "+";
        return sign + pct.abs().toPlainString() + "%";
    }

    /**
     * A price as the window and the CLI show it, in dollars and cents: {@code $61.25}, {@code $1,234.50}. The
     * exact fill price stays in the journal.
     */
    static String price(BigDecimal price) {
        return money(price);
    }

    /** A share count as written: {@code 120}, {@code 0.5}. */
    static String quantity(BigDecimal quantity) {
        BigDecimal q = quantity.stripTrailingZeros();
        return (q.scale() < 0 ? q.setScale(0) : q).toPlainString();
    }

    /** {@code 15:50 ET}. */
    static String timeEt(Instant time) {
        return TIME.format(time.atZone(NEW_YORK)) + " ET";
    }

    /** {@code 2026-11-20 15:50 ET}. */
    static String dateTimeEt(Instant time) {
        return DATE_TIME.format(time.atZone(NEW_YORK)) + " ET";
    }

    private static DecimalFormat grouped() {
        return new DecimalFormat("#,##0.00", DecimalFormatSymbols.getInstance(Locale.US));
    }
}
