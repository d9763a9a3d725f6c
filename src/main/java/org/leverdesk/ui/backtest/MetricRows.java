package org.leverdesk.ui.backtest;

import java.util.List;
import java.util.function.Function;
import org.leverdesk.backtest.metrics.Metrics;
import org.leverdesk.ui.common.Formats;

/** Turns the metrics of the strategy and of the benchmark into table rows, one per {@link Metrics} field. */
final class MetricRows {
    private MetricRows() {
    }

    static List<MetricRow> of(Metrics strategy, Metrics benchmark) {
        return List.of(
                row("Total return", strategy, benchmark, m -> Formats.percent(m.totalReturn())),
                row("CAGR", strategy, benchmark, m -> Formats.percent(m.cagr())),
                row("Annual volatility", strategy, benchmark, m -> Formats.percent(m.annualVolatility())),
                row("Sharpe ratio", strategy, benchmark, m -> Formats.ratio(m.sharpe())),
                row("Sortino ratio", strategy, benchmark, m -> Formats.ratio(m.sortino())),
                row("Max drawdown", strategy, benchmark, m -> Formats.percent(m.maxDrawdown())),
                row("Max drawdown peak", strategy, benchmark, m -> Formats.date(m.maxDrawdownPeak())),
                row("Max drawdown trough", strategy, benchmark, m -> Formats.date(m.maxDrawdownTrough())),
                row("Calmar ratio", strategy, benchmark, m -> Formats.ratio(m.calmar())),
                row("Trades", strategy, benchmark, m -> Formats.count(m.trades())),
                row("Win rate", strategy, benchmark, m -> Formats.percent(m.winRate())),
                row("Profit factor", strategy, benchmark, m -> Formats.ratio(m.profitFactor())),
                row("Average win", strategy, benchmark, m -> Formats.money(m.avgWin())),
                row("Average loss", strategy, benchmark, m -> Formats.money(m.avgLoss())),
                row("Exposure", strategy, benchmark, m -> Formats.percent(m.exposure())),
                row("Final equity", strategy, benchmark, m -> Formats.money(m.finalEquity())));
    }

    private static MetricRow row(String name, Metrics strategy, Metrics benchmark, Function<Metrics, String> format) {
        return new MetricRow(name, strategy == null ? Formats.MISSING : format.apply(strategy),
                benchmark == null ? Formats.MISSING : format.apply(benchmark));
    }
}
