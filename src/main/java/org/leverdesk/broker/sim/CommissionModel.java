package org.leverdesk.broker.sim;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** What one fill costs: a fixed amount per order plus an amount per share, rounded to cents. */
public record CommissionModel(BigDecimal perOrder, BigDecimal perShare) {
    /** No commission (Alpaca and most US brokers charge none on stocks and ETFs). */
    public static final CommissionModel FREE = new CommissionModel(BigDecimal.ZERO, BigDecimal.ZERO);

    public CommissionModel {
        if (perOrder == null || perShare == null || perOrder.signum() < 0 || perShare.signum() < 0) {
            throw new IllegalArgumentException("commissions must be zero or positive (got " + perOrder + " per order, "
                    + perShare + " per share)");
        }
    }

    /** The commission of a fill of {@code quantity} shares. */
    public BigDecimal commission(BigDecimal quantity) {
        return perOrder.add(perShare.multiply(quantity)).setScale(2, RoundingMode.HALF_EVEN);
    }
}
