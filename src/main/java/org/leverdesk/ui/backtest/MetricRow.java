package org.leverdesk.ui.backtest;

/** One row of the metrics table: the metric's name and its formatted value for strategy and benchmark. */
public record MetricRow(String name, String strategy, String benchmark) {
}
