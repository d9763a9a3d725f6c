package org.leverdesk.backtest.parity;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.leverdesk.backtest.BacktestConfig;
import org.leverdesk.backtest.BacktestEngine;
import org.leverdesk.backtest.BacktestResult;
import org.leverdesk.backtest.EquityPoint;
import org.leverdesk.backtest.metrics.MetricsCalculator;
import org.leverdesk.broker.paper.PaperBroker;
import org.leverdesk.broker.paper.PaperSettings;
import org.leverdesk.broker.sim.CommissionModel;
import org.leverdesk.broker.sim.SimFill;
import org.leverdesk.common.CancellationToken;
import org.leverdesk.common.ProgressListener;
import org.leverdesk.domain.BarSeries;
import org.leverdesk.domain.Decision;
import org.leverdesk.domain.Fill;
import org.leverdesk.domain.TradingMode;
import org.leverdesk.execution.ExecutionService;
import org.leverdesk.execution.OrderOutcome;
import org.leverdesk.execution.RunResult;
import org.leverdesk.execution.StrategyRun;
import org.leverdesk.market.calendar.NyseCalendar;
import org.leverdesk.market.calendar.SessionInstants;
import org.leverdesk.market.calendar.TradingCalendar;
import org.leverdesk.market.data.MarketData;
import org.leverdesk.market.data.VisibleUntil;
import org.leverdesk.options.chain.SyntheticChains;
import org.leverdesk.schedule.DayPlan;
import org.leverdesk.schedule.JobCalendar;
import org.leverdesk.schedule.JobDefinition;
import org.leverdesk.schedule.ScheduledJob;
import org.leverdesk.store.Store;
import org.leverdesk.strategy.Strategy;

/**
 * Replays sessions through the live path and compares it with a backtest of the same days. The live
 * side is what the daemon does: a fresh paper broker in a throwaway store, the {@link ExecutionService}
 * (reconcile, decide, plan, gate, record, send), each of the strategy's scheduled jobs run at its minute
 * of a simulated clock (the scheduler's own trigger rules give the minutes), and the market data fed one
 * session at a time: a job in the session's first hour sees the day's opening print (the provisional bar
 * minutes after the open), a later job the whole day's bar (standing for the provisional bar at 15:50).
 * The backtest side is {@link BacktestEngine} over the same bars. Compared: each decision (day,
 * targets), each fill (day, symbol, side, shares, price) and each session's closing equity to the cent.
 */
public final class ParityReplay {
    private final TradingCalendar calendar;
    private final SyntheticChains optionChains;
    private final boolean intradayExits;
    private final java.util.function.UnaryOperator<org.leverdesk.broker.Broker> interruptions;
    private final java.util.function.Supplier<LiveAccount> account;

    /**
     * The live side's account: the paper broker by default, or another broker (a test's fake Alpaca server) whose
     * market follows the replay's simulated clock. One instance serves one replay; {@link #open} is called again
     * after each simulated restart.
     */
    public interface LiveAccount extends AutoCloseable {
        /** A broker on the account as it stands (a new one after a restart); {@code visible} is the data seen so far. */
        org.leverdesk.broker.Broker open(Store store, MarketData visible, java.time.Clock clock, PaperSettings settings,
                                         SyntheticChains optionChains);

        /** The replay's clock moved to {@code now} with {@code visible} showing what it shows then: the market catches up. */
        default void moved(Instant now) {
        }

        /**
         * The chains the strategies read on this account, day by day, as live reads them (Alpaca's options snapshots);
         * null: the replay's synthetic chains, as on the paper broker. Asked after each {@link #open}.
         */
        default java.util.function.Function<LocalDate, org.leverdesk.strategy.OptionMarket> optionMarket() {
            return null;
        }

        /** The account's equity now (after {@link #moved}), unrounded. */
        double equity();

        /** Every fill so far: day, symbol (options by their OCC symbol), side, shares or contracts, price, commission. */
        List<Fill> fills();

        @Override
        default void close() {
        }
    }

