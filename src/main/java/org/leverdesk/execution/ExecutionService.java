package org.leverdesk.execution;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;
import org.leverdesk.broker.Broker;
import org.leverdesk.broker.BrokerPosition;
import org.leverdesk.config.RiskSettings;
import org.leverdesk.domain.Decision;
import org.leverdesk.domain.MarketSnapshot;
import org.leverdesk.domain.OrderType;
import org.leverdesk.domain.Side;
import org.leverdesk.domain.TradingMode;
import org.leverdesk.market.calendar.TradingCalendar;
import org.leverdesk.market.data.MarketData;
import org.leverdesk.market.feed.LiveFreshness;
import org.leverdesk.risk.RiskGate;
import org.leverdesk.broker.MalformedBrokerAnswerException;
import org.leverdesk.store.DecisionRepository;
import org.leverdesk.store.DecisionUnits;
import org.leverdesk.store.PositionLedger;
import org.leverdesk.store.JournalEntry;
import org.leverdesk.store.JournalQuery;
import org.leverdesk.store.JournalRepository;
import org.leverdesk.store.OrderQueries;
import org.leverdesk.store.OrderRepository;
import org.leverdesk.store.PositionSnapshotRepository;
import org.leverdesk.store.Store;
import org.leverdesk.store.StoredDecision;
import org.leverdesk.store.StoredOrder;
import org.leverdesk.store.TradingStateRepository;
import org.leverdesk.strategy.Strategy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One decision cycle of one strategy against a broker: reconcile, decide, store the decision, plan,
 * check quotes, gate, and send each order crash-safely:
 * <ul>
 *   <li>the intent is recorded (status NEW) before the order is sent; an intent already recorded
 *       (the same day's job run twice) is never sent again, only its status is refreshed;</li>
 *   <li>after a timeout or any unclear failure the order is looked up by its client order id, never
 *       re-sent; a duplicate client order id adopts the broker's order;</li>
 *   <li>a dry run reads the broker and plans, but sends nothing and stores nothing (not even the
 *       decision, so a dry run can never be mistaken for a traded day).</li>
 * </ul>
 * Locking: {@link #run} holds only this service's run lock (one run at a time) and no store lock
 * across a broker call (each store write is its own short transaction). The emergency exit
 * ({@code emergency.EmergencyExit}) never takes the run lock, so it works while a run is in progress
 * or stuck; it only waits for the broker's own timeouts.
 */
public final class ExecutionService {
    private static final Logger LOG = LoggerFactory.getLogger(ExecutionService.class);
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    /** How long a run waits for an entry to fill before placing its protective stop (Alpaca fills market orders in moments). */
    private static final java.time.Duration STOP_WAIT = java.time.Duration.ofSeconds(10);

    private final Broker broker;
    private final MarketData data;
    private final TradingCalendar calendar;
    private final TradingMode mode;
    private final Clock clock;
    private final OrderRepository orders;
    private final DecisionRepository decisions;
    private final JournalRepository journal;
    private final Reconciler reconciler;
    private final RiskGate gate;
    private final DecisionCycle cycle;
    private final int maxPriceAgeSessions;
    private final DecisionUnits units;
    private final PositionLedger ledger;
    private volatile OptionEventSource optionEventSource;
    private final PositionChecks positionChecks;
    private final BrokerClockCheck clockCheck;
    private final TradingCalendar exchangeHours;
    /** The feed's stale-data rule (today's bar at the decision), or null when no feed keeps the prices current. */
    private final LiveFreshness freshness;
    private final ReentrantLock runLock = new ReentrantLock();
    private final Store store;

    public ExecutionService(Broker broker, MarketData data, TradingCalendar calendar, Store store, RiskSettings risk,
                            TradingMode mode, Clock clock) {
        this(broker, data, calendar, store, risk, mode, clock, (LiveFreshness) null, calendar);
    }

    /**
     * Like the other constructor, with the stale-data rule of prices a market-data feed refreshes before each
     * run: {@code freshness} (when not null) requires today's provisional bar during the session and today's
     * final bar after the close for every symbol the strategy needs, instead of prices up to the last
     * completed session (which is all a CSV folder or an unrefreshed store can give).
     */
    public ExecutionService(Broker broker, MarketData data, TradingCalendar calendar, Store store, RiskSettings risk,
                            TradingMode mode, Clock clock, LiveFreshness freshness) {
        this(broker, data, calendar, store, risk, mode, clock, freshness, calendar);
    }

    /**
     * With {@code exchangeHours}, the calendar the broker's open/closed is checked against (the trading
     * calendar itself, except for a test broker whose market opens and closes by hand).
     */
    public ExecutionService(Broker broker, MarketData data, TradingCalendar calendar, Store store, RiskSettings risk,
                            TradingMode mode, Clock clock, TradingCalendar exchangeHours) {
        this(broker, data, calendar, store, risk, mode, clock, null, exchangeHours);
    }

    /** With both the feed's stale-data rule (may be null) and the exchange hours the broker's clock is checked against. */
    public ExecutionService(Broker broker, MarketData data, TradingCalendar calendar, Store store, RiskSettings risk,
                            TradingMode mode, Clock clock, LiveFreshness freshness, TradingCalendar exchangeHours) {
        if (mode == TradingMode.BACKTEST) {
            throw new IllegalArgumentException("the execution service trades PAPER or LIVE; backtests use the backtest engine");
        }
        this.broker = broker;
        this.data = data;
        this.calendar = calendar;
        this.mode = mode;
        this.clock = clock;
        this.store = store;
        this.orders = new OrderRepository(store, clock);
        this.decisions = new DecisionRepository(store, clock);
        this.journal = new JournalRepository(store, clock);
        this.units = new DecisionUnits(store, clock);
        this.ledger = new PositionLedger(store, clock);
        this.positionChecks = new PositionChecks(ledger, new OrderQueries(store, orders), journal, risk.externalPositions());
        this.reconciler = new Reconciler(orders, new OrderQueries(store, orders), new PositionSnapshotRepository(store, clock),
                journal, clock, positionChecks, calendar);
        this.gate = new RiskGate(new TradingStateRepository(store, clock), journal);
        this.maxPriceAgeSessions = risk.maxPriceAgeSessions();
        this.clockCheck = new BrokerClockCheck(java.time.Duration.ofSeconds(risk.maxClockSkewSeconds()));
        this.exchangeHours = exchangeHours;
        this.freshness = freshness;
        this.cycle = new DecisionCycle(broker, calendar, risk, clock, gate, new StoreDecisionLog(units, journal, mode, orders),
                IntentLog.of(orders), STOP_WAIT, positionChecks);
        // The RiskGuard's peak, stops, cooldown and day counts survive a restart.
        cycle.setGuardStates(new org.leverdesk.store.GuardStateRepository(store, clock));
    }

    /**
     * Gives strategies the synthetic option chains of each decision's day, the chains the paper broker quotes
     * its options from (decision record 0011); without them an option strategy sees no chain and holds.
     */
    public void setOptionChains(org.leverdesk.options.chain.SyntheticChains chains) {
        cycle.setOptionChains(chains);
    }

    /** Seed 003's options portfolio whose per-asset gates the risk step applies; see {@link DecisionCycle#setPortfolio}. */
    public void setPortfolio(org.leverdesk.config.OptionsPortfolio portfolio) {
        cycle.setPortfolio(portfolio);
    }

    /** Gives strategies the broker's own option chains (Alpaca's) of each decision's day; see {@link DecisionCycle#setOptionMarket}. */
    public void setOptionMarket(java.util.function.Function<java.time.LocalDate, org.leverdesk.strategy.OptionMarket> market) {
        cycle.setOptionMarket(market);
    }

    /**
     * The option events a broker reports only when asked (Alpaca's OPEXP/OPASN/OPEXC activities): read before each
     * run's reconciliation and recorded once each (keyed by the broker's id), given what the store counts of a contract.
     */
    public interface OptionEventSource {
        java.util.List<org.leverdesk.broker.sim.SimOptionEvent> events(java.util.function.Function<String, java.math.BigDecimal> heldContracts);
    }

    public void setOptionEventSource(OptionEventSource source) {
        this.optionEventSource = source;
    }

    /** Reads and records the source's option events (none without a source); returns how many were new. */
    public int pullOptionEvents() {
        OptionEventSource source = optionEventSource;
        if (source == null) {
            return 0;
        }
        return recordOptionEvents(source.events(symbol -> ledger.byStrategy().values().stream()
                .map(m -> m.getOrDefault(symbol, java.math.BigDecimal.ZERO)).reduce(java.math.BigDecimal.ZERO, java.math.BigDecimal::add)));
    }

    /**
     * Records option events the broker reports (expiry, assignment, exercise) in the store's own count and the
     * journal, each once; give it the broker's whole list after a restart and each event as it happens.
     */
    public int recordOptionEvents(java.util.List<org.leverdesk.broker.sim.SimOptionEvent> events) {
        return new OptionEventLedger(ledger, journal).recordAll(events);
    }

    /** The risk gate (trading state, kill switch). */
    public RiskGate riskGate() {
        return gate;
    }

    /** Reconciles the store with the broker on its own (at start-up, for the Orders view). */
    public ReconciliationReport reconcile() {
        pullOptionEvents();
        return reconciler.reconcile(broker);
    }

    /** Runs one decision cycle of {@code run}; with {@code dryRun} nothing is sent or stored. */
    public RunResult run(StrategyRun run, boolean dryRun) {
        return run(run, dryRun, false);
    }

    /**
     * The scheduler's intraday exit check ({@code exits=every:10m}) when {@code exitsOnly}: the same run, the
     * strategy asked for its exits only (see {@link DecisionCycle#run}).
     */
    public RunResult run(StrategyRun run, boolean dryRun, boolean exitsOnly) {
        if (!runLock.tryLock()) {
            throw new IllegalStateException("a run is already in progress; wait for it to end (force-exit and panic close"
                    + " work meanwhile)");
        }
        try {
            return runLocked(run, dryRun, exitsOnly);
        } catch (MalformedBrokerAnswerException e) {
            // The run stops before any order (or, for an order's own answer, looks the order up instead): journalled
            // here, and the caller reports the one line (the CLI on stderr, the scheduler as a failed job, notified).
            journal.append("broker-answer-invalid", run.strategy().id(), e.getMessage(),
                    org.leverdesk.common.JsonText.of(Map.of("endpoint", e.endpoint(), "field", e.field())));
            throw e;
        } finally {
            runLock.unlock();
        }
    }

    /**
     * A person confirmed the broker's count of {@code symbol} (after a position went missing, or shares
     * bought outside Leverdesk under the "block" policy): the symbol's hold is lifted and the store's own count
     * is set to the broker's, for the strategy that trades it. Reconciles first, so the count is the broker's
     * now. Returns the one-line result.
     */
    public String acceptPosition(String symbol, String by) {
        if (!runLock.tryLock()) {
            throw new IllegalStateException("a run is in progress; accept " + symbol + " when it has ended");
        }
        try {
            ReconciliationReport rec = reconciler.reconcile(broker);
            BigDecimal held = rec.positions().stream().filter(p -> p.symbol().equals(symbol)).map(BrokerPosition::quantity)
                    .reduce(BigDecimal.ZERO, BigDecimal::add);
            String owner = positionChecks.owner(symbol);
            String text = symbol + ": the broker's count of " + held.stripTrailingZeros().toPlainString()
                    + " shares confirmed by " + by;
            BigDecimal adjustment = ledger.accept(symbol, held, owner, by, text);
            text += adjustment.signum() == 0 ? "; the store's count already matched" : "; the store's count of "
                    + (owner == null ? "no strategy" : owner) + " adjusted by " + adjustment.toPlainString();
            journal.append("position-accepted", owner, text, null);
            return text;
        } finally {
            runLock.unlock();
        }
    }

    /** The symbols waiting for a person's confirmation, each with its reason. */
    public Map<String, String> heldSymbols() {
        return positionChecks.holds();
    }

    private RunResult runLocked(StrategyRun run, boolean dryRun, boolean exitsOnly) {
        Strategy strategy = run.strategy();
        String id = strategy.id();
        if (!dryRun) {
            // Expiries, assignments and exercises first, so the reconciliation does not call their shares external.
            pullOptionEvents();
        }
        ReconciliationReport rec = dryRun ? null : reconciler.reconcile(broker);
        LocalDate today = LocalDate.now(clock.withZone(NEW_YORK));
        MarketSnapshot market = MarketSnapshots.upTo(data, strategy.symbols(), strategy.optionalSymbols(), today);
        // The decision's day (its data date) names its orders: a re-run on the same data makes the same ids.
        LocalDate day = market.asOf();
        // Its first day until a decision of it was carried out: a first day whose orders never went out (superseded)
        // is decided as the first day again.
        boolean firstDay = !units.started(id);
        String block = freshness != null ? feedStaleness(strategy) : staleness(today, day);
        if (block == null) {
            block = brokerClockProblem(!dryRun);
        }
        RunResult r = cycle.run(run, day, market, firstDay, true, dryRun, block, exitsOnly);
        LOG.info("{} decided for {}: {}", id, day, r.decision().explanation().summary());
        return new RunResult(r.strategyId(), r.tradingDay(), r.dryRun(), rec, r.decision(), r.decisionId(), r.plan(),
                r.blockedQuotes(), r.outcomes());
    }

    /**
     * The second half of the strategy's latest decision when it was made after the close of the previous
     * session: its buys, right after today's open, once its sells have left the opening auction. Nothing
     * when that decision is older, traded nothing, or when its sells are still open (said in the result).
     */
    public RunResult followUp(StrategyRun run) {
        if (!runLock.tryLock()) {
            throw new IllegalStateException("a run is already in progress; wait for it to end (force-exit and panic close"
                    + " work meanwhile)");
        }
        try {
            String id = run.strategy().id();
            ReconciliationReport rec = reconciler.reconcile(broker);
            LocalDate today = LocalDate.now(clock.withZone(NEW_YORK));
            Optional<StoredDecision> last = decisions.latest(id);
            LocalDate previous = calendar.previousTradingDay(today);
            if (last.isEmpty() || !last.get().decision().rebalance() || !last.get().decision().date().equals(previous)
                    || !run.strategy().execution().decidesAfterClose()) {
                String why = "nothing to follow up: no decision of " + id + " after the " + previous + " close";
                Decision none = Decision.hold(today, id, why);
                return new RunResult(id, today, false, rec, none, null, OrderPlan.EMPTY, List.of(), List.of());
            }
            Decision decision = last.get().decision();
            String clockProblem = brokerClockProblem(true);
            if (clockProblem != null) {
                return new RunResult(id, decision.date(), false, rec, decision, last.get().id(), OrderPlan.EMPTY,
                        List.of(clockProblem), List.of());
            }
            String prefix = ClientOrderIds.prefix(id);
            List<String> waiting = broker.openOrders().stream()
                    .filter(o -> o.side() == Side.SELL && o.clientOrderId() != null && o.clientOrderId().startsWith(prefix)
                            && o.type() != OrderType.STOP)
                    .map(o -> o.clientOrderId() + " (" + o.status() + ")").toList();
            if (!waiting.isEmpty()) {
                String why = "buys of " + decision.date() + " wait: its sells are still open: " + String.join(", ", waiting);
                journal.append("order", id, why, null);
                return new RunResult(id, decision.date(), false, rec, decision, last.get().id(), OrderPlan.EMPTY,
                        List.of(why), List.of());
            }
            RunResult r = cycle.followUp(run, decision.date(), decision, deferredBuys(id, decision.date()), false);
            return new RunResult(r.strategyId(), r.tradingDay(), false, rec, r.decision(), last.get().id(), r.plan(),
                    r.blockedQuotes(), r.outcomes());
        } finally {
            runLock.unlock();
        }
    }

    /**
     * The release job of a strategy that decides after the close: sends the market-on-open orders its
     * decision held ({@link OrderOutcome.Kind#HELD}) now that Alpaca takes them (19:00 ET, or before 09:28 ET
     * the next trading day when caught up after a restart). Intents whose opening auction can no longer be
     * reached (past 09:28 ET of the next session) are cancelled in the store with the reason, never sent late.
     */
    public RunResult release(StrategyRun run) {
        if (!runLock.tryLock()) {
            throw new IllegalStateException("a run is already in progress; wait for it to end (force-exit and panic close"
                    + " work meanwhile)");
        }
        try {
            String id = run.strategy().id();
            java.time.Instant now = clock.instant();
            List<PlannedOrder> held = new ArrayList<>();
            List<String> missed = new ArrayList<>();
            LocalDate day = null;
            for (StoredOrder s : new OrderQueries(store, orders).notFinal()) {
                org.leverdesk.store.OrderIntent in = s.intent();
                if (!in.strategyId().equals(id) || s.status() != org.leverdesk.domain.OrderStatus.NEW || s.brokerOrderId() != null
                        || in.timeInForce() != org.leverdesk.domain.TimeInForce.OPG) {
                    continue;
                }
                if (!now.isBefore(org.leverdesk.broker.AuctionWindows.opgDeadlineAfter(in.tradingDay(), calendar))) {
                    String why = in.clientOrderId() + " not sent: the opening auction after " + in.tradingDay()
                            + " could only be reached until 09:28 ET (the release did not run in time: the app was closed)";
                    try {
                        orders.updateStatus(in.clientOrderId(), org.leverdesk.domain.OrderStatus.CANCELED, null);
                    } catch (org.leverdesk.store.StoreException e) {
                        why += "; marking it cancelled failed: " + e.getMessage();
                    }
                    journal.append("order", id, why, null);
                    missed.add(why);
                    continue;
                }
                day = day == null || in.tradingDay().isAfter(day) ? in.tradingDay() : day;
                held.add(new PlannedOrder(in.clientOrderId(), in.leg(), in.symbol(), in.side(), in.quantity().longValueExact(),
                        in.type(), in.timeInForce(), in.limitPrice(), in.stopPrice(), "held from the decision of "
                        + in.tradingDay()));
            }
            // After the missed ones are settled with their reason (else the reconciliation calls them lost).
            ReconciliationReport rec = reconciler.reconcile(broker);
            Decision decision = decisions.latest(id).map(StoredDecision::decision)
                    .orElse(Decision.hold(LocalDate.now(clock.withZone(NEW_YORK)), id, "no stored decision"));
            LocalDate at = day != null ? day : decision.date();
            RunResult r = cycle.release(run, at, decision, held, false);
            List<String> notes = new ArrayList<>(missed);
            if (held.isEmpty() && missed.isEmpty()) {
                notes.add("nothing held for the opening auction");
            }
            return new RunResult(id, at, false, rec, decision, null, r.plan(), notes, r.outcomes());
        } finally {
            runLock.unlock();
        }
    }

    /** The symbols the after-close decision of {@code day} left for the follow-up to buy (none if it recorded none). */
    private Set<String> deferredBuys(String id, LocalDate day) {
        for (JournalEntry e : journal.find(new JournalQuery(id, DecisionLog.DEFERRED_BUYS, null, null, null, null, 5))) {
            try {
                com.fasterxml.jackson.databind.JsonNode details = JSON.readTree(e.detailsJson());
                if (day.toString().equals(details.path("day").asText())) {
                    Set<String> symbols = new java.util.TreeSet<>();
                    details.path("symbols").forEach(n -> symbols.add(n.asText()));
                    return symbols;
                }
            } catch (java.io.IOException | RuntimeException ex) {
                // An unreadable entry names nothing to buy: the follow-up then buys nothing rather than guess.
            }
        }
        return Set.of();
    }

    private static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper();

    /** Why the broker's clock cannot be trusted to send orders on (skew, or open/closed against the calendar), or null. */
    private String brokerClockProblem(boolean record) {
        Optional<String> problem = clockCheck.verify(broker.clock(), clock.instant(), exchangeHours);
        problem.filter(p -> record).ifPresent(p -> journal.append("broker-clock", null, p, null));
        return problem.orElse(null);
    }

    /**
     * Why no order may be sent on prices that end on {@code day}, or null: daily bars up to the previous
     * session are what a run during (or before) today's session sees; anything older means the prices
     * were not updated.
     */
    private String staleness(LocalDate today, LocalDate day) {
        LocalDate freshest = calendar.previousTradingDay(today);
        LocalDate oldest = freshest;
        for (int i = 0; i < maxPriceAgeSessions; i++) {
            oldest = calendar.previousTradingDay(oldest);
        }
        if (!day.isBefore(oldest)) {
            return null;
        }
        return "prices end on " + day + " but the last completed session is " + freshest
                + "; import newer prices (Data view or 'leverdesk import') before trading on them";
    }

    /**
     * Why no order may be sent now under the feed's rule ({@link LiveFreshness}), or null: the first symbol
     * the strategy needs whose last bar is not the one a decision at this minute needs, with the other stale symbols named after it.
     */
    private String feedStaleness(Strategy strategy) {
        java.time.Instant now = clock.instant();
        LocalDate today = LocalDate.now(clock.withZone(NEW_YORK));
        String first = null;
        List<String> others = new ArrayList<>();
        for (String symbol : new java.util.TreeSet<>(strategy.symbols())) {
            Optional<String> problem = freshness.problem(symbol, data.lastBar(symbol, today), now);
            if (problem.isPresent() && first == null) {
                first = problem.get();
            } else if (problem.isPresent()) {
                others.add(symbol);
            }
        }
        return first == null || others.isEmpty() ? first : first + " (" + String.join(", ", others) + " too)";
    }

}
