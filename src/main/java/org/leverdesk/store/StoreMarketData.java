package org.leverdesk.store;

import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.leverdesk.domain.BarSeries;
import org.leverdesk.market.data.BarStatus;
import org.leverdesk.market.data.MarketData;
import org.leverdesk.market.data.MarketDataException;

/**
 * Market data read from the bars held in the local store. Today's provisional bar (the session so far,
 * stored by a refresh at a decision minute) is returned as the last bar like any other;
 * {@link #lastBar} and {@link #isProvisional} tell it apart.
 */
public final class StoreMarketData implements MarketData {
    private final BarRepository bars;
    private final String label;
    private final java.nio.file.Path dataDir;

    public StoreMarketData(Store store) {
        this.bars = new BarRepository(store);
        this.dataDir = store.dataDirectory();
        this.label = "Store " + dataDir;
    }

    @Override
    public String sourceLabel() {
        return label;
    }

    @Override
    public boolean isSimulated() {
        return false;
    }

    @Override
    public Set<String> symbols() {
        try {
            return new LinkedHashSet<>(bars.symbols());
        } catch (StoreException e) {
            throw new MarketDataException(e.getMessage(), e);
        }
    }

    @Override
    public BarSeries bars(String symbol, LocalDate from, LocalDate to) {
        try {
            BarSeries series = bars.load(symbol, from, to);
            if (series.isEmpty()) {
                // Tell "no such symbol" apart from "no bars in this range", which is a valid answer.
                List<String> held = bars.symbols();
                if (!held.contains(symbol)) {
                    String have = held.isEmpty() ? "it holds no prices yet" : "it holds " + String.join(", ", held);
                    throw new MarketDataException("no prices for " + symbol + " in the Leverdesk store at " + dataDir + " (" + have
                            + "); import a CSV in the Data view or pass --prices");
                }
            }
            return series;
        } catch (StoreException e) {
            throw new MarketDataException(e.getMessage(), e);
        }
    }

    @Override
    public Optional<BarStatus> lastBar(String symbol, LocalDate onOrBefore) {
        try {
            return bars.lastStatus(symbol, onOrBefore);
        } catch (StoreException e) {
            throw new MarketDataException(e.getMessage(), e);
        }
    }

    @Override
    public boolean isProvisional(String symbol, LocalDate date) {
        try {
            return bars.isProvisional(symbol, date);
        } catch (StoreException e) {
            throw new MarketDataException(e.getMessage(), e);
        }
    }
}
