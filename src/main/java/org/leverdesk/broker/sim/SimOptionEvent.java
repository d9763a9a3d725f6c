package org.leverdesk.broker.sim;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/**
 * What happened to an option position at the close of its expiration day: it expired worthless, was
 * assigned (a short position: shares bought at the strike for a put, sold for a call) or exercised (a
 * long position), or was settled in cash at its intrinsic value (a long position the account could not
 * take delivery for).
 *
 * @param contracts      signed contracts held before (negative = short)
 * @param shares         signed shares of the underlying delivered to the account (+ bought, − sold), 0 when none
 * @param underlyingClose the underlying's closing price the decision was taken on (NaN when the broker does not say)
 * @param cash           the cash that moved (+ in, − out)
 * @param optionFillId   the broker order id of the option leg's closing fill (at 0, or at intrinsic when cash-settled)
 * @param shareFillId    the broker order id of the share leg's fill, null when no shares moved
 */
public record SimOptionEvent(Kind kind, LocalDate day, String optionSymbol, String underlying, BigDecimal contracts,
                             BigDecimal shares, BigDecimal strike, double underlyingClose, BigDecimal cash,
                             String optionFillId, String shareFillId, Instant at) {
    /** The outcome at expiry. */
    public enum Kind { EXPIRED, ASSIGNED, EXERCISED, CASH_SETTLED }

    /** "assigned: bought 100 QQQ at $480.00 (QQQ closed $478.12)" for fills and journals. */
    public String describe() {
        String what = switch (kind) {
            case EXPIRED -> "expired worthless";
            case ASSIGNED -> shares.signum() > 0 ? "assigned: bought " + plain(shares) + " " + underlying + " at " + money(strike)
                    : "assigned (called away): sold " + plain(shares.negate()) + " " + underlying + " at " + money(strike);
            case EXERCISED -> "exercised: " + (shares.signum() > 0 ? "bought " : "sold ") + plain(shares.abs()) + " "
                    + underlying + " at " + money(strike);
            case CASH_SETTLED -> "settled at intrinsic value " + (contracts.signum() < 0 ? "(short leg of a spread in the money)"
                    : "(no delivery possible, or the long leg of a spread in the money)");
        };
        // A broker that reports the event without the underlying's close (Alpaca's activities) leaves it NaN.
        return optionSymbol.strip().replaceAll("\\s+", " ") + " " + what + (Double.isNaN(underlyingClose) ? ""
                : String.format(java.util.Locale.ROOT, " (%s closed $%,.2f)", underlying, underlyingClose));
    }

    private static String money(BigDecimal v) {
        return String.format(java.util.Locale.ROOT, "$%,.2f", v);
    }

    private static String plain(BigDecimal v) {
        return v.stripTrailingZeros().toPlainString();
    }
}
