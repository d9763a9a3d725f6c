package org.leverdesk.market.demo;

import java.time.LocalDate;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.leverdesk.domain.BarSeries;
import org.leverdesk.market.data.MarketData;
import org.leverdesk.market.data.MarketDataException;

/** The simulated DEMO market as a {@link MarketData} source: generated once, on first use. */
public final class DemoMarketData implements MarketData {
    private final DemoMarketGenerator generator;
    private final LocalDate end;
    private volatile Map<String, BarSeries> series;

    /** Prices from {@link DemoMarketGenerator#START} to {@code end} (the app passes yesterday). */
    public DemoMarketData(DemoMarketGenerator generator, LocalDate end) {
        if (end.isBefore(DemoMarketGenerator.START)) {
            throw new IllegalArgumentException("the demo market starts on " + DemoMarketGenerator.START
                    + "; end " + end + " is earlier");
        }
        this.generator = generator;
        this.end = end;
    }

    @Override
    public String sourceLabel() {
        return "DEMO — simulated prices";
    }

    @Override
    public boolean isSimulated() {
        return true;
    }

    @Override
    public Set<String> symbols() {
        return Set.copyOf(all().keySet());
    }

    @Override
    public BarSeries bars(String symbol, LocalDate from, LocalDate to) {
        if (from.isAfter(to)) {
            throw new MarketDataException("start date " + from + " is after end date " + to);
        }
        String key = symbol.strip().toUpperCase(Locale.ROOT);
        BarSeries s = all().get(key);
        if (s == null) {
            throw new MarketDataException("the DEMO market has no symbol " + key + "; available: "
                    + String.join(", ", new TreeSet<>(all().keySet())));
        }
        BarSeries range = s.between(from, to);
        if (range.isEmpty()) {
            throw new MarketDataException("no " + key + " bars from " + from + " to " + to
                    + "; the DEMO market has bars from " + s.firstDate() + " to " + s.lastDate());
        }
        return range;
    }

    private Map<String, BarSeries> all() {
        Map<String, BarSeries> s = series;
        if (s == null) {
            synchronized (this) {
                s = series;
                if (s == null) {
                    s = Map.copyOf(generator.generate(end));
                    series = s;
                }
            }
        }
        return s;
    }
}
