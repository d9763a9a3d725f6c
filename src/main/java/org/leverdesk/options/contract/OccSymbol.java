package org.leverdesk.options.contract;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDate;

/**
 * The OCC option symbol (OSI, 2010): root left-justified and padded with spaces to 6 characters,
 * expiry as yymmdd, C or P, and the strike × 1000 as 8 digits. {@code QQQ   250117P00480000} is the QQQ
 * put with strike 480 expiring 2025-01-17. Alpaca (and most APIs) write the same without the padding:
 * {@code QQQ250117P00480000}. Both forms are parsed; anything else is refused with the reason.
 */
public final class OccSymbol {
    private static final int TAIL = 15;          // yymmdd + C/P + 8 strike digits
    private static final int PADDED_LENGTH = 21; // 6-character root + tail

    private OccSymbol() {
    }

    /** The padded form, 21 characters. */
    public static String format(OptionContract c) {
        StringBuilder sb = new StringBuilder(PADDED_LENGTH);
        sb.append(c.underlying());
        while (sb.length() < 6) {
            sb.append(' ');
        }
        return appendTail(sb, c).toString();
    }

    /** The compact form: root without padding, then the same 15 characters. */
    public static String formatCompact(OptionContract c) {
        return appendTail(new StringBuilder(c.underlying().length() + TAIL).append(c.underlying()), c).toString();
    }

    private static StringBuilder appendTail(StringBuilder sb, OptionContract c) {
        LocalDate e = c.expiry();
        twoDigits(sb, e.getYear() % 100);
        twoDigits(sb, e.getMonthValue());
        twoDigits(sb, e.getDayOfMonth());
        sb.append(c.right().occCode());
        String thousandths = Long.toString(c.strike().movePointRight(3).longValueExact());
        for (int i = thousandths.length(); i < 8; i++) {
            sb.append('0');
        }
        return sb.append(thousandths);
    }

    private static void twoDigits(StringBuilder sb, int v) {
        sb.append((char) ('0' + v / 10)).append((char) ('0' + v % 10));
    }

    /**
     * Parses either form into a standard 100-share contract.
     *
     * @throws IllegalArgumentException naming what is wrong, e.g. "month 13 in 'QQQ251317P00480000'"
     */
    public static OptionContract parse(String symbol) {
        if (symbol == null) {
            throw new IllegalArgumentException("OCC symbol is missing");
        }
        int n = symbol.length();
        if (n < TAIL + 1 || n > PADDED_LENGTH) {
            throw bad(symbol, "an OCC symbol is a root of 1-6 characters and 15 more (yymmdd, C/P, 8 strike digits)");
        }
        String rootPart = symbol.substring(0, n - TAIL);
        String root = rootPart.stripTrailing();
        if (root.length() != rootPart.length() && n != PADDED_LENGTH) {
            throw bad(symbol, "a padded root must fill exactly 6 characters");
        }
        if (!OptionContract.isOccRoot(root)) {
            throw bad(symbol, "the root '" + root + "' must be 1-6 upper-case letters or digits");
        }
        String tail = symbol.substring(n - TAIL);
        for (int i = 0; i < TAIL; i++) {
            if (i != 6 && !Character.isDigit(tail.charAt(i))) {
                throw bad(symbol, "expected yymmdd, C or P, then 8 strike digits after the root");
            }
        }
        int yy = Integer.parseInt(tail.substring(0, 2));
        int mm = Integer.parseInt(tail.substring(2, 4));
        int dd = Integer.parseInt(tail.substring(4, 6));
        LocalDate expiry;
        try {
            expiry = LocalDate.of(2000 + yy, mm, dd);
        } catch (DateTimeException e) {
            throw bad(symbol, "the expiry " + tail.substring(0, 6) + " is not a date (yymmdd)");
        }
        char code = tail.charAt(6);
        if (code != 'C' && code != 'P') {
            throw bad(symbol, "the right must be C or P (got '" + code + "')");
        }
        long thousandths = Long.parseLong(tail.substring(7));
        if (thousandths == 0) {
            throw bad(symbol, "the strike is zero");
        }
        return OptionContract.of(root, expiry, OptionRight.fromOccCode(code), BigDecimal.valueOf(thousandths, 3));
    }

    private static IllegalArgumentException bad(String symbol, String why) {
        return new IllegalArgumentException("'" + symbol + "' is not an OCC option symbol: " + why);
    }
}
