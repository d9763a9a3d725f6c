package org.leverdesk.optionbook;

import org.leverdesk.options.contract.OptionContract;

/**
 * One held option: a contract, its signed quantity in contracts (negative = short) and the average price
 * paid or received per share.
 */
public record OptionLeg(OptionContract contract, double contracts, double averagePrice) {
    /** Shares one contract stands for (100 for a standard contract). */
    public double multiplier() {
        return contract.multiplier();
    }

    /** What the leg is worth to the holder at expiry with the underlying at {@code spot}, less what it cost, in dollars. */
    public double profitAtExpiry(double spot) {
        return contracts * multiplier() * (contract.intrinsicValue(spot) - averagePrice);
    }
}
