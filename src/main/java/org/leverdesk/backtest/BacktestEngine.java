package org.leverdesk.backtest;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.leverdesk.backtest.metrics.Metrics;
import org.leverdesk.backtest.metrics.MetricsCalculator;
import org.leverdesk.broker.sim.BarDay;
import org.leverdesk.broker.sim.CommissionModel;
import org.leverdesk.broker.sim.DayPrices;
import org.leverdesk.broker.sim.SimBroker;
import org.leverdesk.broker.sim.SimOptionEvent;
import org.leverdesk.options.chain.SyntheticChains;
import org.leverdesk.broker.sim.SimDividend;
import org.leverdesk.broker.sim.SimFill;
import org.leverdesk.common.CancellationToken;
import org.leverdesk.common.ProgressListener;
import org.leverdesk.domain.BarSeries;
import org.leverdesk.domain.Decision;
import org.leverdesk.domain.Fill;
import org.leverdesk.domain.History;
import org.leverdesk.domain.ReplayCursor;
import org.leverdesk.execution.DecisionCycle;
import org.leverdesk.execution.DecisionLog;
import org.leverdesk.execution.IntentLog;
import org.leverdesk.execution.OrderOutcome;
import org.leverdesk.execution.RunResult;
import org.leverdesk.execution.StrategyRun;
import org.leverdesk.market.calendar.SessionInstants;
import org.leverdesk.market.calendar.TradingCalendar;
import org.leverdesk.risk.RiskGate;
import org.leverdesk.strategy.ExecutionPolicy;
import org.leverdesk.strategy.Strategy;

/**
 * A backtest is the one {@link DecisionCycle} driven by a replay clock over stored bars, with a
 * {@link SimBroker} as the broker: the strategy, risk gate, order planner and broker code that paper
 * and live trading run, with nothing of its own that decides or fills. For each trading day of the
 * traded symbol in the range it
 * <ol>
 *   <li>advances every symbol's {@link History} to today (a strategy can never see a later bar: the
 *       histories reject any index past today);</li>
 *   <li>opens the session with {@link BarDay#open}: dividends going ex today are paid on the shares held,
 *       market-on-open orders fill at the open; yesterday's after-close decision sends its buys (its sells
 *       filled in the auction); resting limits and stops meet the day's range ({@link BarDay#sweep});</li>
 *   <li>for a strategy that decides before the close, prints every symbol at its close (the provisional
 *       bar a live run at 15:50 decides on is, in a replay, the day's bar) and runs the cycle at the
 *       strategy's minute, so its market orders fill at the close quote; then closes the session (day
 *       orders expire);</li>
 *   <li>for a strategy that decides after the close, closes the session first and runs the cycle after
 *       it: its orders go to the next open, as they would live;</li>
 *   <li>records the equity (cash plus positions at the close).</li>
 * </ol>
 * Costs: the broker's quotes are the printed price ± the slippage (a half-spread: buys pay the ask,
 * sells get the bid) and its commission model charges per order and per share.
 */
public final class BacktestEngine {
    private static final int PROGRESS_EVERY = 512;
    private final TradingCalendar calendar;
    private final MetricsCalculator metricsCalculator;
    private final SyntheticChains optionChains;

    public BacktestEngine(TradingCalendar calendar, MetricsCalculator metricsCalculator) {
        this(calendar, metricsCalculator, null);
    }

    /**
     * With option chains ({@code null}: none): the simulated broker quotes options from them at every
     * price it prints, the strategy sees the chains of each decision's day, and option positions are
     * settled at the close of their expiration day ({@link SimBroker#settleExpiries}).
     */
    public BacktestEngine(TradingCalendar calendar, MetricsCalculator metricsCalculator, SyntheticChains optionChains) {
        this.calendar = calendar;
        this.metricsCalculator = metricsCalculator;
        this.optionChains = optionChains;
    }

    /**
     * Runs {@code strategy} over {@code data} (all history up to {@code config.to()}, so indicators
     * can warm up before {@code config.from()}).
     *
     * @param tradedSymbol the symbol whose trading days drive the loop
     */
    public BacktestResult run(Strategy strategy, Map<String, BarSeries> data, String tradedSymbol, BacktestConfig config,
                              String dataSource, ProgressListener progress, CancellationToken cancel) {
        return run(strategy, 1, data, tradedSymbol, config, dataSource, progress, cancel);
    }

