package org.leverdesk.report;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.leverdesk.backtest.BacktestConfig;
import org.leverdesk.backtest.BacktestResult;
import org.leverdesk.backtest.CostModel;
import org.leverdesk.backtest.EquityPoint;
import org.leverdesk.backtest.RoundTrip;
import org.leverdesk.backtest.metrics.Metrics;
import org.leverdesk.domain.Bar;
import org.leverdesk.domain.BarSeries;
import org.leverdesk.domain.Fill;
import org.leverdesk.domain.Side;

/** A small hand-made backtest result over five days, for the CSV and PDF tests. */
final class ReportSamples {
    private ReportSamples() {
    }

    static final List<Fill> FILLS = List.of(
            new Fill(LocalDate.parse("2024-01-03"), "TQQQ", Side.BUY, 100, 50.25, 1.0, "RSI(2) 12.5 <= 30, buy"),
            new Fill(LocalDate.parse("2024-01-05"), "TQQQ", Side.SELL, 100, 52.5, 1.0, "stop 47.74, \"gap\" at open"));

    static BacktestResult result() {
        List<EquityPoint> eq = List.of(
                new EquityPoint(LocalDate.parse("2024-01-02"), 10000, 10000, 0),
                new EquityPoint(LocalDate.parse("2024-01-03"), 9999, 4974, 5025),
                new EquityPoint(LocalDate.parse("2024-01-04"), 10124, 4974, 5150),
                new EquityPoint(LocalDate.parse("2024-01-05"), 10223, 10223, 0),
                new EquityPoint(LocalDate.parse("2024-02-01"), 10223, 10223, 0));
        double[] bench = {10000, 10050.5, 10100.25, 10200, 10300.125};
        Metrics m = new Metrics(0.0223, 0.28, 0.12, 1.5, 2.25, -0.0001, LocalDate.parse("2024-01-02"),
                LocalDate.parse("2024-01-03"), 2800, 2, 1.0, Double.POSITIVE_INFINITY, 223, Double.NaN, 0.4, 10223);
        Metrics b = new Metrics(0.030, 0.35, 0.10, 2.0, 3.0, 0, null, null, Double.NaN, 0, Double.NaN, Double.NaN,
                Double.NaN, Double.NaN, 1.0, 10300.125);
        BacktestConfig cfg = new BacktestConfig(LocalDate.parse("2024-01-02"), LocalDate.parse("2024-02-01"), 10000,
                new CostModel(1, 0, 0), false, "QQQ", false);
        return new BacktestResult("rsi2", "TQQQ", cfg, "CSV test", eq, bench, m, b, FILLS,
                List.of(new RoundTrip("TQQQ", LocalDate.parse("2024-01-03"), 50.25, LocalDate.parse("2024-01-05"), 52.5, 100, 223)),
                List.of());
    }

    /** Bars of TQQQ from 2023-12-20 (warm-up) to 2024-02-01. */
    static BarSeries bars() {
        List<Bar> bars = new ArrayList<>();
        LocalDate d = LocalDate.parse("2023-12-20");
        double c = 50;
        int i = 0;
        while (!d.isAfter(LocalDate.parse("2024-02-01"))) {
            if (d.getDayOfWeek().getValue() <= 5) {
                double next = c * (1 + 0.02 * Math.sin(i++ * 1.3));
                bars.add(new Bar(d, c, Math.max(c, next) * 1.01, Math.min(c, next) * 0.99, next, 1_000_000, next));
                c = next;
            }
            d = d.plusDays(1);
        }
        return BarSeries.of("TQQQ", bars);
    }
}
