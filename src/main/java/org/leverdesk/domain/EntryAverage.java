package org.leverdesk.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * One holder's signed quantity of a symbol and its average entry price, kept by the average-cost rule every broker of
 * the project books positions by ({@code SimBroker}): a fill that adds to the position (long or short) averages its
 * price in, (old quantity × old average + quantity × price) / new quantity, rounded half-even to 6 decimals; a fill or
 * event that takes from it keeps the average; a flat position forgets it; a fill that goes through zero starts the
 * remainder at its price. Decision record 0031 keeps one per strategy and contract, so each strategy's view of a shared
 * contract carries its own price, not the account's blend.
 *
 * @param quantity signed (negative = short)
 * @param average  the average entry price per share (per unit of the underlying for an option), null while the
 *                 quantity is 0 or when something added to the position at no known price
 */
public record EntryAverage(BigDecimal quantity, BigDecimal average) {
    /** Nothing held. */
    public static final EntryAverage NONE = new EntryAverage(BigDecimal.ZERO, null);

    /**
     * After {@code signed} more (negative = sold) at {@code price} per share; a null price (an expiry, an assignment, a
     * correction) is fine for what takes from the position and leaves the average unknown for what adds to it.
     */
    public EntryAverage after(BigDecimal signed, BigDecimal price) {
        BigDecimal now = quantity.add(signed);
        if (now.signum() == 0) {
            return NONE;
        }
        if (quantity.signum() == 0 || quantity.signum() == signed.signum()) {
            if (price == null || (quantity.signum() != 0 && average == null)) {
                return new EntryAverage(now, null);
            }
            BigDecimal cost = quantity.signum() == 0 ? BigDecimal.ZERO : quantity.abs().multiply(average);
            return new EntryAverage(now, cost.add(signed.abs().multiply(price)).divide(now.abs(), 6, RoundingMode.HALF_EVEN));
        }
        if (now.signum() == quantity.signum()) {
            return new EntryAverage(now, average);
        }
        return new EntryAverage(now, price);
    }
}
