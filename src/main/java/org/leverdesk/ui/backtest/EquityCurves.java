package org.leverdesk.ui.backtest;

import java.util.ArrayList;
import java.util.List;
import javafx.scene.paint.Color;
import org.leverdesk.backtest.BacktestResult;
import org.leverdesk.backtest.EquityPoint;
import org.leverdesk.ui.chart.ChartSeries;

/**
 * The equity and drawdown lines of a result: the strategy in blue and the buy-and-hold benchmark in
 * grey, on the same dates, in the chosen {@link EquityUnit}. The benchmark is left out (with a reason)
 * when it does not have one value per equity day.
 */
final class EquityCurves {
    static final Color STRATEGY = Color.web("#2563eb");
    static final Color BENCHMARK = Color.web("#8b95a5");

    private EquityCurves() {
    }

    /** The equity lines of {@code result} in {@code unit}. */
    static List<ChartSeries> equity(BacktestResult result, EquityUnit unit) {
        double[] x = dates(result);
        double[] strategy = values(result);
        List<ChartSeries> out = new ArrayList<>(2);
        out.add(new ChartSeries(strategyName(result), x, convert(strategy, unit), STRATEGY));
        double[] bench = benchmark(result);
        if (bench != null) {
            out.add(new ChartSeries(benchmarkName(result), x, convert(bench, unit), BENCHMARK));
        }
        return List.copyOf(out);
    }

    /** The drawdown lines (percent below the running peak) of {@code result}. */
    static List<ChartSeries> drawdown(BacktestResult result) {
        double[] x = dates(result);
        List<ChartSeries> out = new ArrayList<>(2);
        out.add(new ChartSeries(strategyName(result), x, Drawdowns.percent(values(result)), STRATEGY));
        double[] bench = benchmark(result);
        if (bench != null) {
            out.add(new ChartSeries(benchmarkName(result), x, Drawdowns.percent(bench), BENCHMARK));
        }
        return List.copyOf(out);
    }

    /**
     * The unit that shows both curves fairly: dollars when they start from the same amount (as a
     * backtest's buy-and-hold does), growth of $1 when their first values differ by more than 1%.
     */
    static EquityUnit defaultUnit(BacktestResult result) {
        double[] bench = benchmark(result);
        if (bench == null || result.equity().isEmpty()) {
            return EquityUnit.DOLLARS;
        }
        double s = result.equity().get(0).equity();
        double b = bench[0];
        return s > 0 && b > 0 && Math.abs(b / s - 1) > 0.01 ? EquityUnit.GROWTH : EquityUnit.DOLLARS;
    }

    /** The benchmark's daily values, or null when it has not one per equity day. */
    static double[] benchmark(BacktestResult result) {
        double[] bench = result.benchmarkEquity();
        return bench != null && bench.length == result.equity().size() && bench.length > 0 ? bench : null;
    }

    private static double[] convert(double[] values, EquityUnit unit) {
        double first = Double.NaN;
        for (double v : values) {
            if (v > 0) {
                first = v;
                break;
            }
        }
        double[] out = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = unit.plotted(values[i], first);
        }
        return out;
    }

    private static double[] dates(BacktestResult result) {
        List<EquityPoint> equity = result.equity();
        double[] x = new double[equity.size()];
        for (int i = 0; i < x.length; i++) {
            x[i] = ChartSeries.epochSeconds(equity.get(i).date());
        }
        return x;
    }

    private static double[] values(BacktestResult result) {
        List<EquityPoint> equity = result.equity();
        double[] y = new double[equity.size()];
        for (int i = 0; i < y.length; i++) {
            y[i] = equity.get(i).equity();
        }
        return y;
    }

    static String strategyName(BacktestResult result) {
        return "Strategy " + result.symbol();
    }

    static String benchmarkName(BacktestResult result) {
        return "Buy & hold " + result.config().benchmarkSymbol();
    }
}
