package org.leverdesk.app.context;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.leverdesk.backtest.BacktestConfig;
import org.leverdesk.backtest.BacktestRequest;
import org.leverdesk.backtest.parity.ParityCheck;
import org.leverdesk.backtest.parity.ParityReplay;
import org.leverdesk.backtest.parity.ParityReport;
import org.leverdesk.common.CancellationToken;
import org.leverdesk.common.ProgressListener;
import org.leverdesk.config.AppConfig;
import org.leverdesk.config.StrategySettings;
import org.leverdesk.execution.StrategyRun;
import org.leverdesk.market.calendar.TradingCalendar;
import org.leverdesk.market.data.MarketData;
import org.leverdesk.schedule.JobDefinition;
import org.leverdesk.strategy.Strategy;
import org.leverdesk.strategy.catalog.StrategyCatalog;
import org.leverdesk.strategy.catalog.StrategyDescriptor;

/**
 * The parity replay over one market data source, shared by {@code leverdesk parity} and the window's
 * "Replay as live": the strategy's scheduled jobs are the daemon's own ({@link TradingRuntime#jobsOf}),
 * both runs start with the request's capital and costs, and no benchmark is needed.
 */
public final class ParityService implements ParityCheck {
    private final MarketData data;
    private final TradingCalendar calendar;
    private final StrategyCatalog catalog;

    public ParityService(MarketData data, TradingCalendar calendar, StrategyCatalog catalog) {
        this.data = data;
        this.calendar = calendar;
        this.catalog = catalog;
    }

    @Override
    public ParityReport replay(BacktestRequest request, ProgressListener progress, CancellationToken cancel) {
        StrategyDescriptor d = catalog.require(request.strategyId());
        String traded = request.symbol() == null || request.symbol().isBlank() ? d.defaultSymbol()
                : request.symbol().trim().toUpperCase(Locale.ROOT);
        Strategy s = d.factory().create(traded, request.parameters());
        BacktestConfig config = new BacktestConfig(request.from(), request.to(), request.capital(), request.costs(), false, null, true);
        return new ParityReplay(calendar).compare(new StrategyRun(s, 1, null, 1.0), data, traded,
                jobsOf(request.strategyId(), request.parameters()), config, progress, cancel);
    }

    /** The strategy's scheduled jobs as the daemon would run them (its default schedule, and the follow-up). */
    public static List<JobDefinition> jobsOf(String strategyId, Map<String, String> parameters) {
        StrategySettings settings = new StrategySettings(strategyId, true, 1.0, parameters, null);
        List<JobDefinition> mine = new ArrayList<>();
        for (JobDefinition j : TradingRuntime.jobsOf(AppConfig.defaults().withStrategy(settings))) {
            if (j.strategyId().equals(strategyId)) {
                mine.add(j);
            }
        }
        return mine;
    }
}