    /** Like {@link #run(Strategy, Map, String, BacktestConfig, String, ProgressListener, CancellationToken)} with the version number its order ids carry. */
    public BacktestResult run(Strategy strategy, int version, Map<String, BarSeries> data, String tradedSymbol,
                              BacktestConfig config, String dataSource, ProgressListener progress, CancellationToken cancel) {
        return replay(strategy.id(), List.of(new StrategyRun(strategy, version, null, 1.0)), null, data, tradedSymbol, config,
                dataSource, progress, cancel, false).result();
    }

    /**
     * Several strategies on ONE simulated account (an options mode): each decides with its capital share and its own
     * view of the account ({@code Broker.portfolioView}), through the same cycle, risk step (with {@code portfolio}'s
     * per-asset gates when not null), planner and broker as a single run. Same-day order: strategies that decide before
     * the close run at their decision minute, earlier minute first (market-on-close at 15:45 before 15:50), in the
     * order of {@code runs} within a minute; those that decide after the close run after it, in the order of
     * {@code runs}; yesterday's after-close follow-ups run after the open in the order of {@code runs}.
     *
     * @param runId       the combined result's strategy id (e.g. {@code mode:balanced})
     * @param daysSymbol  the symbol whose trading days drive the loop (it need not be traded)
     */
    public PortfolioRun runTogether(String runId, List<StrategyRun> runs, org.leverdesk.config.OptionsPortfolio portfolio,
                                    Map<String, BarSeries> data, String daysSymbol, BacktestConfig config, String dataSource,
                                    ProgressListener progress, CancellationToken cancel) {
        if (runs.isEmpty()) {
            throw new IllegalArgumentException("a portfolio backtest needs at least one strategy");
        }
        double shares = 0;
        Set<String> owners = new java.util.HashSet<>();
        for (StrategyRun r : runs) {
            shares += r.capitalShare();
            if (!owners.add(r.strategy().id())) {
                throw new IllegalArgumentException(r.strategy().id() + " is listed twice; each strategy runs once in a portfolio");
            }
        }
        if (shares > 1 + 1e-9) {
            throw new IllegalArgumentException("the strategies' capital shares add up to " + shares + "; they must add up to at most 1");
        }
        return replay(runId, runs, portfolio, data, daysSymbol, config, dataSource, progress, cancel, true);
    }

