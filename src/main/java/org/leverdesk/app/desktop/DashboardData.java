package org.leverdesk.app.desktop;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;
import org.leverdesk.broker.Account;
import org.leverdesk.broker.Broker;
import org.leverdesk.broker.BrokerException;
import org.leverdesk.broker.BrokerPosition;
import org.leverdesk.config.AppConfig;
import org.leverdesk.config.StrategySettings;
import org.leverdesk.domain.TradingMode;
import org.leverdesk.app.context.RuntimeStatus;
import org.leverdesk.risk.TradingState;
import org.leverdesk.schedule.ScheduledJob;
import org.leverdesk.schedule.SchedulerState;
import org.leverdesk.store.DecisionRepository;
import org.leverdesk.store.StoredDecision;
import org.leverdesk.ui.common.Formats;
import org.leverdesk.ui.dashboard.DashboardSnapshot;
import org.leverdesk.ui.dashboard.DashboardSnapshot.AccountSummary;
import org.leverdesk.ui.dashboard.DashboardSnapshot.PositionRow;
import org.leverdesk.ui.dashboard.DashboardSnapshot.StrategyRow;
import org.leverdesk.ui.dashboard.DashboardSource;

/**
 * Gathers the Dashboard's snapshot from the broker, the settings, the stored decisions and the
 * scheduler. A broker that cannot be read gives a snapshot with the reason instead of the account,
 * so the strategies and the scheduler state still show.
 */
final class DashboardData implements DashboardSource {
    private static final DateTimeFormatter NEXT_RUN = DateTimeFormatter.ofPattern("EEE yyyy-MM-dd HH:mm", Locale.US);

    private final Broker broker;
    private final Supplier<AppConfig> config;
    private final DecisionRepository decisions;
    private final Supplier<Optional<BigDecimal>> startingCapital;
    private final Supplier<RuntimeStatus> status;
    private final Clock clock;
    private final org.leverdesk.riskguard.RiskGuardStatusProvider guard;

    /**
     * @param startingCapital what was put into the account (paper: its starting capital), empty when unknown
     * @param status          the scheduler's and risk gate's state with each strategy's next run, read once a snapshot
     */
    DashboardData(Broker broker, Supplier<AppConfig> config, DecisionRepository decisions,
                  Supplier<Optional<BigDecimal>> startingCapital, Supplier<RuntimeStatus> status, Clock clock) {
        this(broker, config, decisions, startingCapital, status, clock, List::of);
    }

    /** With {@code guard}, the RiskGuard's status of each enabled strategy (the banner and gauges). */
    DashboardData(Broker broker, Supplier<AppConfig> config, DecisionRepository decisions,
                  Supplier<Optional<BigDecimal>> startingCapital, Supplier<RuntimeStatus> status, Clock clock,
                  org.leverdesk.riskguard.RiskGuardStatusProvider guard) {
        this.guard = guard;
        this.broker = broker;
        this.config = config;
        this.decisions = decisions;
        this.startingCapital = startingCapital;
        this.status = status;
        this.clock = clock;
    }

    @Override
    public DashboardSnapshot snapshot() {
        AccountSummary account = null;
        String accountError = null;
        List<PositionRow> positions = new ArrayList<>();
        try {
            Account a = broker.account();
            Optional<BigDecimal> start = startingCapital.get();
            double total = start.map(s -> a.equity().subtract(s).doubleValue()).orElse(Double.NaN);
            account = new AccountSummary(a.equity().doubleValue(), a.cash().doubleValue(), a.buyingPower().doubleValue(),
                    a.dayProfit().doubleValue(), total, start.map(s -> "since start (" + Formats.money(s.doubleValue()) + ")")
                    .orElse("unknown for this broker"));
            for (BrokerPosition p : broker.positions()) {
                positions.add(new PositionRow(p.symbol(), p.quantity().doubleValue(), p.currentPrice().doubleValue(),
                        p.marketValue().doubleValue(), p.unrealizedProfit().doubleValue()));
            }
        } catch (BrokerException e) {
            accountError = "The " + broker.name() + " account could not be read: " + e.getMessage();
        }
        RuntimeStatus now = status.get();
        List<StrategyRow> strategies = new ArrayList<>();
        for (StrategySettings s : config.get().strategies()) {
            Optional<StoredDecision> last = decisions.latest(s.strategyId());
            ScheduledJob job = s.enabled() ? now.nextRuns().get(s.strategyId()) : null;
            String next = job == null ? Formats.MISSING : NEXT_RUN.format(job.at()) + " " + job.definition().name();
            strategies.add(new StrategyRow(s.strategyId(), s.enabled(), s.capitalShare(), next,
                    last.map(d -> d.decision().date() + ": " + d.decision().explanation().summary()).orElse("no decision yet"),
                    last.map(d -> d.decision().explanation().regime()).orElse(null)));
        }
        boolean live = config.get().broker().mode() == TradingMode.LIVE;
        return new DashboardSnapshot(broker.name(), live, account, accountError, positions, strategies, schedulerText(now),
                now.trading().name(), clock.instant(), guard.statuses());
    }

    /** The scheduler's state in words, with the running job and a halted risk gate. */
    static String schedulerText(RuntimeStatus s) {
        String state = switch (s.scheduler()) {
            case RUNNING -> "running";
            case PAUSED -> "paused (no new jobs)";
            case HALTED -> "halted by the kill switch";
            case STOPPED -> "stopped";
        };
        if (s.runningJob() != null) {
            state += ", running " + s.runningJob().definition().key();
        }
        return s.trading() == TradingState.HALTED && s.scheduler() != SchedulerState.HALTED ? state + " (trading halted)" : state;
    }
}