    public ParityReplay(TradingCalendar calendar) {
        this(calendar, null);
    }

    /**
     * A replay of option strategies too: both runs quote options from {@code optionChains} (null: none), the
     * backtest's simulated broker and the paper broker alike, and strategies see the same chains.
     */
    public ParityReplay(TradingCalendar calendar, SyntheticChains optionChains) {
        this(calendar, optionChains, false, b -> b, null);
    }

    private ParityReplay(TradingCalendar calendar, SyntheticChains optionChains, boolean intradayExits,
                         java.util.function.UnaryOperator<org.leverdesk.broker.Broker> interruptions,
                         java.util.function.Supplier<LiveAccount> account) {
        this.calendar = calendar;
        this.optionChains = optionChains;
        this.intradayExits = intradayExits;
        this.interruptions = interruptions;
        this.account = account;
    }

    /** The same replay with the live side trading on the accounts {@code account} makes (one per replay), not the paper broker. */
    public ParityReplay withAccount(java.util.function.Supplier<LiveAccount> account) {
        return new ParityReplay(calendar, optionChains, intradayExits, interruptions, account);
    }

    /**
     * The same replay with the scheduler's intraday exit checks ({@code exits=every:10m}) run at each of their
     * minutes, as the daemon runs them. Each sees the day's bar (see the loop): on daily data a check can carry out an
     * exit earlier in the day than the backtest's daily decision, at the same price, never a different exit. For the
     * comparison a day's decision is the exits its checks carried out followed by its daily run's decision.
     */
    public ParityReplay withIntradayExits() {
        return new ParityReplay(calendar, optionChains, true, interruptions, account);
    }

    /**
     * The same replay with the live side's broker seen through {@code wrap} (applied again to each new paper broker
     * after a restart): a wrapper that throws {@link Killed} stands for the process dying at that call.
     */
    public ParityReplay withInterruptions(java.util.function.UnaryOperator<org.leverdesk.broker.Broker> wrap) {
        return new ParityReplay(calendar, optionChains, intradayExits, wrap, account);
    }

    /**
     * The live process dying in the middle of a job (in-process: the replay abandons the runtime, reopens the store,
     * makes a new broker and execution service on it, reconciles, and runs the job again).
     */
    public static final class Killed extends RuntimeException {
        public Killed(String where) {
            super("killed " + where);
        }
    }

    /**
     * Replays {@code run}'s strategy from {@code config.from()} to {@code config.to()} (both runs start with
     * {@code config.capital()} and its costs as the paper broker's half-spread and commission).
     *
     * @param data   every bar the strategy reads (the backtest reads it whole; the live side day by day)
     * @param jobs   the strategy's scheduled jobs (its run, and the follow-up when it decides after the close)
     * @param traded the symbol whose sessions drive both runs
     */
    public ParityReport compare(StrategyRun run, MarketData data, String traded, List<JobDefinition> jobs, BacktestConfig config,
                                ProgressListener progress, CancellationToken cancel) {
        Strategy strategy = run.strategy();
        Map<String, BarSeries> series = load(strategy, data, traded, config.to());
        progress.progress(0, "backtest");
        BacktestResult backtest = new BacktestEngine(calendar, new MetricsCalculator(), optionChains).run(strategy, run.version(), series,
                traded, config.withRecordDecisions(true), data.sourceLabel(), ProgressListener.NONE, cancel);
        Live live = replay(run, data, series.get(traded), jobs, config, progress, cancel);
        return diff(strategy.id(), backtest, live, config);
    }

    private static Map<String, BarSeries> load(Strategy strategy, MarketData data, String traded, LocalDate to) {
        Set<String> symbols = new LinkedHashSet<>();
        symbols.add(traded);
        symbols.addAll(strategy.symbols());
        Map<String, BarSeries> out = new HashMap<>();
        for (String s : symbols) {
            out.put(s, data.barsUpTo(s, to));
        }
        for (String s : strategy.optionalSymbols()) {
            try {
                BarSeries b = data.barsUpTo(s, to);
                if (!b.isEmpty()) {
                    out.put(s, b);
                }
            } catch (RuntimeException e) {
                // An optional symbol without data is skipped by both runs alike.
            }
        }
        return out;
    }

