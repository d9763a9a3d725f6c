package org.leverdesk.broker;

/** What a broker charges for one order: a fixed amount plus an amount per share, in dollars. */
public record Fees(double perOrder, double perShare) {
    /** No commission (Alpaca and most US brokers charge none on stocks and ETFs). */
    public static final Fees NONE = new Fees(0, 0);

    public Fees {
        if (!(perOrder >= 0) || !(perShare >= 0) || !Double.isFinite(perOrder + perShare)) {
            throw new IllegalArgumentException("fees must be zero or positive (got " + perOrder + " per order, " + perShare
                    + " per share)");
        }
    }

    /** The fee of an order of {@code quantity} shares. */
    public double of(long quantity) {
        return quantity == 0 ? 0 : perOrder + perShare * quantity;
    }
}
