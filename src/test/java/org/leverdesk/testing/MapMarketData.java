package org.leverdesk.testing;

import java.time.LocalDate;
import java.util.Map;
import java.util.Set;
import org.leverdesk.domain.BarSeries;
import org.leverdesk.market.data.MarketData;
import org.leverdesk.market.data.MarketDataException;

/** Hand-made series as a {@link MarketData} source. */
public record MapMarketData(Map<String, BarSeries> series, boolean isSimulated) implements MarketData {
    @Override
    public String sourceLabel() {
        return isSimulated ? "DEMO — simulated prices" : "test bars";
    }

    @Override
    public Set<String> symbols() {
        return series.keySet();
    }

    @Override
    public BarSeries bars(String symbol, LocalDate from, LocalDate to) {
        BarSeries s = series.get(symbol);
        if (s == null) {
            throw new MarketDataException("no symbol " + symbol);
        }
        return s.between(from, to);
    }
}