    private PortfolioRun replay(String runId, List<StrategyRun> runs, org.leverdesk.config.OptionsPortfolio portfolio,
                                Map<String, BarSeries> data, String tradedSymbol, BacktestConfig config, String dataSource,
                                ProgressListener progress, CancellationToken cancel, boolean parts) {
        if (config.allowMargin()) {
            throw new IllegalArgumentException("backtests trade a cash account (the simulated broker lends nothing); run"
                    + " without margin");
        }
        Set<String> symbolSet = new LinkedHashSet<>();
        symbolSet.add(tradedSymbol);
        for (StrategyRun r : runs) {
            symbolSet.addAll(r.strategy().symbols());
        }
        for (StrategyRun r : runs) {
            for (String optional : r.strategy().optionalSymbols()) {
                BarSeries b = data.get(optional);
                if (b != null && !b.isEmpty()) {
                    symbolSet.add(optional); // a missing optional symbol is the strategy's to report, not an error
                }
            }
        }
        String[] symbols = symbolSet.toArray(String[]::new);
        BarSeries[] series = new BarSeries[symbols.length];
        for (int s = 0; s < symbols.length; s++) {
            series[s] = data.get(symbols[s]);
            if (series[s] == null || series[s].isEmpty()) {
                throw new IllegalArgumentException("no price data for " + symbols[s] + "; import it or point --prices at a folder with " + symbols[s] + ".csv");
            }
        }
        BarSeries traded = series[0];
        int start = traded.indexAtOrAfter(config.from());
        int end = traded.indexAtOrBefore(config.to());
        if (start > end) {
            throw new IllegalArgumentException("no " + tradedSymbol + " bars between " + config.from() + " and " + config.to()
                    + "; its data covers " + traded.firstDate() + " .. " + traded.lastDate());
        }
        int days = end - start + 1;
        Replay replay = new Replay(runs, portfolio, symbols, series, config, calendar, optionChains);
        LocalDate[] dates = new LocalDate[days];
        double[] equity = new double[days];
        double[] cash = new double[days];
        double[] positionValue = new double[days];
        boolean[] invested = new boolean[days];
        for (int k = 0; k < days; k++) {
            LocalDate today = traded.date(start + k);
            if ((k & (PROGRESS_EVERY - 1)) == 0) {
                cancel.throwIfCancelled();
                progress.progress((double) k / days, today.toString());
            }
            // The replay's broker is its own (no other thread sees it): holding its monitor for the whole day lets
            // the JIT drop the lock of each of the day's many broker calls (each would otherwise pay a CAS).
            synchronized (replay.sim) {
                replay.day(today, traded.epochDay(start + k), k == 0);
                equity[k] = replay.sim.equityValue();
                cash[k] = replay.sim.cashValue();
                invested[k] = replay.sim.hasPositions();
            }
            dates[k] = today;
            positionValue[k] = equity[k] - cash[k];
        }
        progress.progress(1.0, "metrics");

        List<EquityPoint> curve = new ArrayList<>(days);
        for (int k = 0; k < days; k++) {
            curve.add(new EquityPoint(dates[k], equity[k], cash[k], positionValue[k]));
        }
        List<Fill> fills = List.copyOf(replay.fills);
        RoundTripTracker trips = new RoundTripTracker();
        fills.forEach(trips::add);
        List<RoundTrip> closed = trips.closed();
        Metrics metrics = metricsCalculator.compute(dates, equity, invested, fills.size(),
                closed.stream().mapToDouble(RoundTrip::profit).toArray());
        double[] benchmark = null;
        Metrics benchmarkMetrics = null;
        if (config.benchmarkSymbol() != null && !config.benchmarkSymbol().isBlank()) {
            BarSeries b = data.get(config.benchmarkSymbol());
            if (b == null || b.isEmpty()) {
                throw new IllegalArgumentException("no price data for benchmark " + config.benchmarkSymbol());
            }
            benchmark = BuyAndHold.equity(b, dates, config.capital());
            benchmarkMetrics = metricsCalculator.compute(dates, benchmark, null, 1, new double[0]);
        }
        BacktestResult result = new BacktestResult(runId, tradedSymbol, config, dataSource, curve, benchmark, metrics,
                benchmarkMetrics, fills, closed, replay.decisions, List.copyOf(replay.dividends), replay.openOptionValues());
        return parts ? new PortfolioRun(result, replay.contributions(), replay.fillsByStrategy(), replay.denials)
                : new PortfolioRun(result, List.of());
    }

    /** The state of one replay: the broker, the cycle, the cursors, and what it has recorded. */
    private static final class Replay implements DayPrices, DecisionLog {
        final SimBroker sim;
        final DecisionCycle cycle;
        // The strategies in their given order, and the same-day groups (see runTogether).
        final List<Slot> slots = new ArrayList<>();
        final Map<String, Slot> byId = new HashMap<>();
        final List<List<Slot>> beforeClose = new ArrayList<>();
        final List<Slot> afterClose = new ArrayList<>();
        final boolean record;
        final double halfSpread;
        final String[] symbols;
        final BarSeries[] series;
        final ReplayCursor cursor;
        final SessionInstants sessions;
        final TradingCalendar calendar;
        final ReplayClock clock = new ReplayClock();
        final List<Decision> decisions;
        final List<Fill> fills = new ArrayList<>();
        // Which strategy each fill (same index) belongs to: the one that sent its order, else the one trading its symbol.
        // Not kept with an ownership book (several strategies), which attributes by contract instead (ownFills).
        final List<String> fillOwners = new ArrayList<>();
        // Several strategies: contract-level ownership (decision record 0031) tells each one's part of a shared
        // position, and splits an assignment or expiry among the strategies holding the contract. Null for one strategy.
        final org.leverdesk.execution.SimOwnershipBook book;
        // With the book: each strategy's fills (an event's fill split into each holder's part), "" for nobody's part;
        // and each strategy's dividends, by its share count at the ex-date.
        final Map<String, List<Fill>> ownFills = new HashMap<>();
        final Map<String, Double> ownDividends = new HashMap<>();
        final List<DividendPayment> dividends = new ArrayList<>();
        final List<SimFill> pendingFills = new ArrayList<>();
        // Why each order was sent, by broker order id: the reason its fills carry.
        final Map<String, String> reasons = new HashMap<>();
        // Which strategy sent each order, by broker order id.
        final Map<String, String> senders = new HashMap<>();
        // With the book: the risk step's denials ("risk-denied" journal entries, which a backtest has no journal for).
        final List<String> denials = new ArrayList<>();
        LocalDate today;

