package org.leverdesk.execution;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import org.leverdesk.broker.Account;
import org.leverdesk.broker.Broker;
import org.leverdesk.broker.BrokerException;
import org.leverdesk.broker.BrokerOrder;
import org.leverdesk.broker.BrokerPosition;
import org.leverdesk.broker.DuplicateClientOrderIdException;
import org.leverdesk.broker.OrderRejectedException;
import org.leverdesk.broker.Quote;
import org.leverdesk.common.JsonText;
import org.leverdesk.config.RiskSettings;
import org.leverdesk.domain.Decision;
import org.leverdesk.domain.MarketSnapshot;
import org.leverdesk.domain.OrderStatus;
import org.leverdesk.domain.Target;
import org.leverdesk.domain.TradingMode;
import org.leverdesk.market.calendar.TradingCalendar;
import org.leverdesk.market.data.MarketData;
import org.leverdesk.risk.GateVerdict;
import org.leverdesk.risk.RiskGate;
import org.leverdesk.risk.StrategyPortfolio;
import org.leverdesk.store.DecisionRepository;
import org.leverdesk.store.DuplicateOrderException;
import org.leverdesk.store.JournalRepository;
import org.leverdesk.store.OrderQueries;
import org.leverdesk.store.OrderRepository;
import org.leverdesk.store.PositionSnapshotRepository;
import org.leverdesk.store.Store;
import org.leverdesk.store.StoreException;
import org.leverdesk.store.StoredOrder;
import org.leverdesk.store.TradingStateRepository;
import org.leverdesk.strategy.DecisionContext;
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
    private final QuoteGuard quoteGuard;
    private final OrderPlanner planner;
    private final int maxPriceAgeSessions;
    private final ReentrantLock runLock = new ReentrantLock();

    public ExecutionService(Broker broker, MarketData data, TradingCalendar calendar, Store store, RiskSettings risk,
                            TradingMode mode, Clock clock) {
        if (mode == TradingMode.BACKTEST) {
            throw new IllegalArgumentException("the execution service trades PAPER or LIVE; backtests use the backtest engine");
        }
        this.broker = broker;
        this.data = data;
        this.calendar = calendar;
        this.mode = mode;
        this.clock = clock;
        this.orders = new OrderRepository(store, clock);
        this.decisions = new DecisionRepository(store, clock);
        this.journal = new JournalRepository(store, clock);
        this.reconciler = new Reconciler(orders, new OrderQueries(store, orders), new PositionSnapshotRepository(store, clock),
                journal, clock);
        this.gate = new RiskGate(new TradingStateRepository(store, clock), journal);
        this.quoteGuard = new QuoteGuard(risk, clock);
        this.planner = new OrderPlanner(risk);
        this.maxPriceAgeSessions = risk.maxPriceAgeSessions();
    }

    /** The risk gate (trading state, kill switch). */
    public RiskGate riskGate() {
        return gate;
    }

    /** Reconciles the store with the broker on its own (at start-up, for the Orders view). */
    public ReconciliationReport reconcile() {
        return reconciler.reconcile(broker);
    }

    /** Runs one decision cycle of {@code run}; with {@code dryRun} nothing is sent or stored. */
    public RunResult run(StrategyRun run, boolean dryRun) {
        if (!runLock.tryLock()) {
            throw new IllegalStateException("a run is already in progress; wait for it to end (force-exit and panic close"
                    + " work meanwhile)");
        }
        try {
            return runLocked(run, dryRun);
        } finally {
            runLock.unlock();
        }
    }

    private RunResult runLocked(StrategyRun run, boolean dryRun) {
        Strategy strategy = run.strategy();
        String id = strategy.id();
        ReconciliationReport rec = dryRun ? null : reconciler.reconcile(broker);
        List<BrokerPosition> positions = rec != null ? rec.positions() : broker.positions();
        Account account = broker.account();

        LocalDate today = LocalDate.now(clock.withZone(NEW_YORK));
        MarketSnapshot market = MarketSnapshots.upTo(data, strategy.symbols(), strategy.optionalSymbols(), today);
        // The decision's day (its data date) names its orders: a re-run on the same data makes the same ids.
        LocalDate day = market.asOf();
        StrategyPortfolio portfolio = StrategyPortfolio.of(account, positions, strategy.tradedSymbols(), run.capitalShare());
        boolean firstDay = decisions.list(id, day.minusYears(100), day).isEmpty();
        Decision decision = strategy.decide(new DecisionContext(day, market, portfolio, calendar, firstDay));
        Long decisionId = dryRun ? null : decisions.save(decision, mode, run.versionId());
        if (!dryRun) {
            journal.append("decision", id, day + ": " + decision.explanation().summary(),
                    JsonText.of(Map.of("decisionId", String.valueOf(decisionId), "rebalance", String.valueOf(decision.rebalance()))));
        }
        LOG.info("{} decided for {}: {}", id, day, decision.explanation().summary());
        if (!decision.rebalance() || decision.targets().isEmpty()) {
            return new RunResult(id, day, dryRun, rec, decision, decisionId, new OrderPlan(List.of(), List.of()), List.of(),
                    List.of());
        }
        // Daily bars up to the previous session are what a run during (or before) today's session sees;
        // anything older means the prices were not updated, and no order is sent on them.
        LocalDate freshest = calendar.previousTradingDay(today);
        LocalDate oldest = freshest;
        for (int i = 0; i < maxPriceAgeSessions; i++) {
            oldest = calendar.previousTradingDay(oldest);
        }
        if (day.isBefore(oldest)) {
            String why = "prices end on " + day + " but the last completed session is " + freshest
                    + "; import newer prices (Data view or 'leverdesk import') before trading on them";
            if (!dryRun) {
                journal.append("stale-data", id, why, null);
            }
            return new RunResult(id, day, dryRun, rec, decision, decisionId, new OrderPlan(List.of(), List.of()), List.of(why),
                    List.of());
        }

        Map<String, Quote> quotes = new HashMap<>();
        List<String> blocked = new ArrayList<>();
        for (Target t : decision.targets()) {
            QuoteCheck check = quote(t.symbol(), day);
            if (check.usable()) {
                quotes.put(t.symbol(), check.quote());
            } else {
                blocked.add(check.reason());
                if (!dryRun) {
                    journal.append("quote-blocked", id, check.reason(), null);
                }
            }
        }
        Map<String, Long> held = new HashMap<>();
        portfolio.positions().forEach((symbol, p) -> held.put(symbol, p.quantity()));
        boolean open = broker.clock().open();
        double buyingPower = Math.min(account.buyingPower().doubleValue(), portfolio.cash());
        OrderPlan plan = planner.plan(new PlanInput(id, run.version(), day, decision.targets(), held, buyingPower, quotes,
                open, strategy.execution()));

        List<OrderOutcome> outcomes = new ArrayList<>();
        for (PlannedOrder o : plan.orders()) {
            long h = held.getOrDefault(o.symbol(), 0L);
            GateVerdict v = dryRun ? gate.evaluate(o.symbol(), o.side(), o.quantity(), h)
                    : gate.check(id, o.clientOrderId(), o.symbol(), o.side(), o.quantity(), h);
            if (v.allowed() && account.tradingBlocked()) {
                v = GateVerdict.deny(v.state(), "the broker blocks trading on account " + account.accountId());
                if (!dryRun) {
                    journal.append("risk-denied", id, o.clientOrderId() + ": " + v.reason(), null);
                }
            }
            if (!v.allowed()) {
                outcomes.add(new OrderOutcome(o, OrderOutcome.Kind.DENIED, null, null, v.reason()));
            } else if (dryRun) {
                outcomes.add(new OrderOutcome(o, OrderOutcome.Kind.DRY_RUN, OrderStatus.NEW, null, "dry run: not sent"));
            } else {
                OrderOutcome out = send(id, day, o);
                journal.append("order", id, o.clientOrderId() + " " + o.text() + ": " + out.kind() + " - " + out.detail(),
                        JsonText.of(Map.of("clientOrderId", o.clientOrderId(), "kind", out.kind().name())));
                outcomes.add(out);
            }
        }
        return new RunResult(id, day, dryRun, rec, decision, decisionId, plan, blocked, outcomes);
    }

    private QuoteCheck quote(String symbol, LocalDate day) {
        try {
            // End-of-day quotes (paper broker on daily prices) are fresh when they are of the decision's day.
            Instant freshFrom = broker.quotesFromDailyCloses() ? day.atStartOfDay(NEW_YORK).toInstant() : null;
            return quoteGuard.check(symbol, broker.latestQuote(symbol), freshFrom);
        } catch (BrokerException e) {
            return QuoteCheck.blocked(symbol, null, symbol + ": no quote from the broker (" + e.getMessage() + ")");
        }
    }

    /** Records the intent, then sends; see the class comment for how each failure ends. */
    private OrderOutcome send(String strategyId, LocalDate day, PlannedOrder o) {
        String cid = o.clientOrderId();
        Optional<StoredOrder> existing = orders.findByClientOrderId(cid);
        if (existing.isPresent()) {
            return refresh(o, existing.get());
        }
        try {
            orders.insertIntent(o.intent(strategyId, day));
        } catch (DuplicateOrderException e) {
            // Another run recorded it between our look-up and insert: it owns the send.
            return refresh(o, orders.findByClientOrderId(cid).orElseThrow(() -> e));
        }
        return submit(o, "sent");
    }

    /**
     * Sends a recorded intent. Safe to repeat for an intent the broker never saw: the client order id
     * is the same, so a broker that did get it after all refuses the copy and the order is adopted.
     */
    private OrderOutcome submit(PlannedOrder o, String verb) {
        String cid = o.clientOrderId();
        try {
            BrokerOrder b = broker.submit(o.request());
            if (!verb.equals("sent")) {
                return adopt(o, b, OrderOutcome.Kind.SENT, verb + ", broker order " + b.brokerOrderId());
            }
            return adopt(o, b, OrderOutcome.Kind.SENT, "sent, broker order " + b.brokerOrderId());
        } catch (DuplicateClientOrderIdException e) {
            return lookUp(o, OrderOutcome.Kind.ADOPTED, "the broker already had " + cid);
        } catch (OrderRejectedException e) {
            StoredOrder s = update(cid, OrderStatus.REJECTED, null);
            return new OrderOutcome(o, OrderOutcome.Kind.REJECTED, s == null ? OrderStatus.REJECTED : s.status(), null,
                    "rejected by the broker: " + e.getMessage());
        } catch (BrokerException e) {
            LOG.warn("sending {} failed ({}); looking it up instead of sending again", cid, e.getMessage());
            return lookUp(o, OrderOutcome.Kind.RECOVERED, "send failed (" + e.getMessage() + ")");
        }
    }

    /** The outcome is unclear: find the order by client id; never send it again. */
    private OrderOutcome lookUp(PlannedOrder o, OrderOutcome.Kind found, String why) {
        String cid = o.clientOrderId();
        try {
            Optional<BrokerOrder> b = broker.orderByClientOrderId(cid);
            if (b.isPresent()) {
                return adopt(o, b.get(), found, why + "; found broker order " + b.get().brokerOrderId());
            }
            return new OrderOutcome(o, OrderOutcome.Kind.UNKNOWN, OrderStatus.NEW, null, why
                    + "; the broker has no order " + cid + " yet; left NEW: the next run sends it once under the same id");
        } catch (BrokerException e) {
            return new OrderOutcome(o, OrderOutcome.Kind.UNKNOWN, OrderStatus.NEW, null, why + "; look-up failed too ("
                    + e.getMessage() + "); left NEW: the next run sends it once under the same id");
        }
    }

    private OrderOutcome refresh(PlannedOrder o, StoredOrder stored) {
        String why = "already recorded as " + stored.status() + "; not sent again";
        if (stored.status().isFinal()) {
            return new OrderOutcome(o, OrderOutcome.Kind.ALREADY_SENT, stored.status(), stored.brokerOrderId(), why);
        }
        try {
            Optional<BrokerOrder> b = broker.orderByClientOrderId(o.clientOrderId());
            if (b.isPresent()) {
                return adopt(o, b.get(), OrderOutcome.Kind.ALREADY_SENT, why + "; broker says " + b.get().status());
            }
            if (stored.status() == OrderStatus.NEW) {
                // Recorded, then the process died (or the send failed) before the broker got it: send it now, once.
                return submit(o, "recorded earlier but never reached the broker; sent now");
            }
        } catch (BrokerException e) {
            why += "; status not refreshed (" + e.getMessage() + ")";
        }
        return new OrderOutcome(o, OrderOutcome.Kind.ALREADY_SENT, stored.status(), stored.brokerOrderId(), why);
    }

    private OrderOutcome adopt(PlannedOrder o, BrokerOrder b, OrderOutcome.Kind kind, String detail) {
        // The store's NEW means "not yet at the broker"; an order the broker holds is at least SUBMITTED.
        OrderStatus status = b.status() == OrderStatus.NEW ? OrderStatus.SUBMITTED : b.status();
        StoredOrder s = update(o.clientOrderId(), status, b.brokerOrderId());
        return new OrderOutcome(o, kind, s == null ? status : s.status(), b.brokerOrderId(), detail);
    }

    private StoredOrder update(String cid, OrderStatus status, String brokerOrderId) {
        try {
            return orders.updateStatus(cid, status, brokerOrderId);
        } catch (StoreException e) {
            // A stale or conflicting broker report must not stop the run; the journal keeps it for a person.
            journal.append("reconcile", null, cid + ": " + e.getMessage(), null);
            LOG.warn("{}", e.getMessage());
            return null;
        }
    }
}
