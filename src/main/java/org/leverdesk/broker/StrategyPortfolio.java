package org.leverdesk.broker;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.leverdesk.domain.PortfolioView;
import org.leverdesk.domain.Position;

/**
 * Capital isolation: what one strategy sees of a shared account. Its equity is its capital share of
 * the account's equity; its positions are the broker's positions in its own symbols; its cash is its
 * equity minus what those positions are worth (never below 0). Strategies sharing one account must
 * trade different shares, since the broker keeps one position per symbol; with a {@link PositionOwnership} several may
 * trade options on one root, each seeing its own part of a contract (decision record 0031).
 */
public final class StrategyPortfolio implements PortfolioView {
    private final double equity;
    private final double cash;
    private final Map<String, Position> positions;

    private StrategyPortfolio(double equity, double cash, Map<String, Position> positions) {
        this.equity = equity;
        this.cash = cash;
        this.positions = positions;
    }

    /** The view of a strategy trading {@code symbols} with {@code capitalShare} (0..1] of the account. */
    public static StrategyPortfolio of(Account account, List<BrokerPosition> brokerPositions, Set<String> symbols,
                                       double capitalShare) {
        if (!(capitalShare > 0 && capitalShare <= 1)) {
            throw new IllegalArgumentException("a capital share must be above 0 and at most 1 (got " + capitalShare + ")");
        }
        Map<String, Position> mine = new LinkedHashMap<>();
        double held = 0;
        for (BrokerPosition p : brokerPositions) {
            if (org.leverdesk.options.contract.OptionSymbols.belongsTo(symbols, p.symbol()) && p.quantity().signum() != 0) {
                // Whole shares: a fractional remainder (from a manual trade) is not the strategy's to trade.
                mine.put(p.symbol(), new Position(p.symbol(), p.quantity().longValue(), p.averageEntryPrice().doubleValue()));
                held += value(p.marketValue());
            }
        }
        double equity = account.equity().doubleValue() * capitalShare;
        return new StrategyPortfolio(equity, Math.max(0, equity - held), Collections.unmodifiableMap(mine));
    }

    /**
     * The view of a strategy trading {@code symbols} whose part of each attributed position {@code ownership} gives:
     * such a position counts with the strategy's part only (and that part of its market value), at the strategy's own
     * average entry price where {@link PositionOwnership#averageEntryPrices} knows it; one it leaves out counts whole, as
     * in {@link #of(Account, List, Set, double)}.
     */
    public static StrategyPortfolio of(Account account, List<BrokerPosition> brokerPositions, Set<String> symbols,
                                       double capitalShare, PositionOwnership ownership) {
        if (!(capitalShare > 0 && capitalShare <= 1)) {
            throw new IllegalArgumentException("a capital share must be above 0 and at most 1 (got " + capitalShare + ")");
        }
        Map<String, Long> parts = ownership.parts(brokerPositions);
        Map<String, BigDecimal> averages = ownership.averageEntryPrices(brokerPositions);
        Map<String, Position> mine = new LinkedHashMap<>();
        double held = 0;
        for (BrokerPosition p : brokerPositions) {
            if (!org.leverdesk.options.contract.OptionSymbols.belongsTo(symbols, p.symbol()) || p.quantity().signum() == 0) {
                continue;
            }
            Long part = parts.get(p.symbol());
            long q = part == null ? p.quantity().longValue() : part;
            boolean whole = part == null || p.quantity().compareTo(BigDecimal.valueOf(part)) == 0;
            held += whole ? value(p.marketValue()) : value(p.marketValue()) * part / p.quantity().doubleValue();
            if (q != 0) {
                mine.put(p.symbol(), new Position(p.symbol(), q, averages.getOrDefault(p.symbol(), p.averageEntryPrice()).doubleValue()));
            }
        }
        double equity = account.equity().doubleValue() * capitalShare;
        return new StrategyPortfolio(equity, Math.max(0, equity - held), Collections.unmodifiableMap(mine));
    }

    /** A view of figures already worked out (a broker that reads its own ledger). */
    public static StrategyPortfolio fixed(double equity, double cash, Map<String, Position> positions) {
        return new StrategyPortfolio(equity, cash, Collections.unmodifiableMap(new LinkedHashMap<>(positions)));
    }

    private static double value(BigDecimal v) {
        return v == null ? 0 : v.doubleValue();
    }

    @Override
    public double cash() {
        return cash;
    }

    @Override
    public long quantity(String symbol) {
        Position p = positions.get(symbol);
        return p == null ? 0 : p.quantity();
    }

    @Override
    public Map<String, Position> positions() {
        return positions;
    }

    @Override
    public double equity() {
        return equity;
    }
}
