package org.leverdesk.backtest;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.leverdesk.backtest.metrics.MetricsCalculator;
import org.leverdesk.common.CancellationToken;
import org.leverdesk.common.ProgressListener;
import org.leverdesk.domain.BarSeries;
import org.leverdesk.market.calendar.TradingCalendar;
import org.leverdesk.market.data.MarketData;
import org.leverdesk.market.data.MarketDataException;
import org.leverdesk.strategy.Strategy;
import org.leverdesk.strategy.catalog.StrategyCatalog;
import org.leverdesk.strategy.catalog.StrategyDescriptor;

/** Runs backtests of catalog strategies over one market data source (the UI's and CLI's runner). */
public final class BacktestService implements BacktestRunner {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(BacktestService.class);
    private final MarketData data;
    private final TradingCalendar calendar;
    private final StrategyCatalog catalog;
    private final MetricsCalculator metrics;
    private java.util.function.Supplier<org.leverdesk.options.chain.SyntheticChains> optionChains;

    /** Where strategies that write options get their chains from (built only for them). */
    public void setOptionChains(java.util.function.Supplier<org.leverdesk.options.chain.SyntheticChains> chains) {
        this.optionChains = chains;
    }

    public BacktestService(MarketData data, TradingCalendar calendar, StrategyCatalog catalog, MetricsCalculator metrics) {
        this.data = data;
        this.calendar = calendar;
        this.catalog = catalog;
        this.metrics = metrics;
    }

    @Override
    public List<StrategyInfo> strategies() {
        return catalog.all().stream().map(d -> new StrategyInfo(d.id(), d.displayName(), d.defaultSymbol(),
                d.parameters().stream().map(p -> new Parameter(p.name(), p.defaultValue(), p.description())).toList())).toList();
    }

    @Override
    public BacktestResult run(BacktestRequest request, ProgressListener progress, CancellationToken cancel) {
        return run(request, true, progress, cancel);
    }

    @Override
    public BacktestResult runWithoutDecisions(BacktestRequest request, ProgressListener progress, CancellationToken cancel) {
        return run(request, false, progress, cancel);
    }

    private BacktestResult run(BacktestRequest request, boolean recordDecisions, ProgressListener progress,
                               CancellationToken cancel) {
        StrategyDescriptor descriptor = catalog.require(request.strategyId());
        String symbol = request.symbol() == null || request.symbol().isBlank()
                ? descriptor.defaultSymbol() : request.symbol().trim().toUpperCase(Locale.ROOT);
        Strategy strategy = descriptor.factory().create(symbol, request.parameters());
        String benchmark = request.benchmarkSymbol() == null || request.benchmarkSymbol().isBlank()
                ? symbol : request.benchmarkSymbol().trim().toUpperCase(Locale.ROOT);
        BacktestConfig config = new BacktestConfig(request.from(), request.to(), request.capital(), request.costs(),
                false, benchmark, recordDecisions);

        Set<String> needed = new LinkedHashSet<>();
        needed.add(symbol);
        needed.addAll(strategy.symbols());
        needed.add(benchmark);
        Map<String, BarSeries> series = new HashMap<>();
        progress.progress(0, "loading prices");
        for (String s : needed) {
            series.put(s, data.barsUpTo(s, request.to()));
        }
        for (String s : strategy.optionalSymbols()) {
            if (!series.containsKey(s)) {
                try {
                    series.put(s, data.barsUpTo(s, request.to()));
                } catch (MarketDataException e) {
                    LOG.info("optional symbol {} not loaded: {}", s, e.getMessage());
                }
            }
        }
        org.leverdesk.options.chain.SyntheticChains chains = null;
        if (!strategy.optionUnderlyings().isEmpty()) {
            if (optionChains == null) {
                throw new IllegalArgumentException(strategy.id() + " writes options and this runner has no option chains");
            }
            chains = chainsFor(strategy.optionUnderlyings(), progress);
        }
        return new BacktestEngine(calendar, metrics, chains).run(strategy, series, symbol, config, data.sourceLabel(), progress,
                cancel);
    }

