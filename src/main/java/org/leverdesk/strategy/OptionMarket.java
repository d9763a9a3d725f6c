package org.leverdesk.strategy;

import java.time.LocalDate;
import java.util.Optional;
import org.leverdesk.options.chain.ChainFilter;
import org.leverdesk.options.chain.OptionChain;
import org.leverdesk.options.chain.OptionQuote;
import org.leverdesk.options.contract.OptionContract;
import org.leverdesk.options.chain.SyntheticChains;
import org.leverdesk.options.market.OptionInputException;

/**
 * The option chains a strategy may look at for one decision: those of the decision's day and no other
 * (a chain of a later day would be look-ahead; one of an earlier day a stale market). In backtests and
 * the paper broker on daily prices they are the synthetic chains; in live trading on Alpaca the
 * broker's (Options II). The strategy code is the same.
 */
@FunctionalInterface
public interface OptionMarket {
    /** A market with no options: every chain is empty. */
    OptionMarket NONE = (underlying, spot, filter) -> Optional.empty();

    /**
     * The chain of {@code underlying} at the decision's close with the underlying at {@code spot}, or empty
     * when there is none (no options set up for it, or an input such as the volatility index is missing).
     */
    Optional<OptionChain> chain(String underlying, double spot, ChainFilter filter);

    /**
     * The quote of one held {@code contract} at the decision's close with its underlying at {@code spot}, also
     * when today's chain no longer lists its strike (a strike far from the money); empty when it cannot be priced.
     */
    default Optional<OptionQuote> quote(OptionContract contract, double spot) {
        return Optional.empty();
    }

    /** The synthetic chains of {@code day} only. */
    static OptionMarket synthetic(SyntheticChains chains, LocalDate day) {
        return new OptionMarket() {
            @Override
            public Optional<OptionChain> chain(String underlying, double spot, ChainFilter filter) {
                if (!chains.underlyings().contains(underlying) || !chains.isAvailable(underlying, day)) {
                    return Optional.empty();
                }
                try {
                    return Optional.of(chains.chain(underlying, day, spot, filter));
                } catch (OptionInputException e) {
                    return Optional.empty();
                }
            }

            @Override
            public Optional<OptionQuote> quote(OptionContract contract, double spot) {
                if (!chains.underlyings().contains(contract.underlying()) || !chains.isAvailable(contract.underlying(), day)
                        || contract.expiry().isBefore(day)) {
                    return Optional.empty();
                }
                try {
                    return Optional.of(chains.quote(contract, day, spot));
                } catch (OptionInputException | IllegalArgumentException e) {
                    return Optional.empty();
                }
            }
        };
    }
}
