package org.leverdesk.optionbook;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.leverdesk.domain.BarSeries;
import org.leverdesk.market.calendar.TradingCalendar;
import org.leverdesk.market.data.MarketData;
import org.leverdesk.market.data.MarketDataException;
import org.leverdesk.options.chain.ChainFilter;
import org.leverdesk.options.chain.OptionChain;
import org.leverdesk.options.chain.OptionQuote;
import org.leverdesk.options.chain.SyntheticChains;
import org.leverdesk.options.contract.OptionContract;
import org.leverdesk.options.data.OptionMarketFiles;
import org.leverdesk.options.market.OptionInputException;

/**
 * Chains priced by {@link SyntheticChains} at the close of the latest session the price source holds for
 * each underlying (the same chains {@code leverdesk chain} prints and backtests trade). The label names the
 * volatility index level and date the chain was priced from, and says so when the prices are simulated.
 */
public final class SyntheticChainSource implements ChainSource {
    private final MarketData data;
    private final SyntheticChains chains;
    private final boolean vxnEstimated;

    /** {@code vxnEstimated}: the Nasdaq index is VIX × its ratio under VXN's name (no VXN file); the label says so. */
    public SyntheticChainSource(MarketData data, SyntheticChains chains, boolean vxnEstimated) {
        this.data = data;
        this.chains = chains;
        this.vxnEstimated = vxnEstimated;
    }

    /**
     * The source for {@code data}: the demo market's simulated VIX, or on real prices the index and T-bill
     * files of {@code files} (null: VIX from the store, VXN as VIX × its ratio, the fallback rate).
     *
     * @throws OptionInputException when real prices have no VIX at all
     */
    public static SyntheticChainSource of(MarketData data, TradingCalendar calendar, OptionMarketFiles.Locations files) {
        SyntheticChains chains = data.isSimulated() ? OptionMarketFiles.demoMarket(data, calendar)
                : OptionMarketFiles.realMarket(files == null ? new OptionMarketFiles.Locations(null, null, null) : files, data, calendar);
        return new SyntheticChainSource(data, chains, !data.isSimulated() && (files == null || files.vxn() == null));
    }

    public SyntheticChains chains() {
        return chains;
    }

    @Override
    public List<String> underlyings() {
        return new ArrayList<>(chains.underlyings());
    }

    @Override
    public Snapshot chain(String underlying, ChainFilter filter) {
        BarSeries bars = latest(underlying);
        OptionChain chain = chains.chain(underlying, bars.lastDate(), bars.close(bars.size() - 1), filter);
        return new Snapshot(chain, label(chain));
    }

    @Override
    public Optional<OptionQuote> quote(OptionContract contract) {
        try {
            BarSeries bars = latest(contract.underlying());
            if (contract.isExpiredOn(bars.lastDate())) {
                return Optional.empty();
            }
            return Optional.of(chains.quote(contract, bars.lastDate(), bars.close(bars.size() - 1)));
        } catch (IllegalArgumentException | OptionInputException | MarketDataException e) {
            return Optional.empty();
        }
    }

    /** "synthetic chain priced from VXN 24.93 of 2025-09-26, QQQ close $601.10 on 2025-09-26" (and "(demo market, simulated prices)" on the demo). */
    String label(OptionChain chain) {
        var index = chain.inputs().index();
        return String.format(Locale.ROOT, "synthetic chain priced from %s %.2f of %s, %s close $%,.2f on %s%s", index.source(),
                index.level(), index.observed(), chain.underlying(), chain.spot(), chain.asOf(),
                data.isSimulated() ? " (demo market: simulated prices and index)"
                        : vxnEstimated && index.source().equals("VXN") ? " (VXN estimated as VIX × " + org.leverdesk.options.market.VolatilityIndex.VXN_PER_VIX
                        + ": no VXN.csv beside the prices)" : "");
    }

    private BarSeries latest(String underlying) {
        if (!chains.underlyings().contains(underlying)) {
            throw new IllegalArgumentException("no synthetic options for " + underlying + "; the underlyings with prices and a"
                    + " volatility index are " + chains.underlyings());
        }
        BarSeries bars = data.barsUpTo(underlying, LocalDate.of(2100, 1, 1));
        if (bars.isEmpty()) {
            throw new IllegalArgumentException("no " + underlying + " prices in " + data.sourceLabel() + "; import them in the Data view");
        }
        return bars;
    }
}
