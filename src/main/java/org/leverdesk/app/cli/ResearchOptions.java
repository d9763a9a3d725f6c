package org.leverdesk.app.cli;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.leverdesk.app.context.AppContext;
import org.leverdesk.backtest.CostModel;
import org.leverdesk.research.Metric;
import org.leverdesk.research.RunBase;
import org.leverdesk.research.sweep.ParameterAxis;
import org.leverdesk.research.sweep.SearchSpace;
import org.leverdesk.strategy.catalog.StrategyVersion;
import picocli.CommandLine.Option;

/** Options shared by {@code sweep} and {@code walkforward}: what to run, what to vary, what to rank by. */
final class ResearchOptions {
    @Option(names = "--strategy", required = true, paramLabel = "ID", description = "Strategy id, e.g. rsi2.")
    String strategy;

    @Option(names = "--symbol", paramLabel = "SYM", description = "Traded symbol (default: the strategy's).")
    String symbol;

    @Option(names = "--from", required = true, paramLabel = "YYYY-MM-DD", description = "First day (inclusive).")
    LocalDate from;

    @Option(names = "--to", required = true, paramLabel = "YYYY-MM-DD", description = "Last day (inclusive).")
    LocalDate to;

    @Option(names = "--capital", defaultValue = "10000", paramLabel = "USD", description = "Starting capital (default: ${DEFAULT-VALUE}).")
    double capital;

    @Option(names = "--benchmark", paramLabel = "SYM", description = "Buy-and-hold benchmark (default: the traded symbol).")
    String benchmark;

    @Option(names = "--commission", defaultValue = "0", paramLabel = "USD", description = "Commission per order (default: ${DEFAULT-VALUE}).")
    double commission;

    @Option(names = "--commission-per-share", defaultValue = "0", paramLabel = "USD", description = "Commission per share (default: ${DEFAULT-VALUE}).")
    double commissionPerShare;

    @Option(names = "--slippage-bps", defaultValue = "0", paramLabel = "BPS", description = "Slippage in basis points (default: ${DEFAULT-VALUE}).")
    double slippageBps;

    @Option(names = "--risk-free", defaultValue = "0", paramLabel = "RATE", description = "Annual risk-free rate for Sharpe/Sortino (default: ${DEFAULT-VALUE}).")
    double riskFree;

    @Option(names = {"-P", "--param"}, paramLabel = "NAME=SPEC", required = true,
            description = "Parameter values to try: a range 5..45:1, a list a,b,c, or one value. Repeat for each parameter.")
    List<String> parameters = new ArrayList<>();

    @Option(names = "--metric", defaultValue = "sharpe", paramLabel = "NAME",
            description = "Metric to rank by: sharpe, sortino, cagr, total_return, max_drawdown, calmar, annual_volatility, win_rate,"
                    + " profit_factor, exposure, trades, final_equity (default: ${DEFAULT-VALUE}).")
    String metric;

    @Option(names = "--random", paramLabel = "N", description = "Random search: run N distinct grid points instead of the whole grid.")
    Integer random;

    @Option(names = "--seed", defaultValue = "1", paramLabel = "S", description = "Seed of --random (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--threads", paramLabel = "N", description = "Backtests at once (default: the available cores).")
    Integer threads;

    @Option(names = "--version", paramLabel = "ID",
            description = "Start from the parameters of strategy version ID (store id, see the Strategies view); -P overrides them.")
    Long version;

    Metric metric() {
        return Metric.parse(metric);
    }

    SearchSpace space() {
        List<ParameterAxis> axes = parameters.stream().map(ParameterAxis::parse).toList();
        return random == null ? SearchSpace.grid(axes) : SearchSpace.random(axes, random, seed);
    }

    /** The base of every run: the version's parameters (when --version is given) under the swept ones. */
    RunBase base(AppContext app) {
        Map<String, String> fixed = new HashMap<>();
        if (version != null) {
            StrategyVersion v = app.strategyVersions().get(version).orElseThrow(() -> new IllegalArgumentException(
                    "strategy version " + version + " does not exist; pick one the Strategies view lists"));
            if (!v.strategyId().equals(strategy)) {
                throw new IllegalArgumentException("strategy version " + version + " belongs to " + v.strategyId() + ", not " + strategy);
            }
            fixed.putAll(v.parameters());
        }
        return new RunBase(strategy, symbol, capital, new CostModel(commission, commissionPerShare, slippageBps), benchmark, fixed);
    }

    int threads() {
        int n = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
        if (n < 1) {
            throw new IllegalArgumentException("--threads must be at least 1 (got " + n + ")");
        }
        return n;
    }
}
