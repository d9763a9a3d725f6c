package org.leverdesk.insight;

import java.util.LinkedHashMap;
import java.util.Map;
import org.leverdesk.domain.PortfolioView;
import org.leverdesk.domain.Position;

/**
 * An account as the status read-model sees it: cash and share counts, without a broker. Until a
 * broker or a saved portfolio exists, {@link #paper()} is a flat $10,000 paper account.
 */
public record AccountSnapshot(String label, double cash, Map<String, Long> shares) {
    /** Cash of the default paper account. */
    public static final double PAPER_CASH = 10_000;

    public AccountSnapshot {
        if (!(cash >= 0) || !Double.isFinite(cash)) {
            throw new IllegalArgumentException("account cash must be a finite amount of zero or more (got " + cash + ")");
        }
        shares = shares == null ? Map.of() : Map.copyOf(shares);
        shares.forEach((s, q) -> {
            if (q < 0) {
                throw new IllegalArgumentException("held shares of " + s + " must be zero or more (got " + q + ")");
            }
        });
    }

    /** The flat $10,000 paper account used while there is no broker and no saved portfolio. */
    public static AccountSnapshot paper() {
        return new AccountSnapshot("flat $10,000 paper account", PAPER_CASH, Map.of());
    }

    /** This account with its positions marked at {@code prices} (symbol to latest close). */
    public PortfolioView markedAt(Map<String, Double> prices) {
        Map<String, Position> positions = new LinkedHashMap<>();
        double value = 0;
        for (Map.Entry<String, Long> e : shares.entrySet()) {
            if (e.getValue() != 0) {
                double price = prices.getOrDefault(e.getKey(), 0.0);
                positions.put(e.getKey(), new Position(e.getKey(), e.getValue(), price));
                value += e.getValue() * price;
            }
        }
        return new Marked(cash, Map.copyOf(positions), cash + value);
    }

    /** A fixed portfolio view; equity already includes the marked positions. */
    private record Marked(double cash, Map<String, Position> positions, double equity) implements PortfolioView {
        @Override
        public long quantity(String symbol) {
            Position p = positions.get(symbol);
            return p == null ? 0 : p.quantity();
        }
    }
}
