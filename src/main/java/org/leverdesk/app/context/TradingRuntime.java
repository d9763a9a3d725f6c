package org.leverdesk.app.context;

import org.leverdesk.notify.message.FillReport;
import org.leverdesk.broker.BrokerOrder;
import org.leverdesk.execution.ReconciliationReport;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import org.leverdesk.broker.Broker;
import org.leverdesk.common.CancellationToken;
import org.leverdesk.config.AppConfig;
import org.leverdesk.config.Secrets;
import org.leverdesk.config.StrategySettings;
import org.leverdesk.domain.Decision;
import org.leverdesk.execution.ExecutionService;
import org.leverdesk.execution.RunResult;
import org.leverdesk.execution.StrategyRun;
import org.leverdesk.market.calendar.NyseCalendar;
import org.leverdesk.market.feed.LiveFreshness;
import org.leverdesk.notify.DesktopNotifications;
import org.leverdesk.notify.Notification;
import org.leverdesk.notify.NotificationKind;
import org.leverdesk.notify.NotificationDispatcher;
import org.leverdesk.notify.NotifyOptions;
import org.leverdesk.notify.message.DailySummary;
import org.leverdesk.notify.message.KillSwitchChange;
import org.leverdesk.notify.message.NotificationMessages;
import org.leverdesk.risk.TradingState;
import org.leverdesk.schedule.Anchor;
import org.leverdesk.schedule.JobCalendar;
import org.leverdesk.schedule.JobDefinition;
import org.leverdesk.schedule.JobOutcome;
import org.leverdesk.schedule.ScheduledJob;
import org.leverdesk.schedule.SchedulerClock;
import org.leverdesk.schedule.SchedulerLock;
import org.leverdesk.schedule.SchedulerService;
import org.leverdesk.schedule.Trigger;
import org.leverdesk.store.JournalEntry;
import org.leverdesk.store.JournalQuery;
import org.leverdesk.store.JournalRepository;
import org.leverdesk.store.StoredDecision;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The live trading of one process, for the desktop app and {@code leverdesk daemon} alike: the
 * broker, one {@link ExecutionService} (shared by scheduled runs and reconciliation), the emergency exit, the
 * notification dispatcher, and the scheduler that runs each enabled strategy's jobs (one decision
 * cycle, orders sent for real) plus the built-in {@link #SUMMARY_JOB}. Holds the scheduler lock of
 * its store: one runtime per store. No UI and no console output: listeners and
 * {@link #status()} feed the Dashboard.
 *
 * <p>Life cycle: {@link #open} (takes the lock, builds everything), {@link #start} (the scheduler
 * thread), {@link #close} (stops the scheduler, lets queued notifications go out, releases the lock).
 * The {@link AppContext} stays the caller's to close, after the runtime.
 */
public final class TradingRuntime implements AutoCloseable {
    /** The daily summary job: 20 minutes after each session's close (16:20 ET, 13:20 on early closes). */
    public static final JobDefinition SUMMARY_JOB = new JobDefinition("account", "daily-summary", Trigger.daily(Anchor.CLOSE, 20));
    /** The name of the job that sends an after-close decision's buys right after the next open (09:35 ET). */
    public static final String FOLLOW_UP = "follow-up";
    /**
     * The name of the job that releases an after-close decision's market-on-open orders at 19:00 ET, when
     * Alpaca takes them again (caught up before 09:28 ET after a restart; see {@code broker.AuctionWindows}).
     */
    public static final String RELEASE = "release-opg";
    /** The journal kind of daily summaries. */
    public static final String SUMMARY_KIND = "daily-summary";
    /** How long a running job gets to finish after a stop request before it is interrupted. */
    public static final Duration STOP_GRACE = Duration.ofSeconds(30);
    /** How long {@link #close} waits for queued notifications. */
    public static final Duration NOTIFY_DRAIN = Duration.ofSeconds(10);
    private static final Logger LOG = LoggerFactory.getLogger(TradingRuntime.class);

    private final AppContext app;
    private final AppConfig config;
    private final Clock clock;
    private final SchedulerLock lock;
    private final Broker broker;
    private final ExecutionService execution;
    private final NotificationDispatcher notifications;
    /** What this runtime tells people goes through here: labelled DEMO when it trades the simulated market. */
    private final org.leverdesk.notify.Notifier notifier;
    private final JournalRepository journal;
    private final SchedulerService scheduler;
    private final org.leverdesk.emergency.EmergencyExit emergency;
    /** Brings the bars a strategy reads up to date (today's provisional bar included) before each of its runs. */
    private final DataRefresh dataRefresh;
    /** Each strategy's latest run in this process (the summary's regime, the Dashboard's last decision). */
    private final Map<String, RunResult> lastResults = new ConcurrentHashMap<>();
    /** Results a strategy job left for the listener to notify, taken once. */
    private final Map<ScheduledJob, RunResult> pending = new ConcurrentHashMap<>();

    private TradingRuntime(AppContext app, AppConfig config, Secrets secrets, SchedulerClock schedulerClock,
                           DesktopNotifications desktop, NotifyOptions options, SchedulerLock lock) {
        this.app = app;
        this.config = config;
        this.lock = lock;
        this.clock = new SchedulerTimeClock(schedulerClock);
        // Everything that can fail on bad settings comes before the dispatcher starts its threads.
        LiveStrategies.requireSeparateSymbols(config.enabledStrategies());
        List<JobDefinition> jobs = jobsOf(config);
        this.journal = app.journal(clock);
        this.broker = app.broker(config, secrets, clock);
        this.dataRefresh = DataRefresh.open(app, config, secrets, journal);
        // With a feed refreshing the prices before each run, a decision needs today's bar; without one (a CSV
        // folder, no Alpaca keys) the last completed session's is the freshest there can be.
        this.execution = dataRefresh.hasFeed()
                ? app.execution(broker, config.risk(), config.broker().mode(), clock, new LiveFreshness(app.calendar()))
                : app.execution(broker, config.risk(), config.broker().mode(), clock);
        execution.setPortfolio(config.portfolio());
        this.notifications = NotificationDispatcher.fromConfig(config.notifications(), secrets, options, desktop,
                new JournalDeliveries(journal), clock);
        this.scheduler = new SchedulerService(jobs, new JobCalendar(new NyseCalendar()), this::runJob,
                app.jobRunLog(), schedulerClock, this::killSwitchOn);
        this.notifier = DemoLabel.of(notifications, app.tradingData().isSimulated());
        if (broker instanceof org.leverdesk.broker.paper.PaperBroker paper) {
            // A split applied to (or refused by) the paper account is journalled and notified like a fill.
            paper.addSplitListener((kind, line) -> {
                journal.append(kind, null, line, null);
                notifier.send(new org.leverdesk.notify.Notification(kind.equals(org.leverdesk.broker.paper.PaperBroker.SPLIT_KIND)
                        ? org.leverdesk.notify.NotificationKind.FILL : org.leverdesk.notify.NotificationKind.ERROR, null, line, line,
                        clock.instant()));
            });
        }
        scheduler.addListener(new RuntimeEvents(notifier, journal, clock, pending::remove));
        this.emergency = new org.leverdesk.emergency.EmergencyExit(broker, app.emergencyRecord(clock), notifier, clock,
                org.leverdesk.emergency.EmergencyExit.DEFAULT_TIME_LIMIT, org.leverdesk.emergency.EmergencyExit.DEFAULT_POLL,
                d -> Thread.sleep(d.toMillis()), scheduler::wake);
    }

    /**
     * Takes the scheduler lock of {@code app}'s store (a {@link org.leverdesk.schedule.SchedulerLockedException}
     * naming the holder when another scheduler has it) and builds the runtime from {@code config} and
     * {@code secrets}; {@code desktop} is null without a window. Call {@link #start} to run jobs.
     */
    public static TradingRuntime open(AppContext app, AppConfig config, Secrets secrets, SchedulerClock clock,
                                      DesktopNotifications desktop, NotifyOptions options) {
        return open(app, config, secrets, clock, desktop, options, SchedulerLock.acquire(app.dataDirectory(), clock.now()));
    }

    /**
     * Like {@link #open(AppContext, AppConfig, Secrets, SchedulerClock, DesktopNotifications, NotifyOptions)}
     * with a lock the caller already took (the daemon takes it before it opens the store, so a second
     * daemon is refused by the lock, naming its holder, not by the store); the runtime releases it on close.
     */
    public static TradingRuntime open(AppContext app, AppConfig config, Secrets secrets, SchedulerClock clock,
                                      DesktopNotifications desktop, NotifyOptions options, SchedulerLock lock) {
        Objects.requireNonNull(lock, "lock");
        try {
            return new TradingRuntime(app, config, secrets, clock, desktop, options == null ? NotifyOptions.defaults() : options,
                    lock);
        } catch (RuntimeException e) {
            lock.close();
            throw e;
        }
    }

    /** Starts the scheduler thread; jobs run from now on. */
    public void start() {
        notifications.problems().forEach(p -> LOG.warn("notifications: {}", p));
        scheduler.start();
    }

    /** True when this runtime trades the simulated demo market (everything it says is labelled DEMO). */
    public boolean simulated() {
        return app.tradingData().isSimulated();
    }

    /** The broker this runtime trades with. */
    public Broker broker() {
        return broker;
    }

    /** The one execution service (scheduled runs, reconciliation). */
    public ExecutionService execution() {
        return execution;
    }

    /**
     * The one emergency path of this runtime's account (the window's Close all, the daemon's control
     * channel): halts first, so no job of this scheduler starts until {@link #release}.
     */
    public org.leverdesk.emergency.EmergencyExit emergency() {
        return emergency;
    }

    /** The scheduler (add a listener for live Dashboard updates; events arrive on its thread). */
    public SchedulerService scheduler() {
        return scheduler;
    }

    /** The notification dispatcher (Settings' "send test", extra messages). */
    public NotificationDispatcher notifications() {
        return notifications;
    }

    /** The scheduler lock file this runtime holds. */
    public java.nio.file.Path lockFile() {
        return lock.file();
    }

    /** The latest run of {@code strategyId} in this process, or null. */
    public RunResult lastRun(String strategyId) {
        return lastResults.get(strategyId);
    }

    /** A snapshot for the Dashboard: scheduler and trading state, each job owner's next run, the running job. */
    public RuntimeStatus status() {
        Map<String, ScheduledJob> next = new LinkedHashMap<>();
        for (JobDefinition job : scheduler.jobs()) {
            if (!next.containsKey(job.strategyId())) {
                scheduler.nextRun(job.strategyId()).ifPresent(j -> next.put(job.strategyId(), j));
            }
        }
        return new RuntimeStatus(clock.instant(), scheduler.state(), execution.riskGate().state(), next,
                scheduler.runningJob().orElse(null));
    }

    /** Stops new jobs until {@link #resume} (a running job finishes). */
    public void pause() {
        scheduler.pause();
    }

    /** Lets jobs start again; a job whose minute passed meanwhile follows the catch-up policy. */
    public void resume() {
        scheduler.resume();
    }

    /**
     * Engages the kill switch: the risk gate goes HALTED (only cancels and closes pass), no new job
     * starts, and a KILL_SWITCH notification goes out. {@code by} is who asked (the user, a risk limit).
     */
    public void halt(String by, String reason) {
        setKillSwitch(true, by, reason);
    }

    /** Releases the kill switch: trading is ACTIVE again, jobs start again, a KILL_SWITCH notification goes out. */
    public void release(String by, String reason) {
        setKillSwitch(false, by, reason);
    }

    private void setKillSwitch(boolean engaged, String by, String reason) {
        execution.riskGate().setState(engaged ? TradingState.HALTED : TradingState.ACTIVE,
                (engaged ? "kill switch engaged by " : "kill switch released by ") + by + ": " + reason);
        scheduler.wake();
        notifier.send(NotificationMessages.killSwitch(new KillSwitchChange(engaged, by, reason, clock.instant())));
    }

    private boolean killSwitchOn() {
        try {
            return execution.riskGate().state() == TradingState.HALTED;
        } catch (RuntimeException e) {
            // Unknown state: starting nothing is the safe side; the scheduler asks again shortly.
            LOG.error("cannot read the trading state ({}); no job starts until it can be read", e.getMessage());
            return true;
        }
    }

    /**
     * Every job a runtime with {@code config} runs: each enabled strategy's own, the follow-ups of those
     * that decide after the close, and the daily summary.
     */
    public static List<JobDefinition> jobsOf(AppConfig config) {
        List<JobDefinition> jobs = new ArrayList<>(config.jobs());
        jobs.addAll(followUpJobs(config));
        jobs.add(SUMMARY_JOB);
        return List.copyOf(jobs);
    }

    /**
     * For every enabled strategy that decides after the close: a {@link #RELEASE} job at 19:00 ET that sends
     * its decision's market-on-open sells (held since 16:15: Alpaca refuses them from 09:28 to 19:00 ET),
     * and a {@link #FOLLOW_UP} job right after each open: the buys go then, once the sells have left the
     * opening auction.
     */
    static List<JobDefinition> followUpJobs(AppConfig config) {
        List<JobDefinition> out = new ArrayList<>();
        for (StrategySettings s : config.enabledStrategies()) {
            try {
                if (LiveStrategies.strategy(s).execution().decidesAfterClose()) {
                    out.add(new JobDefinition(s.strategyId(), RELEASE, Trigger.daily(Anchor.EVENING, 0)));
                    out.add(new JobDefinition(s.strategyId(), FOLLOW_UP, Trigger.daily(Anchor.OPEN, 5)));
                }
            } catch (IllegalArgumentException e) {
                // Invalid parameters fail the strategy's own runs with their message (journalled, notified).
            }
        }
        return out;
    }

    /** One scheduled job: the daily summary, one live decision cycle of the job's strategy, or its follow-up. */
    private JobOutcome runJob(ScheduledJob job, CancellationToken cancel) {
        cancel.throwIfCancelled();
        if (job.definition().equals(SUMMARY_JOB)) {
            return sendDailySummary(job.tradingDay());
        }
        StrategySettings settings = config.strategy(job.strategyId()).orElseThrow(() -> new IllegalStateException(
                "strategy " + job.strategyId() + " is not in the settings this runtime started with; restart it"));
        StrategyRun run = LiveStrategies.run(settings, app.strategyVersions());
        cancel.throwIfCancelled();
        // The follow-up after the open refreshes too: its buys are sized, and on the paper broker filled, at the
        // day's opening print, which only a refresh brings (without it they met yesterday's close).
        if (!job.definition().name().equals(RELEASE)) {
            dataRefresh.before(run.strategy(), clock.instant(), cancel);
        }
        RunResult result = switch (job.definition().name()) {
            case FOLLOW_UP -> execution.followUp(run);
            case RELEASE -> execution.release(run);
            case org.leverdesk.schedule.ScheduleDefaults.EXITS_JOB -> execution.run(run, false, true);
            default -> execution.run(run, false);
        };
        notifyFills(result.reconciliation());
        if (job.definition().name().equals(org.leverdesk.schedule.ScheduleDefaults.EXITS_JOB) && !result.decision().rebalance()) {
            // An exit check that closed nothing: the day's decision stays the last one shown and summarised.
            return JobOutcome.succeeded(RunReports.summary(result));
        }
        lastResults.put(job.strategyId(), result);
        pending.put(job, result);
        return JobOutcome.succeeded(RunReports.summary(result));
    }

    /** Sends a FILL notification (and journals it) for each order the reconciliation found filled since the last one. */
    private void notifyFills(ReconciliationReport rec) {
        if (rec == null) {
            return;
        }
        for (ReconciliationReport.Filled f : rec.filled()) {
            BrokerOrder o = f.order();
            FillReport fill = new FillReport(f.strategyId(), o.clientOrderId(), o.symbol(), o.side(), o.filledQuantity(),
                    o.filledAveragePrice(), o.updatedAt() != null ? o.updatedAt() : clock.instant());
            Notification n = NotificationMessages.fill(fill);
            notifier.send(n);
            journal.append("fill", f.strategyId(), n.title(), null);
        }
    }

    private JobOutcome sendDailySummary(LocalDate day) {
        // Orders that filled since the last run (e.g. this morning's market-on-open orders) are reported first.
        try {
            notifyFills(execution.reconcile());
        } catch (RuntimeException e) {
            LOG.warn("reconciliation before the daily summary failed: {}", e.getMessage());
        }
        List<String> ids = config.enabledStrategies().stream().map(StrategySettings::strategyId).toList();
        DailySummary summary = DailySummaries.of(broker, day, clock.instant(), ids, id -> lastDecision(id, day),
                previousSummaryEquity(day));
        Notification n = NotificationMessages.dailySummary(summary);
        notifier.send(n);
        // The equity in the details is the next summary's starting point for the day's P&L.
        journal.append(SUMMARY_KIND, null, n.title(), "{\"date\":\"" + day + "\",\"equity\":\""
                + summary.equity().toPlainString() + "\"}");
        writeReports(day);
        return JobOutcome.succeeded(n.title());
    }

    /**
     * The day's Markdown report, and the week's on its last trading day, in the reports folder and to every
     * channel. A report that cannot be built is journalled; it never fails the summary job.
     */
    private void writeReports(LocalDate day) {
        AccountReports reports = new AccountReports(app, config, broker);
        List<org.leverdesk.report.account.AccountReport.Kind> kinds = new java.util.ArrayList<>(
                List.of(org.leverdesk.report.account.AccountReport.Kind.DAILY));
        // The week's last trading day: the next one is in another week (a Friday, or Thursday before Good Friday).
        if (app.calendar().nextTradingDay(day).get(java.time.temporal.IsoFields.WEEK_OF_WEEK_BASED_YEAR)
                != day.get(java.time.temporal.IsoFields.WEEK_OF_WEEK_BASED_YEAR)) {
            kinds.add(org.leverdesk.report.account.AccountReport.Kind.WEEKLY);
        }
        for (var kind : kinds) {
            try {
                AccountReports.Written w = reports.write(kind, day, clock.instant());
                String title = (kind == org.leverdesk.report.account.AccountReport.Kind.DAILY ? "Daily" : "Weekly") + " report " + day;
                notifications.send(new Notification(NotificationKind.DAILY_SUMMARY, null, title, w.markdown(), clock.instant(),
                        w.chart()));
                journal.append("report", null, title + " written to " + w.file(), null);
            } catch (RuntimeException e) {
                LOG.warn("the {} report of {} failed: {}", kind, day, e.getMessage());
                journal.append("report", null, "the " + kind.name().toLowerCase(java.util.Locale.ROOT) + " report of " + day
                        + " failed: " + e.getMessage(), null);
            }
        }
    }

    /** The equity of the latest daily summary before {@code day}, or null when there is none. */
    private BigDecimal previousSummaryEquity(LocalDate day) {
        Instant dayStart = day.atStartOfDay(NyseCalendar.ZONE).toInstant();
        return journal.find(new JournalQuery(null, SUMMARY_KIND, null, dayStart, null, null, 1)).stream().findFirst()
                .map(JournalEntry::detailsJson).map(json -> AccountReports.EQUITY.matcher(json == null ? "" : json))
                .filter(Matcher::find).map(m -> new BigDecimal(m.group(1))).orElse(null);
    }

    private Decision lastDecision(String strategyId, LocalDate day) {
        RunResult r = lastResults.get(strategyId);
        if (r != null && r.decision() != null) {
            return r.decision();
        }
        // After a restart: the latest stored decision of the last few weeks.
        return app.decisions().list(strategyId, day.minusDays(40), day).stream()
                .max(Comparator.comparing(StoredDecision::createdAt)).map(StoredDecision::decision).orElse(null);
    }

    /**
     * Stops the scheduler (a running job finishes within {@link #STOP_GRACE} or is cancelled), waits up
     * to {@link #NOTIFY_DRAIN} for queued notifications, then closes the channels and releases the lock.
     */
    @Override
    public void close() {
        try {
            if (!scheduler.stop(STOP_GRACE)) {
                LOG.warn("the scheduler thread did not end; closing anyway");
            }
            try {
                if (!notifications.awaitIdle(NOTIFY_DRAIN)) {
                    LOG.warn("some notifications were still queued after {} s and are dropped", NOTIFY_DRAIN.toSeconds());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        } finally {
            notifications.close();
            dataRefresh.close();
            lock.close();
        }
    }
}
