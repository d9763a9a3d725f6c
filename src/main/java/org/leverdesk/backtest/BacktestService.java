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
            progress.progress(0, "pricing inputs for options");
            chains = optionChains.get();
            for (String u : strategy.optionUnderlyings()) {
                if (!chains.underlyings().contains(u)) {
                    throw new IllegalArgumentException("no synthetic options for " + u + "; options are set up for "
                            + chains.underlyings() + " (prices and a volatility index are needed)");
                }
            }
        }
        return new BacktestEngine(calendar, metrics, chains).run(strategy, series, symbol, config, data.sourceLabel(), progress,
                cancel);
    }

    @Override
    public BarSeries bars(String symbol, LocalDate from, LocalDate to) {
        return data.bars(symbol.trim().toUpperCase(Locale.ROOT), from, to);
    }
}
