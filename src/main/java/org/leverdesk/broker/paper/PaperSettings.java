package org.leverdesk.broker.paper;

import java.math.BigDecimal;
import org.leverdesk.broker.sim.CommissionModel;

/**
 * How the paper broker simulates: the cash a fresh (or reset) account starts with, the half-spread
 * around the last close that makes its bid and ask (0.0001 = 0.01%), and the commission.
 */
public record PaperSettings(BigDecimal startingCapital, double halfSpread, CommissionModel commission) {
    /** $100,000, a 0.01% half-spread, no commission. */
    public static final PaperSettings DEFAULT = new PaperSettings(new BigDecimal("100000.00"), 0.0001, CommissionModel.FREE);

    public PaperSettings {
        if (startingCapital == null || startingCapital.signum() <= 0) {
            throw new IllegalArgumentException("the paper account's starting capital must be positive (got " + startingCapital + ")");
        }
        if (!(halfSpread >= 0 && halfSpread < 0.05)) {
            throw new IllegalArgumentException("the paper broker's half-spread must be between 0 and 0.05 (5%), got " + halfSpread);
        }
        if (commission == null) {
            throw new IllegalArgumentException("the paper broker needs a commission model (CommissionModel.FREE for none)");
        }
    }
}
