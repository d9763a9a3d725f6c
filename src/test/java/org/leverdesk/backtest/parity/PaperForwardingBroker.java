package org.leverdesk.backtest.parity;

import java.util.List;
import java.util.Set;
import org.leverdesk.broker.Broker;
import org.leverdesk.broker.BrokerOrder;
import org.leverdesk.broker.MultiLegOrderRequest;
import org.leverdesk.testing.ForwardingBroker;

/**
 * A {@link ForwardingBroker} that also forwards what the paper broker answers from its own books (its ledger view with
 * and without contract-level ownership, its fees, multi-leg legs, daily-close quotes): a replay's kill hook overrides
 * one call and sees the paper broker's figures unchanged everywhere else.
 */
class PaperForwardingBroker extends ForwardingBroker {
    PaperForwardingBroker(Broker paper) {
        super(paper);
    }

    @Override
    public List<BrokerOrder> multiLegLegs(MultiLegOrderRequest request) {
        return delegate.multiLegLegs(request);
    }

    @Override
    public org.leverdesk.broker.Fees fees() {
        return delegate.fees();
    }

    @Override
    public org.leverdesk.domain.PortfolioView portfolioView(Set<String> traded, double capitalShare) {
        return delegate.portfolioView(traded, capitalShare);
    }

    @Override
    public org.leverdesk.domain.PortfolioView portfolioView(Set<String> traded, double capitalShare,
                                                            org.leverdesk.broker.PositionOwnership ownership) {
        return delegate.portfolioView(traded, capitalShare, ownership);
    }

    @Override
    public boolean quotesFromDailyCloses() {
        return delegate.quotesFromDailyCloses();
    }

    @Override
    public boolean marketOpen() {
        return delegate.marketOpen();
    }

    @Override
    public org.leverdesk.broker.CancelReport cancelAllReported() {
        return delegate.cancelAllReported();
    }
}