        /** One strategy of the replay with its own after-close follow-up state. */
        static final class Slot {
            final StrategyRun run;
            final boolean afterClose;
            final boolean onClose;
            final Set<String> traded;
            // An after-close decision whose buys wait for the next open.
            Decision deferred;
            LocalDate deferredDay;
            Set<String> deferredWanted = Set.of();
            // What tonight's decision wants more of (DecisionLog.deferredBuys), for the follow-up after the next open.
            final Set<String> wanted = new java.util.HashSet<>();

            Slot(StrategyRun run) {
                this.run = run;
                this.afterClose = run.strategy().execution().decidesAfterClose();
                this.onClose = run.strategy().execution().marketOnClose();
                this.traded = Set.copyOf(run.strategy().tradedSymbols());
            }
        }

        Replay(List<StrategyRun> runs, org.leverdesk.config.OptionsPortfolio portfolio, String[] symbols, BarSeries[] series,
               BacktestConfig config, TradingCalendar calendar, SyntheticChains optionChains) {
            this.symbols = symbols;
            this.series = series;
            this.calendar = calendar;
            this.cursor = new ReplayCursor(series);
            this.sessions = SessionInstants.of(calendar);
            this.record = config.recordDecisions();
            this.decisions = record ? new ArrayList<>() : List.of();
            for (StrategyRun r : runs) {
                Slot slot = new Slot(r);
                slots.add(slot);
                byId.put(r.strategy().id(), slot);
                if (slot.afterClose) {
                    afterClose.add(slot);
                }
            }
            // Before the close: market-on-close strategies (15:45) first, then the others (15:50), each in the given order.
            for (boolean moc : new boolean[] {true, false}) {
                List<Slot> group = slots.stream().filter(x -> !x.afterClose && x.onClose == moc).toList();
                if (!group.isEmpty()) {
                    beforeClose.add(group);
                }
            }
            this.halfSpread = config.costs().slippageBps() / 10_000.0;
            CommissionModel commission = new CommissionModel(BigDecimal.valueOf(config.costs().commissionPerOrder()),
                    BigDecimal.valueOf(config.costs().commissionPerShare()));
            this.sim = new SimBroker("backtest", BigDecimal.valueOf(config.capital()).setScale(2, java.math.RoundingMode.HALF_EVEN),
                    commission, calendar, Instant.EPOCH, false);
            sim.stopTrackingChanges();
            sim.addFillListener(pendingFills::add);
            sim.addDividendListener(this::dividend);
            // Created before the first order: the book counts fills from now on. One strategy keeps the whole-account
            // view (PositionBook.NONE), so a single-strategy backtest is what it always was.
            this.book = runs.size() > 1 ? new org.leverdesk.execution.SimOwnershipBook(sim,
                    runs.stream().map(r -> r.strategy().id()).toList()) : null;
            this.cycle = book == null ? new DecisionCycle(sim, calendar, config.risk(), clock, RiskGate.inMemory(), this,
                    IntentLog.NONE, Duration.ZERO) : new DecisionCycle(sim, calendar, config.risk(), clock, RiskGate.inMemory(),
                    this, IntentLog.NONE, Duration.ZERO, book);
            if (portfolio != null) {
                cycle.setPortfolio(portfolio);
            }
            this.options = optionChains != null;
            if (options) {
                sim.setOptionChains(optionChains);
                cycle.setOptionChains(optionChains);
                // Expiry fills carry what happened (assigned, expired) as their reason.
                sim.addOptionListener(e -> {
                    reasons.put(e.optionFillId(), e.describe());
                    if (e.shareFillId() != null) {
                        reasons.put(e.shareFillId(), e.describe());
                    }
                    optionEvents.add(e);
                });
            }
        }

        final boolean options;
        final List<SimOptionEvent> optionEvents = new ArrayList<>();

