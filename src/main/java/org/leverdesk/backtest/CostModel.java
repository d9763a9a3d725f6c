package org.leverdesk.backtest;

/**
 * Trading costs in simulation: a fixed commission per order, a commission per share, and slippage
 * in basis points applied against the trader (buys pay more, sells receive less).
 */
public record CostModel(double commissionPerOrder, double commissionPerShare, double slippageBps) {
    public static final CostModel FREE = new CostModel(0, 0, 0);

    public CostModel {
        if (commissionPerOrder < 0 || commissionPerShare < 0 || slippageBps < 0
                || !Double.isFinite(commissionPerOrder + commissionPerShare + slippageBps)) {
            throw new IllegalArgumentException("costs must be finite and not negative");
        }
    }

    public double commission(long quantity) {
        return quantity == 0 ? 0 : commissionPerOrder + commissionPerShare * quantity;
    }

    public double slipped(double price, boolean buy) {
        double f = slippageBps / 10_000.0;
        return buy ? price * (1 + f) : price * (1 - f);
    }
}
