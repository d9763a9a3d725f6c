package org.leverdesk.market.data;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Objects;

/**
 * A stock split: from {@code exDate} on, every {@code oldShares} shares of {@code symbol} are {@code newShares}
 * shares ("2:1" is a forward split, two new shares for one old; "1:10" a reverse split). Prices before the
 * ex-date divide by {@link #ratio()}, share counts multiply by it. {@code source} says where it came from
 * ("alpaca" or "manual").
 */
public record Split(String symbol, LocalDate exDate, BigDecimal newShares, BigDecimal oldShares, String source) {
    /** Enough digits for any share count or price the store keeps (six decimals). */
    private static final MathContext EXACT = new MathContext(20, RoundingMode.HALF_EVEN);

    public Split {
        Objects.requireNonNull(exDate, "exDate");
        if (symbol == null || symbol.isBlank()) {
            throw new IllegalArgumentException("a split needs a symbol");
        }
        symbol = symbol.trim().toUpperCase(Locale.ROOT);
        if (newShares == null || oldShares == null || newShares.signum() <= 0 || oldShares.signum() <= 0) {
            throw new IllegalArgumentException(symbol + " " + exDate + ": a split ratio needs two positive numbers, new:old (got "
                    + newShares + ":" + oldShares + ")");
        }
        if (newShares.compareTo(oldShares) == 0) {
            throw new IllegalArgumentException(symbol + " " + exDate + ": a split of " + plain(newShares) + ":" + plain(oldShares)
                    + " changes nothing");
        }
        newShares = newShares.stripTrailingZeros();
        oldShares = oldShares.stripTrailingZeros();
        source = source == null || source.isBlank() ? "manual" : source;
    }

    /**
     * Parses a ratio written new:old ("2:1", "1:10", "3:2"), as split announcements read.
     *
     * @throws IllegalArgumentException with one line saying what is wrong and the form expected
     */
    public static Split parse(String symbol, LocalDate exDate, String ratio, String source) {
        String[] parts = ratio == null ? new String[0] : ratio.trim().split(":");
        if (parts.length != 2) {
            throw new IllegalArgumentException("the split ratio '" + ratio + "' is not new:old shares, e.g. 2:1 (forward) or 1:10 (reverse)");
        }
        try {
            return new Split(symbol, exDate, new BigDecimal(parts[0].trim()), new BigDecimal(parts[1].trim()), source);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("the split ratio '" + ratio + "' is not new:old shares, e.g. 2:1 (forward) or 1:10 (reverse)", e);
        }
    }

    /** New shares per old share: 2 for a 2:1 split, 0.1 for a 1:10 reverse split. */
    public BigDecimal ratio() {
        return newShares.divide(oldShares, EXACT);
    }

    /** {@code quantity} × new / old, exact to 20 digits. */
    public BigDecimal shares(BigDecimal quantity) {
        return quantity.multiply(newShares).divide(oldShares, EXACT);
    }

    /** {@code price} × old / new: a price on the pre-split basis moved onto the new one. */
    public BigDecimal price(BigDecimal price) {
        return price.multiply(oldShares).divide(newShares, EXACT);
    }

    /** {@code price} × old / new as a double (bars). */
    public double price(double price) {
        return price * oldShares.doubleValue() / newShares.doubleValue();
    }

    /** True for a reverse split (fewer shares after). */
    public boolean reverse() {
        return newShares.compareTo(oldShares) < 0;
    }

    /** "2:1". */
    public String ratioText() {
        return plain(newShares) + ":" + plain(oldShares);
    }

    /** "TQQQ 2:1 split going ex 2025-11-20" / "... 1:10 reverse split ...". */
    public String describe() {
        return symbol + " " + ratioText() + (reverse() ? " reverse split" : " split") + " going ex " + exDate;
    }

    private static String plain(BigDecimal v) {
        return v.stripTrailingZeros().toPlainString();
    }
}
