package org.leverdesk.broker.sim;

import java.util.Map;
import java.util.Set;
import org.leverdesk.domain.PortfolioView;
import org.leverdesk.domain.Position;

/**
 * A strategy's view of a {@link SimBroker}'s account, read from its ledger when asked: the same meaning
 * as {@link org.leverdesk.broker.StrategyPortfolio} (equity × capital share; the whole-share positions
 * in the traded symbols; cash = that equity less their value, never below 0), without building broker
 * records first. Valid for one decision: it reads the ledger as it is at each call.
 */
final class LedgerView implements PortfolioView {
    private final SimBroker sim;
    private final Set<String> traded;
    private final double share;

    LedgerView(SimBroker sim, Set<String> traded, double share) {
        if (!(share > 0 && share <= 1)) {
            throw new IllegalArgumentException("a capital share must be above 0 and at most 1 (got " + share + ")");
        }
        this.sim = sim;
        this.traded = traded;
        this.share = share;
    }

    boolean isFor(Set<String> symbols, double capitalShare) {
        return traded == symbols && share == capitalShare;
    }

    @Override
    public double cash() {
        return Math.max(0, equity() - sim.positionValue(traded));
    }

    @Override
    public long quantity(String symbol) {
        return org.leverdesk.options.contract.OptionSymbols.belongsTo(traded, symbol) ? sim.wholeShares(symbol) : 0;
    }

    @Override
    public Map<String, Position> positions() {
        return sim.positionsIn(traded);
    }

    @Override
    public double equity() {
        return sim.equityValue() * share;
    }
}
