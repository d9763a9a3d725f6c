package org.leverdesk.research;

import java.util.Arrays;
import java.util.Comparator;
import java.util.Locale;
import java.util.function.ToDoubleFunction;
import org.leverdesk.backtest.metrics.Metrics;

/**
 * A metric a research job ranks by, named as in {@code backtest --json}. Each knows which direction is
 * better: max_drawdown is negative, so closer to zero (higher) is better; volatility lower is better.
 */
public enum Metric {
    SHARPE("sharpe", "Sharpe ratio", Metrics::sharpe, true),
    SORTINO("sortino", "Sortino ratio", Metrics::sortino, true),
    CAGR("cagr", "CAGR", Metrics::cagr, true),
    TOTAL_RETURN("total_return", "Total return", Metrics::totalReturn, true),
    MAX_DRAWDOWN("max_drawdown", "Max drawdown", Metrics::maxDrawdown, true),
    CALMAR("calmar", "Calmar ratio", Metrics::calmar, true),
    ANNUAL_VOLATILITY("annual_volatility", "Annual volatility", Metrics::annualVolatility, false),
    WIN_RATE("win_rate", "Win rate", Metrics::winRate, true),
    PROFIT_FACTOR("profit_factor", "Profit factor", Metrics::profitFactor, true),
    AVG_WIN("avg_win", "Average win", Metrics::avgWin, true),
    AVG_LOSS("avg_loss", "Average loss", Metrics::avgLoss, true),
    EXPOSURE("exposure", "Exposure", Metrics::exposure, true),
    TRADES("trades", "Trades", m -> m.trades(), true),
    FINAL_EQUITY("final_equity", "Final equity", Metrics::finalEquity, true);

    private final String key;
    private final String label;
    private final ToDoubleFunction<Metrics> value;
    private final boolean higherIsBetter;

    Metric(String key, String label, ToDoubleFunction<Metrics> value, boolean higherIsBetter) {
        this.key = key;
        this.label = label;
        this.value = value;
        this.higherIsBetter = higherIsBetter;
    }

    /** The name used on the command line and in JSON, e.g. "sharpe". */
    public String key() {
        return key;
    }

    /** The name a trader reads in the window, the Backtest view's metric table's: "Sharpe ratio", "Max drawdown". */
    public String label() {
        return label;
    }

    public boolean higherIsBetter() {
        return higherIsBetter;
    }

    public double of(Metrics m) {
        return value.applyAsDouble(m);
    }

    public double of(Trial t) {
        return of(t.metrics());
    }

    /**
     * Best first; undefined values (NaN) last. An infinite profit factor (no losing trip) ranks above
     * every finite one, as it is better.
     */
    public Comparator<Trial> bestFirst() {
        return (a, b) -> {
            double x = of(a);
            double y = of(b);
            boolean nx = Double.isNaN(x);
            boolean ny = Double.isNaN(y);
            if (nx || ny) {
                return Boolean.compare(nx, ny);
            }
            return higherIsBetter ? Double.compare(y, x) : Double.compare(x, y);
        };
    }

    /** The metric named {@code key} ("sharpe", "max_drawdown"…), with a one-line error listing the known ones. */
    public static Metric parse(String key) {
        String k = key == null ? "" : key.trim().toLowerCase(Locale.ROOT).replace('-', '_');
        return Arrays.stream(values()).filter(m -> m.key.equals(k)).findFirst().orElseThrow(() ->
                new IllegalArgumentException("unknown metric '" + key + "'; known: "
                        + String.join(", ", Arrays.stream(values()).map(Metric::key).toList())));
    }

    @Override
    public String toString() {
        return key;
    }
}
