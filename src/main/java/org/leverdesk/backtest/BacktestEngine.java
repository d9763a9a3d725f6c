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
        if (config.allowMargin()) {
            throw new IllegalArgumentException("backtests trade a cash account (the simulated broker lends nothing); run"
                    + " without margin");
        }
        Set<String> symbolSet = new LinkedHashSet<>();
        symbolSet.add(tradedSymbol);
        symbolSet.addAll(strategy.symbols());
        for (String optional : strategy.optionalSymbols()) {
            BarSeries b = data.get(optional);
            if (b != null && !b.isEmpty()) {
                symbolSet.add(optional); // a missing optional symbol is the strategy's to report, not an error
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
        Replay replay = new Replay(strategy, version, symbols, series, config, calendar, optionChains);
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
        return new BacktestResult(strategy.id(), tradedSymbol, config, dataSource, curve, benchmark, metrics,
                benchmarkMetrics, fills, closed, replay.decisions, List.copyOf(replay.dividends), replay.openOptionValues());
    }

    /** The state of one replay: the broker, the cycle, the cursors, and what it has recorded. */
    private static final class Replay implements DayPrices, DecisionLog {
        final SimBroker sim;
        final DecisionCycle cycle;
        final StrategyRun run;
        final boolean afterClose;
        final boolean onClose;
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
        final List<DividendPayment> dividends = new ArrayList<>();
        final List<SimFill> pendingFills = new ArrayList<>();
        // Why each order was sent, by broker order id: the reason its fills carry.
        final Map<String, String> reasons = new HashMap<>();
        LocalDate today;
        // An after-close decision whose buys wait for the next open.
        Decision deferred;
        LocalDate deferredDay;
        Set<String> deferredWanted = Set.of();
        // What tonight's decision wants more of (DecisionLog.deferredBuys), for the follow-up after the next open.
        final Set<String> wanted = new java.util.HashSet<>();

        Replay(Strategy strategy, int version, String[] symbols, BarSeries[] series, BacktestConfig config,
               TradingCalendar calendar, SyntheticChains optionChains) {
            this.symbols = symbols;
            this.series = series;
            this.calendar = calendar;
            this.cursor = new ReplayCursor(series);
            this.sessions = SessionInstants.of(calendar);
            this.record = config.recordDecisions();
            this.decisions = record ? new ArrayList<>() : List.of();
            this.afterClose = strategy.execution().decidesAfterClose();
            this.onClose = strategy.execution().marketOnClose();
            this.halfSpread = config.costs().slippageBps() / 10_000.0;
            CommissionModel commission = new CommissionModel(BigDecimal.valueOf(config.costs().commissionPerOrder()),
                    BigDecimal.valueOf(config.costs().commissionPerShare()));
            this.sim = new SimBroker("backtest", BigDecimal.valueOf(config.capital()).setScale(2, java.math.RoundingMode.HALF_EVEN),
                    commission, calendar, Instant.EPOCH, false);
            sim.stopTrackingChanges();
            sim.addFillListener(pendingFills::add);
            sim.addDividendListener(this::dividend);
            this.run = new StrategyRun(strategy, version, null, 1.0);
            this.cycle = new DecisionCycle(sim, calendar, config.risk(), clock, RiskGate.inMemory(), this, IntentLog.NONE,
                    Duration.ZERO);
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
            if (deferred != null) {
                // Yesterday's after-close decision: its sells filled in the opening auction; its buys go at the
                // follow-up job's minute, at the opening quotes.
                Instant followUp = moments[SessionInstants.FOLLOW_UP];
                clock.set(followUp);
                sim.setTime(followUp);
                RunResult r = cycle.followUp(run, deferredDay, deferred, deferredWanted, false);
                deferred = null;
                noteReasons(r);
                takeFills();
            }
            BarDay.sweep(sim, open, this, halfSpread);
            takeFills();
            if (afterClose) {
                BarDay.mark(sim, close, this, halfSpread);
                BarDay.close(sim, close);
                takeFills();
                settleOptions(day);
                // After-hours quotes are the close: what the strategy's 16:15 run would be quoted.
                Instant after = moments[SessionInstants.AFTER_CLOSE];
                clock.set(after);
                BarDay.mark(sim, after, this, halfSpread);
                decide(day, first);
            } else {
                // Market-on-close strategies decide at 15:45 (12:45), before Alpaca's CLS cutoff; others at 15:50.
                Instant decision = onClose ? close.minusSeconds(60L * ExecutionPolicy.MOC_DECISION_MINUTES)
                        : moments[SessionInstants.DECISION];
                clock.set(decision);
                BarDay.mark(sim, decision, this, halfSpread);
                decide(day, first);
                clock.set(close);
                BarDay.close(sim, close);
                takeFills();
                settleOptions(day);
            }
        }

        private void decide(LocalDate day, boolean first) {
            RunResult r = cycle.run(run, day, cursor.snapshot(), first, record, false, null);
            // As the live follow-up job does: a decision after the close that wants more of a symbol is followed up
            // after the next open, even when no buy fitted tonight (the cash was still in positions being sold).
            if (afterClose && !wanted.isEmpty()) {
                deferred = r.decision();
                deferredDay = day;
                deferredWanted = Set.copyOf(wanted);
            }
            wanted.clear();
            if (r.outcomes().isEmpty()) {
                return;
            }
            noteReasons(r);
            takeFills();
            // Market-on-open orders decided at 16:15 are held, as live, until Alpaca takes them (19:00 ET).
            List<org.leverdesk.execution.PlannedOrder> held = new ArrayList<>();
            for (OrderOutcome o : r.outcomes()) {
                if (o.kind() == OrderOutcome.Kind.HELD) {
                    held.add(o.order());
                }
            }
            if (!held.isEmpty()) {
                Instant release = org.leverdesk.broker.AuctionWindows.nextOpgAcceptance(clock.instant(), calendar);
                clock.set(release);
                sim.setTime(release);
                noteReasons(cycle.release(run, day, r.decision(), held, false), r.decision());
                takeFills();
            }
        }

        /** Remembers why each sent order was sent: its fills carry the decision's summary (a stop its own reason). */
        private void noteReasons(RunResult r) {
            noteReasons(r, r.decision());
        }

        private void noteReasons(RunResult r, Decision decision) {
            if (r.outcomes().isEmpty()) {
                return;
            }
            String why = decision.explanation().summary();
            for (OrderOutcome o : r.outcomes()) {
                if (o.brokerOrderId() != null) {
                    reasons.put(o.brokerOrderId(), o.order().stopPrice() != null ? o.order().reason() : why);
                }
            }
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
                fills.add(new Fill(today, f.symbol(), f.side(), f.quantity().longValueExact(), f.price().doubleValue(),
                        f.commission().doubleValue(), reason));
            }
            pendingFills.clear();
        }

        private void dividend(SimDividend d) {
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
        }

        @Override
        public void deferredBuys(String strategyId, LocalDate day, Set<String> symbols) {
            wanted.addAll(symbols);
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
