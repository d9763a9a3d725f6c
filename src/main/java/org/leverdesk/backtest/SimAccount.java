package org.leverdesk.backtest;

import java.util.LinkedHashMap;
import java.util.Map;
import org.leverdesk.domain.Position;
import org.leverdesk.domain.PortfolioView;

/**
 * A simulated cash account holding a few symbols. Positions live in arrays indexed by symbol so
 * the daily backtest loop neither hashes nor allocates.
 */
public final class SimAccount implements PortfolioView {
    private final String[] symbols;
    private final long[] quantity;
    private final double[] averageCost;
    private final double[] mark;
    private double cash;

    public SimAccount(String[] symbols, double startingCash) {
        this.symbols = symbols.clone();
        this.quantity = new long[symbols.length];
        this.averageCost = new double[symbols.length];
        this.mark = new double[symbols.length];
        this.cash = startingCash;
    }

    /** Index of {@code symbol}, or -1; a linear scan beats hashing for the handful a strategy trades. */
    public int indexOf(String symbol) {
        for (int i = 0; i < symbols.length; i++) {
            if (symbols[i].equals(symbol)) {
                return i;
            }
        }
        return -1;
    }

    public String symbol(int index) { return symbols[index]; }
    public int symbolCount() { return symbols.length; }
    public long quantityAt(int index) { return quantity[index]; }

    /** Sets the price positions are valued at (the latest visible close). */
    public void mark(int index, double price) {
        mark[index] = price;
    }

    /** Applies a fill: signed quantity, price per share, commission. Updates the average cost. */
    public void apply(int index, long signedQty, double price, double commission) {
        long before = quantity[index];
        long after = before + signedQty;
        if (before == 0 || Long.signum(before) == Long.signum(signedQty)) {
            averageCost[index] = (averageCost[index] * Math.abs(before) + price * Math.abs(signedQty)) / Math.abs(after);
        } else if (Long.signum(after) != Long.signum(before) && after != 0) {
            averageCost[index] = price; // crossed through zero: the remainder opened at this price
        } else if (after == 0) {
            averageCost[index] = 0;
        }
        quantity[index] = after;
        cash -= signedQty * price + commission;
    }

    @Override
    public double cash() { return cash; }

    @Override
    public long quantity(String symbol) {
        int i = indexOf(symbol);
        return i < 0 ? 0 : quantity[i];
    }

    @Override
    public Map<String, Position> positions() {
        Map<String, Position> out = new LinkedHashMap<>();
        for (int i = 0; i < symbols.length; i++) {
            if (quantity[i] != 0) {
                out.put(symbols[i], new Position(symbols[i], quantity[i], averageCost[i]));
            }
        }
        return out;
    }

    /** Market value of all positions at their marks. */
    public double positionValue() {
        double v = 0;
        for (int i = 0; i < symbols.length; i++) {
            v += quantity[i] * mark[i];
        }
        return v;
    }

    @Override
    public double equity() {
        return cash + positionValue();
    }
}