        /** At the close of an expiration day: expiring options are exercised, assigned or expire. */
        private void settleOptions(LocalDate day) {
            if (options) {
                sim.settleExpiries(day);
                takeFills();
            }
        }

        void day(LocalDate day, long epochDay, boolean first) {
            today = day;
            cursor.advanceTo(day, epochDay);
            // One look-up of the session's moments (kept per calendar), no date arithmetic per day.
            Instant[] moments = sessions.momentsOfEpochDay(epochDay);
            if (moments == null) {
                // A bar on a day the exchange calendar calls closed (an irregular source): a 9:30-16:00 session.
                Instant nineThirty = day.atTime(9, 30).atZone(org.leverdesk.market.calendar.NyseCalendar.ZONE).toInstant();
                moments = sessions.moments(day, nineThirty, nineThirty.plus(Duration.ofMinutes(390)));
            }
            Instant open = moments[SessionInstants.OPEN];
            Instant close = moments[SessionInstants.CLOSE];
            clock.set(open);
            BarDay.open(sim, open, this, halfSpread);
            takeFills();
            for (Slot slot : slots) {
                if (slot.deferred != null) {
                    // Yesterday's after-close decision: its sells filled in the opening auction; its buys go at the
                    // follow-up job's minute, at the opening quotes.
                    Instant followUp = moments[SessionInstants.FOLLOW_UP];
                    clock.set(followUp);
                    sim.setTime(followUp);
                    RunResult r = cycle.followUp(slot.run, slot.deferredDay, slot.deferred, slot.deferredWanted, false);
                    slot.deferred = null;
                    noteReasons(slot, r);
                    takeFills();
                }
            }
            BarDay.sweep(sim, open, this, halfSpread);
            takeFills();
            if (beforeClose.isEmpty()) {
                BarDay.mark(sim, close, this, halfSpread);
            } else {
                for (List<Slot> group : beforeClose) {
                    // Market-on-close strategies decide at 15:45 (12:45), before Alpaca's CLS cutoff; others at 15:50.
                    Instant decision = group.get(0).onClose ? close.minusSeconds(60L * ExecutionPolicy.MOC_DECISION_MINUTES)
                            : moments[SessionInstants.DECISION];
                    clock.set(decision);
                    BarDay.mark(sim, decision, this, halfSpread);
                    decide(group, day, first);
                }
                clock.set(close);
            }
            BarDay.close(sim, close);
            takeFills();
            settleOptions(day);
            if (!afterClose.isEmpty()) {
                // After-hours quotes are the close: what the strategy's 16:15 run would be quoted.
                Instant after = moments[SessionInstants.AFTER_CLOSE];
                clock.set(after);
                BarDay.mark(sim, after, this, halfSpread);
                decide(afterClose, day, first);
            }
        }

        /** Each strategy of {@code group} decides at the same minute, in order; then their held auction orders are released. */
        private void decide(List<Slot> group, LocalDate day, boolean first) {
            List<Runnable> releases = new ArrayList<>();
            for (Slot slot : group) {
                decide(slot, day, first, releases);
            }
            releases.forEach(Runnable::run);
        }

        private void decide(Slot slot, LocalDate day, boolean first, List<Runnable> releases) {
            RunResult r = cycle.run(slot.run, day, cursor.snapshot(), first, record, false, null);
            // As the live follow-up job does: a decision after the close that wants more of a symbol is followed up
            // after the next open, even when no buy fitted tonight (the cash was still in positions being sold).
            if (slot.afterClose && !slot.wanted.isEmpty()) {
                slot.deferred = r.decision();
                slot.deferredDay = day;
                slot.deferredWanted = Set.copyOf(slot.wanted);
            }
            slot.wanted.clear();
            if (r.outcomes().isEmpty()) {
                return;
            }
            noteReasons(slot, r);
            takeFills();
            // Market-on-open orders decided at 16:15 are held, as live, until Alpaca takes them (19:00 ET).
            List<org.leverdesk.execution.PlannedOrder> held = new ArrayList<>();
            for (OrderOutcome o : r.outcomes()) {
                if (o.kind() == OrderOutcome.Kind.HELD) {
                    held.add(o.order());
                }
            }
            if (!held.isEmpty()) {
                releases.add(() -> {
                    Instant release = org.leverdesk.broker.AuctionWindows.nextOpgAcceptance(clock.instant(), calendar);
                    clock.set(release);
                    sim.setTime(release);
                    noteReasons(slot, cycle.release(slot.run, day, r.decision(), held, false), r.decision());
                    takeFills();
                });
            }
        }

