package org.leverdesk.testing;

import java.time.LocalDate;
import java.util.Set;
import org.leverdesk.domain.BarSeries;
import org.leverdesk.market.data.MarketData;

/**
 * Another source's bars up to a day the test moves forward: what a store holds as the days pass (a
 * bar dated today is the feed's provisional bar; later days are not there yet).
 */
public final class DataUntil implements MarketData {
    private final MarketData data;
    private volatile LocalDate last;

    public DataUntil(MarketData data, LocalDate last) {
        this.data = data;
        this.last = last;
    }

    /** From now on bars up to {@code day} are known. */
    public void setLast(LocalDate day) {
        last = day;
    }

    @Override
    public String sourceLabel() {
        return data.sourceLabel();
    }

    @Override
    public boolean isSimulated() {
        return data.isSimulated();
    }

    @Override
    public Set<String> symbols() {
        return data.symbols();
    }

    @Override
    public BarSeries bars(String symbol, LocalDate from, LocalDate to) {
        return data.bars(symbol, from, to.isAfter(last) ? last : to);
    }
}
