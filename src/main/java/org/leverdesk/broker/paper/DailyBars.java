package org.leverdesk.broker.paper;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.leverdesk.broker.sim.DayPrices;
import org.leverdesk.domain.BarSeries;
import org.leverdesk.market.data.MarketData;
import org.leverdesk.market.data.MarketDataException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One day's bars of the symbols the paper broker prices, read from its market data: a symbol whose
 * source has no bar that day (yet) has none here, and a bar that cannot be read is skipped with a log
 * line, so one bad file never stops the account.
 */
final class DailyBars implements DayPrices {
    private static final Logger LOG = LoggerFactory.getLogger(DailyBars.class);
    private final List<String> symbols = new ArrayList<>();
    private final List<BarSeries> series = new ArrayList<>();
    private final List<Integer> index = new ArrayList<>();
    private boolean dividends = true;

    DailyBars(MarketData data, Collection<String> wanted, LocalDate day) {
        for (String symbol : wanted) {
            try {
                // The day before as well, for the dividend (it compares two closes).
                BarSeries s = data.bars(symbol, day.minusDays(10), day);
                int i = s.indexOf(day);
                if (i >= 0) {
                    symbols.add(symbol);
                    series.add(s);
                    index.add(i);
                }
            } catch (MarketDataException | IllegalArgumentException e) {
                LOG.debug("no {} bar of {} from {}: {}", day, symbol, data.sourceLabel(), e.getMessage());
            }
        }
    }

    boolean isEmpty() {
        return symbols.isEmpty();
    }

    /** These bars without their dividends (the paper broker pays each dividend once itself). */
    DailyBars withoutDividends() {
        dividends = false;
        return this;
    }

    @Override
    public int size() {
        return symbols.size();
    }

    @Override
    public String symbol(int i) {
        return symbols.get(i);
    }

    @Override
    public boolean hasBar(int i) {
        return true;
    }

    @Override
    public double open(int i) {
        return series.get(i).open(index.get(i));
    }

    @Override
    public double high(int i) {
        return series.get(i).high(index.get(i));
    }

    @Override
    public double low(int i) {
        return series.get(i).low(index.get(i));
    }

    @Override
    public double close(int i) {
        return series.get(i).close(index.get(i));
    }

    @Override
    public double dividend(int i) {
        return dividends ? series.get(i).cashDividend(index.get(i)) : 0;
    }
}