    /** What the live path did, session by session. */
    private record Live(List<Decision> decisions, List<Fill> fills, Map<LocalDate, BigDecimal> closes, int orders) {
    }

    private Live replay(StrategyRun run, MarketData data, BarSeries traded, List<JobDefinition> jobs, BacktestConfig config,
                        ProgressListener progress, CancellationToken cancel) {
        Path dir;
        try {
            dir = Files.createTempDirectory("leverdesk-parity");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot make a scratch folder for the replay's store: " + e.getMessage(), e);
        }
        int first = traded.indexAtOrAfter(config.from());
        int last = traded.indexAtOrBefore(config.to());
        VisibleUntil visible = new VisibleUntil(data, first > 0 ? traded.date(first - 1) : config.from().minusDays(1));
        MovableClock clock = new MovableClock(SessionInstants.of(calendar).open(traded.date(first)).minusSeconds(3600));
        SessionInstants sessions = SessionInstants.of(calendar);
        JobCalendar jobCalendar = new JobCalendar(calendar);
        List<Decision> decisions = new ArrayList<>();
        Map<LocalDate, BigDecimal> closes = new HashMap<>();
        int orders = 0;
        PaperSettings settings = new PaperSettings(BigDecimal.valueOf(config.capital()).setScale(2, RoundingMode.HALF_EVEN),
                config.costs().slippageBps() / 10_000.0, new CommissionModel(BigDecimal.valueOf(config.costs().commissionPerOrder()),
                BigDecimal.valueOf(config.costs().commissionPerShare())));
        LiveSide live = new LiveSide(dir, visible, clock, settings, config);
        try {
            for (int i = first; i <= last; i++) {
                cancel.throwIfCancelled();
                LocalDate day = traded.date(i);
                progress.progress((double) (i - first) / (last - first + 1), day.toString());
                visible.setLast(day);
                List<Decision> exitsToday = new ArrayList<>();
                for (ScheduledJob job : DayPlan.of(day, jobs, jobCalendar).jobs()) {
                    boolean exits = job.name().equals(org.leverdesk.schedule.ScheduleDefaults.EXITS_JOB);
                    if (exits && !intradayExits) {
                        // Daily bars have no intraday prices: the backtest checks exits once a day, so does the replay.
                        continue;
                    }
                    clock.set(job.instant());
                    live.account.moved(job.instant());
                    // Minutes after the open the provisional bar is the opening print; near the close it is the day.
                    // An exit check sees the day's bar at every minute: the backtest checks exits at the day's close
                    // and daily data has no order of the day's prices, so the close stands for each check's price.
                    if (!exits && job.instant().isBefore(sessions.open(day).plusSeconds(3600))) {
                        visible.setOpening(day);
                    } else {
                        visible.setLast(day);
                    }
                    RunResult r = live.runJob(run, job.name(), exits);
                    if (exits) {
                        if (r.decision().rebalance()) {
                            exitsToday.add(r.decision());
                        }
                    } else if (!job.name().equals("follow-up") && !job.name().equals("release-opg")) {
                        decisions.add(exitsToday.isEmpty() ? r.decision() : merged(exitsToday, r.decision()));
                        exitsToday.clear();
                    }
                    for (OrderOutcome o : r.outcomes()) {
                        if (o.brokerOrderId() != null) {
                            orders++;
                        }
                    }
                }
                // After the session: the closing auction, day orders expire, the close is the day's equity.
                visible.setLast(day);
                Instant close = sessions.close(day);
                clock.set(close.plusSeconds(60));
                live.account.moved(close.plusSeconds(60));
                closes.put(day, BigDecimal.valueOf(live.account.equity()).setScale(2, RoundingMode.HALF_EVEN));
            }
            List<Fill> fills = new ArrayList<>(live.account.fills());
            fills.sort(Comparator.comparing(Fill::date));
            return new Live(decisions, fills, closes, orders);
        } finally {
            live.store.close();
            live.account.close();
            deleteQuietly(dir);
        }
    }