    /**
     * Backtests an options portfolio on one simulated account: the mode expands ({@link
     * org.leverdesk.config.OptionsPortfolio#expand}) into the strategies and capital shares paper and live run,
     * which run together through the one engine ({@link BacktestEngine#runTogether}) with the portfolio's per-asset
     * gates in the risk step. Decisions are recorded.
     *
     * @throws IllegalArgumentException for a portfolio with a problem (its first one, in one line) or missing data
     */
    public PortfolioRun runPortfolio(PortfolioBacktestRequest request, ProgressListener progress, CancellationToken cancel) {
        org.leverdesk.config.OptionsPortfolio portfolio = request.portfolio();
        if (portfolio == null) {
            throw new IllegalArgumentException("no portfolio to backtest; choose --mode or add a portfolio block to the config");
        }
        List<org.leverdesk.config.ConfigProblem> problems = portfolio.problems();
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(problems.get(0).text() + (problems.size() > 1 ? " (and " + (problems.size() - 1)
                    + " more)" : ""));
        }
        List<org.leverdesk.execution.StrategyRun> runs = new java.util.ArrayList<>();
        Set<String> needed = new LinkedHashSet<>();
        String days = request.daysSymbol();
        needed.add(days);
        String benchmark = request.benchmarkSymbol() == null || request.benchmarkSymbol().isBlank()
                ? days : request.benchmarkSymbol().trim().toUpperCase(Locale.ROOT);
        needed.add(benchmark);
        Set<String> optional = new LinkedHashSet<>();
        Set<String> underlyings = new LinkedHashSet<>();
        for (org.leverdesk.config.StrategySettings s : portfolio.expand(List.of())) {
            Map<String, String> params = new HashMap<>(s.parameters());
            String symbol = params.remove("symbol");
            StrategyDescriptor d = catalog.require(s.strategyId());
            Strategy strategy = d.factory().create(symbol == null ? d.defaultSymbol() : symbol, params);
            runs.add(new org.leverdesk.execution.StrategyRun(strategy, 1, null, s.capitalShare()));
            needed.addAll(strategy.symbols());
            optional.addAll(strategy.optionalSymbols());
            underlyings.addAll(strategy.optionUnderlyings());
        }
        BacktestConfig config = new BacktestConfig(request.from(), request.to(), request.capital(), request.costs(),
                false, benchmark, true);
        progress.progress(0, "loading prices");
        Map<String, BarSeries> series = new HashMap<>();
        for (String s : needed) {
            series.put(s, data.barsUpTo(s, request.to()));
        }
        for (String s : optional) {
            if (!series.containsKey(s)) {
                try {
                    series.put(s, data.barsUpTo(s, request.to()));
                } catch (MarketDataException e) {
                    LOG.info("optional symbol {} not loaded: {}", s, e.getMessage());
                }
            }
        }
        org.leverdesk.options.chain.SyntheticChains chains = underlyings.isEmpty() ? null : chainsFor(underlyings, progress);
        return new BacktestEngine(calendar, metrics, chains).runTogether(request.runId(), runs, portfolio, series, days, config,
                data.sourceLabel(), progress, cancel);
    }

    /** The synthetic chains for strategies that write options on {@code underlyings}; one-line errors without them. */
    private org.leverdesk.options.chain.SyntheticChains chainsFor(Set<String> underlyings, ProgressListener progress) {
        if (optionChains == null) {
            throw new IllegalArgumentException("options on " + underlyings + " are written and this runner has no option chains");
        }
        progress.progress(0, "pricing inputs for options");
        org.leverdesk.options.chain.SyntheticChains chains = optionChains.get();
        for (String u : underlyings) {
            if (!chains.underlyings().contains(u)) {
                throw new IllegalArgumentException("no synthetic options for " + u + "; options are set up for "
                        + chains.underlyings() + " (prices and a volatility index are needed)");
            }
        }
        return chains;
    }

    @Override
    public BarSeries bars(String symbol, LocalDate from, LocalDate to) {
        return data.bars(symbol.trim().toUpperCase(Locale.ROOT), from, to);
    }
}
