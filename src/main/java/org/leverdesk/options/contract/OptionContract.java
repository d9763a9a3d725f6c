package org.leverdesk.options.contract;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * One listed option series: underlying (the OCC root, e.g. QQQ), expiry (the last trading day; the
 * contract expires at that session's close), right, strike and multiplier (shares per contract).
 *
 * <p>The strike is an exact decimal with scale 3, the precision of the OCC symbol (thousandths of a
 * dollar), so two contracts are equal exactly when their OCC symbols are, whether the strike was written
 * {@code 480}, {@code 480.0} or {@code 480.000}.
 */
public record OptionContract(String underlying, LocalDate expiry, OptionRight right, BigDecimal strike, int multiplier) {
    /** Shares per standard US equity option contract. */
    public static final int STANDARD_MULTIPLIER = 100;
    /** The largest strike an OCC symbol can carry: 8 digits of thousandths. */
    public static final BigDecimal MAX_STRIKE = new BigDecimal("99999.999");

    public OptionContract {
        if (!isOccRoot(underlying)) {
            throw new IllegalArgumentException("option underlying must be an OCC root of 1 to 6 letters or digits, like QQQ (got '"
                    + underlying + "')");
        }
        Objects.requireNonNull(expiry, "expiry");
        if (expiry.getYear() < 2000 || expiry.getYear() > 2099) {
            throw new IllegalArgumentException("option expiry " + expiry + " is outside 2000..2099, the years an OCC symbol can carry");
        }
        Objects.requireNonNull(right, "right");
        Objects.requireNonNull(strike, "strike");
        if (strike.signum() <= 0 || strike.compareTo(MAX_STRIKE) > 0) {
            throw new IllegalArgumentException("option strike must be above 0 and at most " + MAX_STRIKE + " (got " + strike + ")");
        }
        try {
            strike = strike.setScale(3, RoundingMode.UNNECESSARY);
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException("option strike " + strike.toPlainString()
                    + " has more than 3 decimals; OCC symbols carry strikes in thousandths of a dollar", e);
        }
        if (multiplier <= 0) {
            throw new IllegalArgumentException("option multiplier must be a positive number of shares (got " + multiplier + ")");
        }
    }

    /** True for 1 to 6 upper-case ASCII letters or digits (checked by hand: chains build thousands of contracts a day). */
    static boolean isOccRoot(String s) {
        if (s == null || s.isEmpty() || s.length() > 6) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!(c >= 'A' && c <= 'Z' || c >= '0' && c <= '9')) {
                return false;
            }
        }
        return true;
    }

    /** A standard contract of 100 shares. */
    public static OptionContract of(String underlying, LocalDate expiry, OptionRight right, BigDecimal strike) {
        return new OptionContract(underlying, expiry, right, strike, STANDARD_MULTIPLIER);
    }

    /** A standard contract of 100 shares; {@code strike} is parsed as an exact decimal ("480", "2.5"). */
    public static OptionContract of(String underlying, LocalDate expiry, OptionRight right, String strike) {
        return of(underlying, expiry, right, new BigDecimal(strike));
    }

    /** Parses an OCC symbol, padded ({@code "QQQ   250117P00480000"}) or compact as Alpaca writes it ({@code "QQQ250117P00480000"}). */
    public static OptionContract parse(String symbol) {
        return OccSymbol.parse(symbol);
    }

    /** The OCC symbol with the root padded to 6 characters: {@code "QQQ   250117P00480000"}. */
    public String occSymbol() {
        return OccSymbol.format(this);
    }

    /** The OCC symbol without padding, as Alpaca writes it: {@code "QQQ250117P00480000"}. */
    public String compactSymbol() {
        return OccSymbol.formatCompact(this);
    }

    public boolean isCall() {
        return right == OptionRight.CALL;
    }

    public boolean isPut() {
        return right == OptionRight.PUT;
    }

    /** The strike as a double, for pricing maths. */
    public double strikeValue() {
        return strike.doubleValue();
    }

    /** Intrinsic value per share at {@code spot}. */
    public double intrinsicValue(double spot) {
        return right.intrinsic(spot, strike.doubleValue());
    }

    /** Calendar days from {@code asOf} to the expiry (0 on the expiry day, negative after it). */
    public int daysToExpiry(LocalDate asOf) {
        return (int) ChronoUnit.DAYS.between(asOf, expiry);
    }

    /** Years to expiry at {@code asOf}'s close: calendar days / 365, never below 0 (the pricing convention). */
    public double yearsToExpiry(LocalDate asOf) {
        return Math.max(0, daysToExpiry(asOf)) / 365.0;
    }

    /** True once the expiry session has passed: the contract no longer exists on {@code date}. */
    public boolean isExpiredOn(LocalDate date) {
        return date.isAfter(expiry);
    }

    /** The OCC symbol (padded), the one unambiguous name of the contract. */
    @Override
    public String toString() {
        return occSymbol();
    }
}
