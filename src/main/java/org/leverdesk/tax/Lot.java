package org.leverdesk.tax;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;

/**
 * An open lot: {@code quantity} shares (or contracts) acquired on {@code acquired} for {@code basis} in
 * total; {@code holdingFrom} is when its holding period starts (earlier than {@code acquired} for wash-sale
 * replacement shares, which carry the sold shares' period). A written option's lot holds the premium
 * received (net of fees) in {@code basis}. {@code replacement} marks shares already used to replace a
 * wash sale's shares (each share replaces at most once).
 */
final class Lot {
    final String symbol;
    final LocalDate acquired;
    LocalDate holdingFrom;
    BigDecimal quantity;
    BigDecimal basis;
    final boolean written;
    boolean replacement;

    Lot(String symbol, LocalDate acquired, LocalDate holdingFrom, BigDecimal quantity, BigDecimal basis, boolean written) {
        this.symbol = symbol;
        this.acquired = acquired;
        this.holdingFrom = holdingFrom;
        this.quantity = quantity;
        this.basis = basis;
        this.written = written;
    }

    BigDecimal perUnit() {
        return basis.divide(quantity, 10, RoundingMode.HALF_EVEN);
    }

    /** Splits off {@code q} of this lot (its share of the basis, to the cent) and returns it; this keeps the rest. */
    Lot take(BigDecimal q) {
        if (q.compareTo(quantity) >= 0) {
            Lot all = new Lot(symbol, acquired, holdingFrom, quantity, basis, written);
            all.replacement = replacement;
            quantity = BigDecimal.ZERO;
            basis = BigDecimal.ZERO;
            return all;
        }
        BigDecimal part = basis.multiply(q).divide(quantity, 2, RoundingMode.HALF_EVEN);
        Lot piece = new Lot(symbol, acquired, holdingFrom, q, part, written);
        piece.replacement = replacement;
        quantity = quantity.subtract(q);
        basis = basis.subtract(part);
        return piece;
    }
}
