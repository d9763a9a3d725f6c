package org.leverdesk.research.cluster;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.TreeMap;
import org.leverdesk.backtest.metrics.Metrics;
import org.leverdesk.research.Trial;

/** A {@link Trial} as it crosses the network: only JDK types (dates as epoch days). */
record TrialWire(TreeMap<String, String> parameters, double[] metrics, long peak, long trough, int trades,
                 long[] dates, double[] equity, double[] tradeReturns, String dataSource) implements Serializable {
    private static final long NO_DATE = Long.MIN_VALUE;

    static TrialWire of(Trial t) {
        Metrics m = t.metrics();
        double[] values = {m.totalReturn(), m.cagr(), m.annualVolatility(), m.sharpe(), m.sortino(), m.maxDrawdown(), m.calmar(),
            m.winRate(), m.profitFactor(), m.avgWin(), m.avgLoss(), m.exposure(), m.finalEquity()};
        long[] days = new long[t.dates().length];
        for (int i = 0; i < days.length; i++) {
            days[i] = t.dates()[i].toEpochDay();
        }
        return new TrialWire(new TreeMap<>(t.parameters()), values, day(m.maxDrawdownPeak()), day(m.maxDrawdownTrough()),
                m.trades(), days, t.equity(), t.tradeReturns(), t.dataSource());
    }

    Trial trial() {
        double[] v = metrics;
        Metrics m = new Metrics(v[0], v[1], v[2], v[3], v[4], v[5], date(peak), date(trough), v[6], trades, v[7], v[8], v[9],
                v[10], v[11], v[12]);
        LocalDate[] d = new LocalDate[dates.length];
        for (int i = 0; i < d.length; i++) {
            d[i] = LocalDate.ofEpochDay(dates[i]);
        }
        return new Trial(parameters, m, d, equity, tradeReturns, dataSource);
    }

    private static long day(LocalDate d) {
        return d == null ? NO_DATE : d.toEpochDay();
    }

    private static LocalDate date(long day) {
        return day == NO_DATE ? null : LocalDate.ofEpochDay(day);
    }
}
