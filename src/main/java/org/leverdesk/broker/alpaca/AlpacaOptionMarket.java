package org.leverdesk.broker.alpaca;

import java.time.LocalDate;
import java.util.Optional;
import org.leverdesk.options.chain.ChainFilter;
import org.leverdesk.options.chain.OptionChain;
import org.leverdesk.options.chain.OptionQuote;
import org.leverdesk.options.contract.OptionContract;
import org.leverdesk.strategy.OptionMarket;

/**
 * The option chains a strategy sees when it trades on Alpaca: Alpaca's own chain of the decision's day (quotes,
 * Greeks and implied volatility from its snapshots), through the same {@link OptionMarket} the synthetic chains
 * implement in backtests and on the paper broker, so the strategy code is the same. A malformed answer is not an
 * empty chain: its {@link org.leverdesk.broker.MalformedBrokerAnswerException} stops the decision before any order.
 */
public final class AlpacaOptionMarket implements OptionMarket {
    private final AlpacaOptions options;
    private final LocalDate day;
    private final org.leverdesk.options.market.RiskFreeRate rates;

    public AlpacaOptionMarket(AlpacaOptions options, LocalDate day) {
        this(options, day, null);
    }

    /** @param rates the stored T-bill rates (DGS3MO) for the chain's rate; null: the labelled 3% fallback */
    public AlpacaOptionMarket(AlpacaOptions options, LocalDate day, org.leverdesk.options.market.RiskFreeRate rates) {
        this.options = options;
        this.day = day;
        this.rates = rates;
    }

    @Override
    public Optional<OptionChain> chain(String underlying, double spot, ChainFilter filter) {
        OptionChain chain = options.chain(underlying, day, spot, filter, rates);
        return chain.quotes().isEmpty() ? Optional.empty() : Optional.of(chain);
    }

    /** A held contract's quote from its own snapshot, also when it is far from the money (the day's chain may not list it). */
    @Override
    public Optional<OptionQuote> quote(OptionContract contract, double spot) {
        if (contract.expiry().isBefore(day)) {
            return Optional.empty();
        }
        return options.snapshot(contract);
    }
}
