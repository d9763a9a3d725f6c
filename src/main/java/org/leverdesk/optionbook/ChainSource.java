package org.leverdesk.optionbook;

import java.util.List;
import java.util.Optional;
import org.leverdesk.options.chain.ChainFilter;
import org.leverdesk.options.chain.OptionChain;
import org.leverdesk.options.chain.OptionQuote;
import org.leverdesk.options.contract.OptionContract;

/**
 * Where the Options view and {@code positions --greeks} get chains and marks: today the synthetic chain of
 * the latest stored session ({@link SyntheticChainSource}); a broker's chain (Alpaca's options snapshots)
 * plugs in here later without touching the view.
 */
public interface ChainSource {
    /** A chain and the honest words for where it comes from ("synthetic chain priced from VXN 24.93 of 2025-09-26"). */
    record Snapshot(OptionChain chain, String label) {
    }

    /** The underlyings this source has chains for, in display order. */
    List<String> underlyings();

    /**
     * The chain of {@code underlying}, the expiries and strikes {@code filter} selects.
     *
     * @throws IllegalArgumentException or {@link org.leverdesk.options.market.OptionInputException} with a one-line
     *         reason when there is no chain (no price, no volatility index)
     */
    Snapshot chain(String underlying, ChainFilter filter);

    /** The current quote of any contract (on the chain's grid or not); empty when it cannot be priced (no inputs, expired). */
    Optional<OptionQuote> quote(OptionContract contract);
}
