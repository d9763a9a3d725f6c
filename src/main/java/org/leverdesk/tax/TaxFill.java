package org.leverdesk.tax;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Objects;
import org.leverdesk.options.contract.OccSymbol;
import org.leverdesk.options.contract.OptionContract;

/**
 * One event of an account, as the tax lots read it: a trade of {@code quantity} shares (or option
 * contracts when {@code symbol} is an OCC symbol) at {@code price} per share (an option's premium per
 * share), with {@code fees}; or an option's expiry, assignment or exercise ({@code price} unused).
 */
public record TaxFill(LocalDate date, String symbol, TaxAction action, BigDecimal quantity, BigDecimal price, BigDecimal fees) {
    public TaxFill {
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(action, "action");
        if (symbol == null || symbol.isBlank()) {
            throw new IllegalArgumentException("a fill needs a symbol");
        }
        symbol = symbol.trim().toUpperCase(Locale.ROOT);
        if (quantity == null || quantity.signum() <= 0) {
            throw new IllegalArgumentException(date + " " + symbol + ": quantity must be above 0 (got " + quantity + ")");
        }
        price = price == null ? BigDecimal.ZERO : price;
        fees = fees == null ? BigDecimal.ZERO : fees;
        if (price.signum() < 0 || fees.signum() < 0) {
            throw new IllegalArgumentException(date + " " + symbol + ": price and fees cannot be negative");
        }
        boolean trade = action == TaxAction.BUY || action == TaxAction.SELL;
        if (action == TaxAction.SPLIT) {
            if (isOption(symbol)) {
                throw new IllegalArgumentException(date + " " + symbol + ": SPLIT applies to shares, not to an option");
            }
        } else if (!trade && !isOption(symbol)) {
            throw new IllegalArgumentException(date + " " + symbol + ": " + action + " applies to an option (an OCC symbol such as QQQ260116P00400000)");
        }
    }

    /** A trade of shares or contracts. */
    public static TaxFill trade(String date, String symbol, TaxAction side, long quantity, String price, String fees) {
        return new TaxFill(LocalDate.parse(date), symbol, side, BigDecimal.valueOf(quantity), new BigDecimal(price), new BigDecimal(fees));
    }

    /** True when {@code symbol} reads as an OCC option symbol. */
    public static boolean isOption(String symbol) {
        try {
            OccSymbol.parse(symbol);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** The option contract of this fill, or null for shares. */
    public OptionContract contract() {
        return isOption(symbol) ? OccSymbol.parse(symbol) : null;
    }
}
