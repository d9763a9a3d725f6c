package org.leverdesk.strategy.rotation;

/**
 * One symbol of a rotation plan: shares held now, the shares wanted, the trade between them at the
 * estimate price (today's close), and a note when tolerance or buying power changed the target.
 */
public record PlannedTarget(String symbol, long held, long target, double price, double weight, String note) {
    /** Shares to buy (positive) or sell (negative). */
    public long delta() {
        return target - held;
    }
}
