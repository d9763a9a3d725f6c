package org.leverdesk.strategy.catalog;

import java.math.BigDecimal;

/**
 * The unit a strategy keeps a percent parameter in. People always see and type percent points
 * ("30" meaning 30%); the strategy receives its own unit, so the stored text and the CLI's
 * {@code -P name=value} are unchanged.
 */
public enum PercentBase {
    /** 0.30 means 30%. */
    FRACTION(2),
    /** 30 means 30%. */
    POINTS(0),
    /** 50 means 0.5%. */
    BASIS_POINTS(-2);

    /** Decimal places the point moves right from the stored value to percent points. */
    private final int shift;

    PercentBase(int shift) {
        this.shift = shift;
    }

    /** Stored value → percent points (exact). */
    public BigDecimal toPercent(BigDecimal stored) {
        return stored.movePointRight(shift);
    }

    /** Percent points → stored value (exact). */
    public BigDecimal fromPercent(BigDecimal percent) {
        return percent.movePointLeft(shift);
    }
}
