package org.leverdesk.backtest.parity;

import java.util.List;
import java.util.Map;
import org.leverdesk.app.context.TradingRuntime;
import org.leverdesk.config.AppConfig;
import org.leverdesk.config.StrategySettings;
import org.leverdesk.schedule.JobDefinition;

/** The parity replays' schedule: a built-in strategy's jobs as the daemon schedules them with the default settings. */
final class ReplayJobs {
    private ReplayJobs() {
    }

    static List<JobDefinition> of(String id) {
        StrategySettings settings = new StrategySettings(id, true, 1.0, Map.of(), null);
        return TradingRuntime.jobsOf(AppConfig.defaults().withStrategy(settings)).stream()
                .filter(j -> j.strategyId().equals(id)).toList();
    }
}