    /**
     * The day's decision as the backtest makes it in one call: the exits the 10-minute checks carried out during
     * the session, then the daily run's decision (its entries), in that order.
     */
    private static Decision merged(List<Decision> exits, Decision run) {
        List<org.leverdesk.domain.Target> targets = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        for (Decision d : exits) {
            targets.addAll(d.targets());
            notes.add(d.explanation().summary());
        }
        if (run.rebalance()) {
            targets.addAll(run.targets());
        }
        notes.add(run.explanation().summary());
        return new Decision(run.date(), run.strategyId(), true, targets, new org.leverdesk.domain.Explanation(String.join("; ", notes),
                run.explanation().signals(), run.explanation().gates(), null));
    }

    /**
     * The live runtime over the replay's store: the paper broker (through {@link #interruptions}) and the execution
     * service. A {@link Killed} thrown inside a job abandons it: the store is closed and opened again, a new paper
     * broker and execution service are made on it, reconcile, and the job runs again, as the daemon does when it is
     * started again within the job's minute.
     */
    private final class LiveSide {
        private final Path dir;
        private final MarketData visible;
        private final MovableClock clock;
        private final PaperSettings settings;
        private final BacktestConfig config;
        private final LiveAccount account;
        private Store store;
        private ExecutionService execution;

        LiveSide(Path dir, MarketData visible, MovableClock clock, PaperSettings settings, BacktestConfig config) {
            this.dir = dir;
            this.visible = visible;
            this.clock = clock;
            this.settings = settings;
            this.config = config;
            this.account = ParityReplay.this.account == null ? new PaperAccount() : ParityReplay.this.account.get();
            open();
        }

        private void open() {
            store = Store.open(dir);
            org.leverdesk.broker.Broker broker = account.open(store, visible, clock, settings, optionChains);
            ExecutionService e = new ExecutionService(interruptions.apply(broker), visible, calendar, store, config.risk(),
                    TradingMode.PAPER, clock);
            var market = account.optionMarket();
            if (market != null) {
                e.setOptionMarket(market);
            } else {
                e.setOptionChains(optionChains);
            }
            if (broker instanceof PaperBroker paper) {
                paper.addOptionListener(ev -> e.recordOptionEvents(List.of(ev)));
            }
            execution = e;
        }

        RunResult runJob(StrategyRun run, String name, boolean exits) {
            for (int attempt = 0; ; attempt++) {
                try {
                    return switch (name) {
                        case "follow-up" -> execution.followUp(run);
                        case "release-opg" -> execution.release(run);
                        default -> execution.run(run, false, exits);
                    };
                } catch (Killed k) {
                    if (attempt > 10) {
                        throw new IllegalStateException("the live side was killed more than ten times in one job", k);
                    }
                    store.close();
                    open();
                    execution.reconcile();
                }
            }
        }
    }
    /** The default live account: a fresh paper broker in the replay's store, as the daemon runs it. */
    private final class PaperAccount implements LiveAccount {
        private PaperBroker paper;

        @Override
        public org.leverdesk.broker.Broker open(Store store, MarketData visible, java.time.Clock clock, PaperSettings settings,
                                                SyntheticChains chains) {
            paper = new PaperBroker(store, visible, clock, calendar, settings, chains);
            return paper;
        }

        @Override
        public double equity() {
            // equityValue() catches the account up first. Measured as the backtest's curve is (unrounded marks): the
            // account's exact figure marks at $0.0001 a share and can differ by that rounding, not by what happened.
            return paper.equityValue();
        }

        @Override
        public List<Fill> fills() {
            List<Fill> out = new ArrayList<>();
            for (SimFill f : paper.fills()) {
                out.add(new Fill(f.at().atZone(NyseCalendar.ZONE).toLocalDate(), f.symbol(), f.side(),
                        f.quantity().longValueExact(), f.price().doubleValue(), f.commission().doubleValue(), ""));
            }
            return out;
        }
    }

