package org.leverdesk.market.demo;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.leverdesk.domain.Bar;
import org.leverdesk.domain.BarSeries;

/** Mutable columns of one generated series, filled day by day and then frozen into a BarSeries. */
final class OhlcArrays {
    final double[] open;
    final double[] high;
    final double[] low;
    final double[] close;
    final long[] volume;
    final double[] adjClose;

    OhlcArrays(int n) {
        open = new double[n];
        high = new double[n];
        low = new double[n];
        close = new double[n];
        volume = new long[n];
        adjClose = new double[n];
    }

    int size() {
        return close.length;
    }

    BarSeries toSeries(String symbol, List<LocalDate> dates) {
        List<Bar> bars = new ArrayList<>(dates.size());
        for (int i = 0; i < dates.size(); i++) {
            bars.add(new Bar(dates.get(i), open[i], high[i], low[i], close[i], volume[i], adjClose[i]));
        }
        return BarSeries.of(symbol, bars);
    }
}