        /** Remembers why each sent order was sent: its fills carry the decision's summary (a stop its own reason). */
        private void noteReasons(Slot slot, RunResult r) {
            noteReasons(slot, r, r.decision());
        }

        private void noteReasons(Slot slot, RunResult r, Decision decision) {
            if (r.outcomes().isEmpty()) {
                return;
            }
            String why = decision.explanation().summary();
            for (OrderOutcome o : r.outcomes()) {
                if (o.brokerOrderId() != null) {
                    reasons.put(o.brokerOrderId(), o.order().stopPrice() != null ? o.order().reason() : why);
                    senders.put(o.brokerOrderId(), slot.run.strategy().id());
                }
            }
        }

        /** The strategy a fill is attributed to: the sender of its order, else the one trading its symbol ("" if none). */
        private String owner(SimFill f) {
            String sender = senders.get(f.brokerOrderId());
            if (sender != null) {
                return sender;
            }
            for (Slot slot : slots) {
                if (org.leverdesk.options.contract.OptionSymbols.belongsTo(slot.traded, f.symbol())) {
                    return slot.run.strategy().id();
                }
            }
            return "";
        }

        /** Each strategy's part of the result, in the given order (see {@link StrategyContribution}). */
        List<StrategyContribution> contributions() {
            List<StrategyContribution> out = new ArrayList<>();
            for (Slot slot : slots) {
                String id = slot.run.strategy().id();
                List<Fill> own = fillsOf(id);
                if (book != null) {
                    out.add(StrategyContribution.of(id, slot.run.capitalShare(), slot.traded, own,
                            ownDividends.getOrDefault(id, 0.0), ownOpenValue(id, slot.traded)));
                    continue;
                }
                double dividendsOwn = 0;
                for (DividendPayment d : dividends) {
                    if (slot.traded.contains(d.symbol())) {
                        dividendsOwn += d.amount();
                    }
                }
                double open = 0;
                synchronized (sim) {
                    for (org.leverdesk.broker.BrokerPosition p : sim.positions()) {
                        if (org.leverdesk.options.contract.OptionSymbols.belongsTo(slot.traded, p.symbol())
                                && p.quantity().signum() != 0 && p.marketValue() != null) {
                            open += p.marketValue().doubleValue();
                        }
                    }
                }
                out.add(StrategyContribution.of(id, slot.run.capitalShare(), slot.traded, own, dividendsOwn, open));
            }
            return List.copyOf(out);
        }

        /** Each strategy's own fills, by id. */
        Map<String, List<Fill>> fillsByStrategy() {
            Map<String, List<Fill>> out = new HashMap<>();
            for (Slot slot : slots) {
                out.put(slot.run.strategy().id(), fillsOf(slot.run.strategy().id()));
            }
            return out;
        }

        private List<Fill> fillsOf(String id) {
            if (book != null) {
                return List.copyOf(ownFills.getOrDefault(id, List.of()));
            }
            List<Fill> own = new ArrayList<>();
            for (int i = 0; i < fills.size(); i++) {
                if (fillOwners.get(i).equals(id)) {
                    own.add(fills.get(i));
                }
            }
            return own;
        }

        /** The market value after the last close of {@code id}'s part (by the book) of the positions in its symbols. */
        private double ownOpenValue(String id, Set<String> traded) {
            double open = 0;
            synchronized (sim) {
                List<org.leverdesk.broker.BrokerPosition> positions = sim.positions();
                Map<String, Long> parts = book.ownership(id, traded).parts(positions);
                for (org.leverdesk.broker.BrokerPosition p : positions) {
                    long part = parts.getOrDefault(p.symbol(), 0L);
                    if (part != 0 && p.quantity().signum() != 0 && p.marketValue() != null) {
                        open += p.marketValue().doubleValue() * part / p.quantity().doubleValue();
                    }
                }
            }
            return open;
        }