    /** The earliest difference of all kinds: a wrong fill on Monday explains Tuesday's different decision. */
    private static ParityReport diff(String id, BacktestResult backtest, Live live, BacktestConfig config) {
        List<ParityReport.Difference> found = new ArrayList<>();
        List<Decision> bd = backtest.decisions();
        List<Decision> ld = live.decisions();
        for (int k = 0; k < Math.min(bd.size(), ld.size()); k++) {
            Decision b = bd.get(k);
            Decision l = ld.get(k);
            if (!b.date().equals(l.date()) || b.rebalance() != l.rebalance() || !b.targets().equals(l.targets())) {
                found.add(new ParityReport.Difference(b.date(), "decision", describe(b), describe(l)));
                break;
            }
            // The exits by kind (stop, profit take, before expiry day) with their figures, not only their targets.
            if (!exits(b).equals(exits(l))) {
                found.add(new ParityReport.Difference(b.date(), "exits", exits(b).toString(), exits(l).toString()));
                break;
            }
        }
        if (bd.size() != ld.size()) {
            found.add(new ParityReport.Difference(config.to(), "number of decisions", String.valueOf(bd.size()),
                    String.valueOf(ld.size())));
        }
        // Within a day fills are compared in a fixed order (the two runs may report one session's fills in a
        // different order: auction, sweep and stop fills share the day's date).
        Comparator<Fill> order = Comparator.comparing(Fill::date).thenComparing(Fill::symbol).thenComparing(Fill::side)
                .thenComparingLong(Fill::quantity).thenComparingDouble(Fill::price);
        List<Fill> bf = backtest.fills().stream().sorted(order).toList();
        List<Fill> lf = live.fills().stream().sorted(order).toList();
        for (int k = 0; k < Math.max(bf.size(), lf.size()); k++) {
            Fill b = k < bf.size() ? bf.get(k) : null;
            Fill l = k < lf.size() ? lf.get(k) : null;
            if (b == null || l == null || !sameFill(b, l)) {
                LocalDate day = b == null ? l.date() : l == null || b.date().isBefore(l.date()) ? b.date() : l.date();
                found.add(new ParityReport.Difference(day, "fill #" + (k + 1), describe(b), describe(l)));
                break;
            }
        }
        for (EquityPoint p : backtest.equity()) {
            BigDecimal b = BigDecimal.valueOf(p.equity()).setScale(2, RoundingMode.HALF_EVEN);
            BigDecimal l = live.closes().get(p.date());
            if (l == null || b.subtract(l).abs().compareTo(new BigDecimal("0.01")) > 0) {
                found.add(new ParityReport.Difference(p.date(), "equity at the close", "$" + b, l == null ? "none" : "$" + l));
                break;
            }
        }
        ParityReport.Difference first = found.stream().min(Comparator.comparing(ParityReport.Difference::day)).orElse(null);
        return new ParityReport(id, config.from(), config.to(), backtest.equity().size(), bd.size(), live.orders(),
                lf.size(), first);
    }

    /** The exit clauses of a decision's explanation ("close the … position (…): stop: …"), in order. */
    private static List<String> exits(Decision d) {
        if (d.explanation() == null || d.explanation().summary() == null) {
            return List.of();
        }
        return java.util.Arrays.stream(d.explanation().summary().split("; ")).filter(n -> n.startsWith("close the ")).toList();
    }

    private static boolean sameFill(Fill b, Fill l) {
        return b.date().equals(l.date()) && b.symbol().equals(l.symbol()) && b.side() == l.side()
                && b.quantity() == l.quantity() && Math.abs(b.price() - l.price()) < 1e-9;
    }

    private static String describe(Decision d) {
        return d.rebalance() ? "targets " + d.targets() : "hold";
    }

    private static String describe(Fill f) {
        return f == null ? "no fill" : f.date() + " " + f.side() + " " + f.quantity() + " " + f.symbol() + " at " + f.price();
    }

    private static void deleteQuietly(Path dir) {
        try (var paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // A scratch folder left in the temp directory is harmless.
        }
    }
}
