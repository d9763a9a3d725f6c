package org.leverdesk.market.data;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.leverdesk.domain.Bar;
import org.leverdesk.domain.BarSeries;

/**
 * Another source's bars up to a day that moves forward: what a store holds as the days of a replay pass
 * (the day's bar stands for the feed's provisional bar during that session; later days are not there yet).
 */
public final class VisibleUntil implements MarketData {
    private final MarketData data;
    private volatile LocalDate last;
    private volatile boolean openingOnly;

    public VisibleUntil(MarketData data, LocalDate last) {
        this.data = data;
        this.last = last;
    }

    /** From now on bars up to {@code day} are known. */
    public void setLast(LocalDate day) {
        last = day;
        openingOnly = false;
    }

    /**
     * From now on bars before {@code day} are known and {@code day}'s bar only as its opening print (open,
     * high, low and close all the open; no volume): what the feed's provisional bar says minutes after the open.
     */
    public void setOpening(LocalDate day) {
        last = day;
        openingOnly = true;
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
        LocalDate end = to.isAfter(last) ? last : to;
        BarSeries bars = data.bars(symbol, from.isAfter(end) ? end : from, end).between(from, end);
        if (!openingOnly || bars.isEmpty() || !bars.lastDate().equals(last)) {
            return bars;
        }
        List<Bar> list = new ArrayList<>(bars.bars());
        Bar day = list.get(list.size() - 1);
        double factor = day.close() == 0 ? 1 : day.adjClose() / day.close();
        list.set(list.size() - 1, new Bar(day.date(), day.open(), day.open(), day.open(), day.open(), 0, day.open() * factor));
        return BarSeries.of(bars.symbol(), list);
    }
}
