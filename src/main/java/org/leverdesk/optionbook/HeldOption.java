package org.leverdesk.optionbook;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.leverdesk.options.chain.OptionQuote;
import org.leverdesk.options.contract.OptionContract;
import org.leverdesk.options.pricing.Greeks;

/**
 * One open option position marked: the leg, its quote (null when it cannot be priced: then the broker's price
 * is the mark and the Greeks are unknown), and the collateral it holds.
 *
 * @param mark       price per share the position is valued at
 * @param quote      the chain's quote behind the mark and the Greeks; null when none
 * @param collateral what the position holds: "$2,500.00 cash (spread width)", "100 QQQ shares", "" for a long
 */
public record HeldOption(OptionLeg leg, double mark, OptionQuote quote, LocalDate asOf, String collateral) {
    private static final DateTimeFormatter READABLE = DateTimeFormatter.ofPattern("d MMM yy", Locale.US);

    public OptionContract contract() {
        return leg.contract();
    }

    /** "QQQ 17 Jan 25 480 P". */
    public String readable() {
        return readable(leg.contract());
    }

    /** "QQQ 17 Jan 25 480 P" for any contract. */
    public static String readable(OptionContract c) {
        return c.underlying() + " " + date(c.expiry()) + " " + c.strike().stripTrailingZeros().toPlainString() + " "
                + (c.isCall() ? "C" : "P");
    }

    /** "17 Jan 25". */
    public static String date(LocalDate expiry) {
        return READABLE.format(expiry);
    }

    /** Unrealised profit in dollars: (mark − average price) × contracts × multiplier. */
    public double profit() {
        return leg.contracts() * leg.multiplier() * (mark - leg.averagePrice());
    }

    /** The position's Greeks in shares and dollars (per-share Greeks × contracts × multiplier); NONE without a quote. */
    public Greeks positionGreeks() {
        return quote == null ? Greeks.NONE : quote.greeks().times(leg.contracts() * leg.multiplier());
    }

    /** Position delta in shares of the underlying; NaN without a quote. */
    public double deltaShares() {
        return quote == null ? Double.NaN : positionGreeks().delta();
    }

    public double impliedVolatility() {
        return quote == null ? Double.NaN : quote.impliedVolatility();
    }

    public int daysToExpiry() {
        return leg.contract().daysToExpiry(asOf);
    }
}
