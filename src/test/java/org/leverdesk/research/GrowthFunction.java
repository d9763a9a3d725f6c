package org.leverdesk.research;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import org.leverdesk.backtest.metrics.Metrics;
import org.leverdesk.common.CancellationToken;

/**
 * A {@link BacktestFunction} with hand-controlled results for tests: equity starts at the capital on the
 * first NYSE session of the range and grows each later session by {@code rate(parameters, date)}. Its
 * metrics carry the curve's CAGR, total return, Sharpe and drawdown (CurveStats), the rest NaN.
 */
public final class GrowthFunction implements BacktestFunction {
    private final BiFunction<Map<String, String>, LocalDate, Double> rate;

    public GrowthFunction(BiFunction<Map<String, String>, LocalDate, Double> rate) {
        this.rate = rate;
    }

    @Override
    public Prepared prepare(RunBase base, LocalDate from, LocalDate to) {
        return (varied, cancel) -> {
            cancel.throwIfCancelled();
            List<LocalDate> days = new ArrayList<>();
            for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
                if (ResearchFixture.CALENDAR.isTradingDay(d)) {
                    days.add(d);
                }
            }
            LocalDate[] dates = days.toArray(LocalDate[]::new);
            double[] equity = new double[dates.length];
            Map<String, String> all = base.parameters(varied);
            for (int i = 0; i < dates.length; i++) {
                equity[i] = i == 0 ? base.capital() : equity[i - 1] * (1 + rate.apply(all, dates[i]));
            }
            CurveStats s = CurveStats.of(dates, equity);
            Metrics m = new Metrics(s.totalReturn(), s.cagr(), Double.NaN, s.sharpe(), Double.NaN, s.maxDrawdown(), null, null,
                    Double.NaN, 0, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, equity[equity.length - 1]);
            return new Trial(varied, m, dates, equity, new double[0], "growth");
        };
    }

    @Override
    public int parallelism() {
        return 2;
    }

    /** A run that needs no cancellation token. */
    public Trial run(RunBase base, LocalDate from, LocalDate to, Map<String, String> varied) {
        return prepare(base, from, to).run(varied, CancellationToken.NONE);
    }
}