        /** The option positions open after the last close, each at its market value in dollars (× the multiplier). */
        Map<String, Double> openOptionValues() {
            Map<String, Double> out = new java.util.TreeMap<>();
            synchronized (sim) {
                for (org.leverdesk.broker.BrokerPosition p : sim.positions()) {
                    if (org.leverdesk.options.contract.OptionSymbols.contract(p.symbol()).isPresent() && p.quantity().signum() != 0) {
                        out.put(p.symbol(), p.marketValue().doubleValue());
                    }
                }
            }
            return out;
        }

        private void takeFills() {
            if (pendingFills.isEmpty()) {
                return;
            }
            for (SimFill f : pendingFills) {
                String reason = reasons.getOrDefault(f.brokerOrderId(), "");
                Fill fill = new Fill(today, f.symbol(), f.side(), f.quantity().longValueExact(), f.price().doubleValue(),
                        f.commission().doubleValue(), reason);
                fills.add(fill);
                if (book == null) {
                    fillOwners.add(owner(f));
                } else {
                    attribute(f, fill);
                }
            }
            pendingFills.clear();
        }

        /**
         * Gives {@code fill} to the strategy that sent its order; an option event's fill (assignment, expiry, exercise:
         * no order of ours) to the strategies holding the contract, each its part, as the book split the event.
         */
        private void attribute(SimFill f, Fill fill) {
            String sender = senders.get(f.brokerOrderId());
            Map<String, Long> parts = sender == null ? book.eventParts(f.brokerOrderId()) : Map.of();
            if (parts.isEmpty()) {
                ownFills.computeIfAbsent(sender == null ? owner(f) : sender, k -> new ArrayList<>()).add(fill);
                return;
            }
            long contracts = parts.values().stream().mapToLong(Long::longValue).sum();
            for (Map.Entry<String, Long> e : new java.util.TreeMap<>(parts).entrySet()) {
                // An option leg's fill is |contracts|; a share leg's 100 per contract: each holder's part of it.
                long quantity = fill.quantity() * Math.abs(e.getValue()) / Math.abs(contracts);
                if (quantity != 0) {
                    ownFills.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(new Fill(fill.date(), fill.symbol(),
                            fill.side(), quantity, fill.price(), fill.commission() * quantity / fill.quantity(), fill.reason()));
                }
            }
        }

        private void dividend(SimDividend d) {
            if (book != null && d.quantity().signum() != 0) {
                // Paid on the shares held at the ex-date: each strategy gets its count's part.
                for (Slot slot : slots) {
                    String id = slot.run.strategy().id();
                    long held = book.count(id, d.symbol());
                    if (held > 0) {
                        ownDividends.merge(id, d.amount().doubleValue() * held / d.quantity().doubleValue(), Double::sum);
                    }
                }
            }
            dividends.add(new DividendPayment(today, d.symbol(), d.quantity().longValue(), d.perShare().doubleValue(),
                    d.amount().doubleValue()));
        }

        // ---- DecisionLog: decisions are kept when the run records them; events have no reader ----

        @Override
        public Long decision(Decision decision, StrategyRun run) {
            if (record) {
                decisions.add(decision);
            }
            return null;
        }

        @Override
        public void append(String kind, String strategyId, String message, String detailsJson) {
            if (book != null && "risk-denied".equals(kind)) {
                denials.add(today + " " + strategyId + ": " + message);
            }
        }

        @Override
        public void deferredBuys(String strategyId, LocalDate day, Set<String> symbols) {
            Slot slot = byId.get(strategyId);
            if (slot != null) {
                slot.wanted.addAll(symbols);
            }
        }

        // ---- DayPrices: today's bars ----

        @Override
        public int size() {
            return symbols.length;
        }

        @Override
        public String symbol(int i) {
            return symbols[i];
        }

        @Override
        public boolean hasBar(int i) {
            return cursor.hasBarToday(i);
        }

        @Override
        public double open(int i) {
            return series[i].open(cursor.cursor(i));
        }

        @Override
        public double high(int i) {
            return series[i].high(cursor.cursor(i));
        }

        @Override
        public double low(int i) {
            return series[i].low(cursor.cursor(i));
        }

        @Override
        public double close(int i) {
            return series[i].close(cursor.cursor(i));
        }

        @Override
        public double dividend(int i) {
            return series[i].cashDividend(cursor.cursor(i));
        }
    }
}
