package org.leverdesk.execution;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.leverdesk.broker.Account;
import org.leverdesk.broker.AuctionWindows;
import org.leverdesk.broker.Broker;
import org.leverdesk.broker.BrokerException;
import org.leverdesk.broker.BrokerOrder;
import org.leverdesk.broker.Quote;
import org.leverdesk.config.RiskLimits;
import org.leverdesk.config.RiskSettings;
import org.leverdesk.domain.Decision;
import org.leverdesk.domain.MarketSnapshot;
import org.leverdesk.domain.OrderStatus;
import org.leverdesk.domain.OrderType;
import org.leverdesk.domain.PortfolioView;
import org.leverdesk.domain.Side;
import org.leverdesk.domain.Target;
import org.leverdesk.domain.TimeInForce;
import org.leverdesk.market.calendar.TradingCalendar;
import org.leverdesk.risk.GateVerdict;
import org.leverdesk.risk.RiskGate;
import org.leverdesk.strategy.DecisionContext;
import org.leverdesk.strategy.OptionMarket;
import org.leverdesk.strategy.Strategy;

/**
 * The one path from a market snapshot to orders, the same for backtests, paper and live trading:
 * <ol>
 *   <li>the strategy decides on the snapshot and its share of the account ({@link Broker#portfolioView});</li>
 *   <li>the decision is recorded ({@link DecisionLog});</li>
 *   <li>unless something blocks trading (stale prices, a broker clock that cannot be trusted — the
 *       caller's {@code tradeBlock}), each target's quote is checked by the {@link QuoteGuard};</li>
 *   <li>protective stops that no longer fit a target are cancelled; the {@link OrderPlanner} turns the
 *       targets into orders (whole shares, tolerance band, minimum trade value, buying power, order type
 *       for the market's state, sells first);</li>
 *   <li>each order passes the {@link RiskGate}, its intent is recorded ({@link IntentLog}) and it is sent;</li>
 *   <li>a target that carries a stop price gets its protective stop (a GTC STOP sell of the whole
 *       position) once the position is there.</li>
 * </ol>
 * Only the adapters differ: a backtest passes a {@code SimBroker} driven by a replay clock, an
 * in-memory gate and logs that keep nothing; paper and live pass their broker, the store and the
 * journal. Nothing here knows which.
 */
public final class DecisionCycle {
    private static final Duration POLL = Duration.ofMillis(250);

    private final Broker broker;
    private final TradingCalendar calendar;
    private final OrderPlanner planner;
    private final QuoteGuard quoteGuard;
    private final RiskGate gate;
    private final DecisionLog log;
    private final OrderSender sender;
    private final Duration stopWait;
    private final PositionBook book;
    private org.leverdesk.config.OptionsPortfolio portfolio;
    private final Clock clock;
    private Strategy lastStrategy;
    private org.leverdesk.options.chain.SyntheticChains optionChains;
    private java.util.function.Function<LocalDate, OptionMarket> optionMarket;
    private Set<String> lastTraded;
    private final RiskLimits limits;
    // What the account limits check prices against: the latest decision's prices and accepted quotes.
    private MarketSnapshot lastMarket;
    private Map<String, Quote> lastQuotes = Map.of();
    private GuardCheck guard;
    // The run's positions, for the RiskGuard's open risk and direction of a single order.
    private Map<String, Long> runHeld = Map.of();

    /**
     * @param clock    "now" for the quote guard (the replay clock in a backtest)
     * @param stopWait how long to wait for an entry to fill before placing its protective stop (zero for
     *                 brokers that fill at once, such as the simulated one)
     */
    public DecisionCycle(Broker broker, TradingCalendar calendar, RiskSettings risk, Clock clock, RiskGate gate,
                         DecisionLog log, IntentLog intents, Duration stopWait) {
        this(broker, calendar, risk, clock, gate, log, intents, stopWait, PositionBook.NONE);
    }

    /** With {@code book} to tell a strategy's own shares from external ones and to hold symbols for a person. */
    public DecisionCycle(Broker broker, TradingCalendar calendar, RiskSettings risk, Clock clock, RiskGate gate,
                         DecisionLog log, IntentLog intents, Duration stopWait, PositionBook book) {
        this.book = book;
        this.broker = broker;
        this.calendar = calendar;
        this.planner = new OrderPlanner(risk);
        this.limits = risk.limits();
        this.quoteGuard = new QuoteGuard(risk, clock);
        this.gate = gate;
        this.log = log;
        this.sender = new OrderSender(broker, intents, log);
        this.stopWait = stopWait;
        this.clock = clock;
        this.guard = new GuardCheck(org.leverdesk.riskguard.GuardStates.inMemory(), calendar);
    }

    /**
     * Keeps the RiskGuard's state in {@code states} (the store's for paper and live trading, so a restart keeps
     * the peak, the stops and the day's counts); a cycle keeps it in memory otherwise (a backtest).
     */
    public void setGuardStates(org.leverdesk.riskguard.GuardStates states) {
        org.leverdesk.config.OptionsPortfolio p = portfolio;
        this.guard = new GuardCheck(states, calendar);
        guard.setPortfolio(p);
    }

    /**
     * Seed 003's options portfolio: every order unit that opens a position in one of its assets passes its per-asset
     * gates (one new entry per asset per cycle, maxAllocPct; {@link AssetGate}), denials journalled as
     * {@code risk-denied} like the RiskGuard's. Null (the default, and every backtest): no such gates.
     */
    public void setPortfolio(org.leverdesk.config.OptionsPortfolio portfolio) {
        this.portfolio = portfolio;
        guard.setPortfolio(portfolio);
    }

    /**
     * Gives strategies the synthetic option chains of each decision's day (backtests, the paper broker on
     * daily prices); without them a strategy sees {@link OptionMarket#NONE}.
     */
    public void setOptionChains(org.leverdesk.options.chain.SyntheticChains chains) {
        this.optionChains = chains;
    }

    /**
     * Gives strategies the broker's own option chains of each decision's day (Alpaca's), instead of synthetic ones:
     * the same {@link OptionMarket} interface, so the strategy code is the same. Wins over {@link #setOptionChains}.
     */
    public void setOptionMarket(java.util.function.Function<LocalDate, OptionMarket> market) {
        this.optionMarket = market;
    }

    /** The risk gate this cycle checks orders with. */
    public RiskGate riskGate() {
        return gate;
    }

    /**
     * Runs one decision of {@code run} on {@code day} (the snapshot's day).
     *
     * @param firstDay   the strategy's first day (a backtest's start, a live strategy's first run)
     * @param explain    false when nobody reads the explanation (a backtest that keeps no decisions)
     * @param dryRun     plan and gate, but record and send nothing
     * @param tradeBlock null when orders may be sent, else the one-line reason they may not
     */
    public RunResult run(StrategyRun run, LocalDate day, MarketSnapshot market, boolean firstDay, boolean explain,
                         boolean dryRun, String tradeBlock) {
        return run(run, day, market, firstDay, explain, dryRun, tradeBlock, false);
    }

    /**
     * Like {@link #run(StrategyRun, LocalDate, MarketSnapshot, boolean, boolean, boolean, String)}; with
     * {@code exitsOnly} the strategy is asked for its exits only (the scheduler's intraday exit check), through
     * the same guard, planner and broker. A strategy without intraday exits holds.
     */
    public RunResult run(StrategyRun run, LocalDate day, MarketSnapshot market, boolean firstDay, boolean explain,
                         boolean dryRun, String tradeBlock, boolean exitsOnly) {
        Strategy strategy = run.strategy();
        String id = strategy.id();
        lastMarket = market;
        PortfolioView portfolio = view(run);
        guard.begin(strategy, day, portfolio);
        try {
            return decideAndTrade(run, day, market, portfolio, firstDay, explain, dryRun, tradeBlock, exitsOnly);
        } finally {
            guard.finish(dryRun);
        }
    }

    private RunResult decideAndTrade(StrategyRun run, LocalDate day, MarketSnapshot market, PortfolioView portfolio,
                                     boolean firstDay, boolean explain, boolean dryRun, String tradeBlock,
                                     boolean exitsOnly) {
        Strategy strategy = run.strategy();
        String id = strategy.id();
        // A decision and its orders are one unit: one of this trading day whose orders were not all sent is
        // carried out as it was decided (the strategy is not asked again, it may see its day differently now);
        // one of an earlier day is superseded by today's.
        java.util.Optional<DecisionLog.OpenDecision> open = log.openDecision(id);
        Decision decision;
        Long decisionId;
        if (exitsOnly && !strategy.checksExitsIntraday()) {
            Decision hold = Decision.hold(day, id, id + " has no intraday exits; its exits are decided by its daily run");
            return new RunResult(id, day, dryRun, null, hold, null, OrderPlan.EMPTY, List.of(), List.of());
        }
        if (open.isPresent() && open.get().decision().date().equals(day)) {
            decision = open.get().decision();
            decisionId = open.get().id();
            if (!dryRun) {
                log.append("decision-resumed", id, day + ": decision #" + decisionId + " resumed: its orders were not all"
                        + " sent; sending them as decided (" + decision.explanation().summary() + ")", null);
            }
        } else {
            if (open.isPresent() && open.get().decision().date().isBefore(day) && !dryRun) {
                log.decisionSuperseded(open.get().id(), id + ": the decision of " + open.get().decision().date()
                        + " is superseded by the decision of " + day + "; its orders that never reached the broker are closed");
            }
            OptionMarket options = optionMarket != null ? optionMarket.apply(day)
                    : optionChains == null ? OptionMarket.NONE : OptionMarket.synthetic(optionChains, day);
            decision = strategy.decide(new DecisionContext(day, market, portfolio, calendar, firstDay, explain, options, exitsOnly));
            Map<String, Long> holding = new HashMap<>();
            portfolio.positions().forEach((symbol, p) -> holding.put(symbol, p.quantity()));
            decision = guard.annotate(decision, holding);
            // An exit check that closes nothing is not recorded: every 10 minutes it would bury the day's decision.
            decisionId = dryRun || (exitsOnly && !decision.rebalance()) ? null : log.decision(decision, run);
        }
        if (!decision.rebalance() || decision.targets().isEmpty()) {
            return new RunResult(id, day, dryRun, null, decision, decisionId, OrderPlan.EMPTY, List.of(), List.of());
        }
        if (tradeBlock != null) {
            if (!dryRun) {
                log.append("stale-data", id, tradeBlock, null);
            }
            return new RunResult(id, day, dryRun, null, decision, decisionId, OrderPlan.EMPTY, List.of(tradeBlock), List.of());
        }
        java.util.Optional<String> refused = guard.preflight(broker::account);
        if (refused.isPresent()) {
            if (!dryRun) {
                log.append("risk-denied", id, refused.get(), null);
            }
            return new RunResult(id, day, dryRun, null, decision, decisionId, OrderPlan.EMPTY, List.of(refused.get()), List.of());
        }
        RunResult r = trade(run, day, decision, decisionId, portfolio, dryRun);
        boolean complete = r.blockedQuotes().isEmpty()
                && r.outcomes().stream().noneMatch(o -> o.kind() == OrderOutcome.Kind.UNKNOWN);
        if (complete && decisionId != null && !dryRun) {
            log.decisionDone(decisionId, r.outcomes().size() + " order(s) settled");
        }
        return r;
    }

    /** What {@code run}'s strategy holds: its share of the account and its own positions in its symbols. */
    /**
     * The strategy's share of the account: its symbols' positions, and of the options on its option roots (and the
     * roots' shares) only its own part when the book tells parts apart (decision record 0031), so strategies trading
     * options on one root in one account each see what their own orders put there.
     */
    private PortfolioView view(StrategyRun run) {
        return book.own(run.strategy().id(), brokerView(run));
    }

    private PortfolioView brokerView(StrategyRun run) {
        Strategy s = run.strategy();
        org.leverdesk.broker.PositionOwnership ownership = book.ownership(s.id(), s.optionUnderlyings());
        return ownership == null ? broker.portfolioView(traded(s), run.capitalShare())
                : broker.portfolioView(traded(s), run.capitalShare(), ownership);
    }

    private RunResult trade(StrategyRun run, LocalDate day, Decision decision, Long decisionId, PortfolioView portfolio,
                            boolean dryRun) {
        String id = run.strategy().id();
        Map<String, Quote> quotes = new HashMap<>();
        List<String> blocked = new ArrayList<>();
        Map<String, String> holds = book.holds();
        for (Target t : decision.targets()) {
            if (holds.containsKey(t.symbol())) {
                // No quote, so the planner sends nothing in a symbol that waits for a person's confirmation.
                blocked.add(holds.get(t.symbol()));
                if (!dryRun) {
                    log.append("hold-blocked", id, "not trading " + t.symbol() + ": " + holds.get(t.symbol()), null);
                }
                continue;
            }
            QuoteCheck check = quote(t.symbol(), day);
            if (check.usable()) {
                quotes.put(t.symbol(), check.quote());
            } else {
                blocked.add(check.reason());
                if (!dryRun) {
                    log.append("quote-blocked", id, check.reason(), null);
                }
            }
        }
        dropPartialCombos(id, decision, quotes, blocked, dryRun);
        Map<String, Long> held = new HashMap<>();
        portfolio.positions().forEach((symbol, p) -> held.put(symbol, p.quantity()));
        List<OrderOutcome> outcomes = new ArrayList<>();
        List<BrokerOrder> keptStops = settleStops(id, decision, held, dryRun, outcomes);
        lastQuotes = quotes;
        Account account = broker.account();
        if (!dryRun) {
            applyDailyLoss(id, account);
        }
        guard.decided(decision, held);
        runHeld = held;
        double buyingPower = Math.min(account.buyingPower().doubleValue(), portfolio.cash());
        OrderPlan plan = planner.plan(new PlanInput(id, run.version(), day, decision.targets(), held, buyingPower, quotes,
                broker.marketOpen(), run.strategy().execution(), broker.fees()));

        // A decision made after the close sends its sells to the opening auction and its buys right after the
        // open (followUp), once the sells have filled: a cash account cannot spend what it has not yet sold,
        // and buys sized at today's close would not fit an opening gap.
        boolean deferBuys = run.strategy().execution().decidesAfterClose() && !broker.marketOpen();
        if (deferBuys && !dryRun) {
            // What the follow-up may buy: the targets above what is held now. A position a stop closes before
            // then, or one kept as it is, is not bought back.
            Set<String> wanted = new java.util.TreeSet<>();
            for (Target t : decision.targets()) {
                if (t.quantity() > held.getOrDefault(t.symbol(), 0L)) {
                    wanted.add(t.symbol());
                }
            }
            log.deferredBuys(id, day, wanted);
        }
        for (PlannedOrder o : plan.orders()) {
            if (deferBuys && o.side() == Side.BUY) {
                outcomes.add(new OrderOutcome(o, OrderOutcome.Kind.DEFERRED, null, null,
                        "sent after the next open, once the sells have filled, sized against the buying power then"));
                continue;
            }
            outcomes.add(place(id, day, o, held.getOrDefault(o.symbol(), 0L), account, dryRun));
        }
        for (ComboOrder c : plan.combos()) {
            outcomes.addAll(placeCombo(id, day, c, held, account, dryRun));
        }
        placeStops(run, day, decision, plan, keptStops, dryRun, outcomes);
        return new RunResult(id, day, dryRun, null, decision, decisionId, plan, blocked, outcomes);
    }

    /**
     * The option targets of one underlying and expiry are one multi-leg order: when a leg has no usable quote,
     * none of them is traded (never half a spread).
     */
    private void dropPartialCombos(String id, Decision decision, Map<String, Quote> quotes, List<String> blocked, boolean dryRun) {
        Map<String, List<String>> groups = new HashMap<>();
        for (Target t : decision.targets()) {
            org.leverdesk.options.contract.OptionSymbols.contract(t.symbol()).ifPresent(c -> groups.computeIfAbsent(
                    c.underlying() + " " + c.expiry(), k -> new ArrayList<>()).add(t.symbol()));
        }
        for (Map.Entry<String, List<String>> g : groups.entrySet()) {
            List<String> legs = g.getValue();
            if (legs.size() > 1 && !quotes.keySet().containsAll(legs)) {
                legs.forEach(quotes::remove);
                String why = "not trading the " + g.getKey() + " legs " + legs + ": a leg has no usable quote and a"
                        + " spread is traded whole or not at all";
                blocked.add(why);
                if (!dryRun) {
                    log.append("quote-blocked", id, why, null);
                }
            }
        }
    }

    /**
     * A multi-leg order: every leg passes the risk gate or none is sent (a denial of one leg is the whole
     * order's, journalled per leg); then the legs' intents are recorded and the order sent as one unit.
     */
    private List<OrderOutcome> placeCombo(String id, LocalDate day, ComboOrder c, Map<String, Long> held, Account account,
                                          boolean dryRun) {
        List<OrderOutcome> out = new ArrayList<>();
        String denied = guardDenial(id, day, c.clientOrderId(), c.legs(), held, account, dryRun);
        for (PlannedOrder leg : denied != null ? List.<PlannedOrder>of() : c.legs()) {
            GateVerdict v = verdict(id, day, leg, held.getOrDefault(leg.symbol(), 0L), account, dryRun);
            if (!v.allowed()) {
                denied = v.reason();
                break;
            }
        }
        for (PlannedOrder leg : c.legs()) {
            if (denied != null) {
                out.add(new OrderOutcome(leg, OrderOutcome.Kind.DENIED, null, null, "multi-leg " + c.clientOrderId()
                        + " denied as a whole: " + denied));
            } else if (dryRun) {
                out.add(new OrderOutcome(leg, OrderOutcome.Kind.DRY_RUN, OrderStatus.NEW, null, "dry run: not sent (multi-leg "
                        + c.clientOrderId() + ")"));
            }
        }
        if (denied != null || dryRun) {
            return out;
        }
        List<OrderOutcome> sent = sender.sendCombo(id, day, c);
        if (sent.stream().anyMatch(GuardCheck::taken)) {
            guard.sent(c.legs(), held);
        }
        return sent;
    }

    /** The RiskGuard's denial of one order unit, journalled as {@code risk-denied}; null when it passes. */
    private String guardDenial(String id, LocalDate day, String clientOrderId, List<PlannedOrder> unit, Map<String, Long> held,
                               Account account, boolean dryRun) {
        Map<String, Double> prices = new HashMap<>();
        for (PlannedOrder o : unit) {
            Double p = facts(day, o, held.getOrDefault(o.symbol(), 0L)).price();
            if (p != null) {
                prices.put(o.symbol(), p);
            }
        }
        java.util.Optional<String> denial = crossing(id, unit);
        if (denial.isEmpty()) {
            denial = guard.check(day, unit, held, account, prices, lastMarket, broker::positions);
        }
        if (denial.isPresent() && !dryRun) {
            log.append("risk-denied", id, clientOrderId + ": " + denial.get(), null);
        }
        return denial.orElse(null);
    }

    /**
     * {@link ContractCrossing}'s denial of {@code unit}: an order that would net against another strategy's holding of a
     * contract in the account. The broker's positions are read once, and only when some strategy holds a leg's contract.
     */
    private java.util.Optional<String> crossing(String id, List<PlannedOrder> unit) {
        java.util.concurrent.atomic.AtomicReference<List<org.leverdesk.broker.BrokerPosition>> positions =
                new java.util.concurrent.atomic.AtomicReference<>();
        try {
            return ContractCrossing.check(id, unit, symbol -> book.holders(symbol, () -> {
                if (positions.get() == null) {
                    positions.set(broker.positions());
                }
                return positions.get().stream().filter(p -> p.symbol().equals(symbol)).mapToLong(p -> p.quantity().longValue()).sum();
            }));
        } catch (BrokerException e) {
            // Not knowing the account's position, the order could net against another strategy's: it waits for the next run.
            return java.util.Optional.of("no positions from the broker to check that no leg nets against another strategy's"
                    + " contract (" + e.getMessage() + ")");
        }
    }

    /**
     * The second half of a decision made after the close ({@code decision}, of {@code decisionDay}), right
     * after the next open: its buys, for what is still missing of each target, planned against the
     * buying power and the quotes now (market orders; their client order ids are the deferred ones').
     * Only {@code wanted} symbols (those the decision wanted more of than was held then) are bought; targets
     * already reached, positions a stop closed since, and sells are left alone.
     */
    public RunResult followUp(StrategyRun run, LocalDate decisionDay, Decision decision, Set<String> wanted, boolean dryRun) {
        String id = run.strategy().id();
        PortfolioView portfolio = view(run);
        List<Target> buys = new ArrayList<>();
        for (Target t : decision.targets()) {
            if (wanted.contains(t.symbol()) && t.quantity() > portfolio.quantity(t.symbol())) {
                buys.add(t);
            }
        }
        if (buys.isEmpty()) {
            return new RunResult(id, decisionDay, dryRun, null, decision, null, OrderPlan.EMPTY, List.of(), List.of());
        }
        Decision remaining = new Decision(decision.date(), decision.strategyId(), true, buys, decision.explanation());
        guard.begin(run.strategy(), decisionDay, portfolio);
        try {
            return trade(run, decisionDay, remaining, null, portfolio, dryRun);
        } finally {
            guard.finish(dryRun);
        }
    }

    /**
     * Sends {@code o} where Alpaca takes it now. A market-on-open order inside Alpaca's refusal window
     * (09:28-19:00 ET: an after-close decision at 16:15) is gated and its intent recorded, but held for
     * {@link #release}. A market-on-close order past its cutoff (a 15:45 decision caught up late) goes as a
     * market order, which fills now, near the close, instead of being refused.
     */
    private OrderOutcome place(String id, LocalDate day, PlannedOrder o, long held, Account account, boolean dryRun) {
        java.time.Instant now = clock.instant();
        String window = AuctionWindows.refusal(o.timeInForce(), now, calendar);
        if (window == null) {
            return gateAndSend(id, day, o, held, account, dryRun);
        }
        if (o.timeInForce() == TimeInForce.CLS) {
            PlannedOrder market = new PlannedOrder(o.clientOrderId(), o.leg(), o.symbol(), o.side(), o.quantity(),
                    OrderType.MARKET, TimeInForce.DAY, null, o.reason() + "; a market order: " + window);
            return gateAndSend(id, day, market, held, account, dryRun);
        }
        GateVerdict v = verdict(id, day, o, held, account, dryRun);
        if (!v.allowed()) {
            return new OrderOutcome(o, OrderOutcome.Kind.DENIED, null, null, v.reason());
        }
        String release = "held until " + AuctionWindows.nextOpgAcceptance(now, calendar)
                .atZone(org.leverdesk.market.calendar.NyseCalendar.ZONE).toLocalTime() + " ET (" + window + ")";
        if (dryRun) {
            return new OrderOutcome(o, OrderOutcome.Kind.HELD, OrderStatus.NEW, null, "dry run: " + release);
        }
        return sender.hold(id, day, o, release);
    }

    /**
     * Releases the orders a decision of {@code day} held ({@link OrderOutcome.Kind#HELD}) now that Alpaca
     * takes them: each is gated again (the kill switch may have been engaged since) and sent under its
     * recorded client order id, never twice. One still inside its window stays held.
     */
    public RunResult release(StrategyRun run, LocalDate day, Decision decision, List<PlannedOrder> held, boolean dryRun) {
        String id = run.strategy().id();
        java.time.Instant now = clock.instant();
        List<OrderOutcome> outcomes = new ArrayList<>();
        if (!held.isEmpty()) {
            Account account = broker.account();
            PortfolioView portfolio = brokerView(run);
            guard.begin(run.strategy(), day, portfolio);
            Map<String, Long> positions = new HashMap<>();
            portfolio.positions().forEach((symbol, p) -> positions.put(symbol, p.quantity()));
            runHeld = positions;
            for (PlannedOrder o : held) {
                String window = AuctionWindows.refusal(o.timeInForce(), now, calendar);
                outcomes.add(window != null
                        ? new OrderOutcome(o, OrderOutcome.Kind.HELD, OrderStatus.NEW, null, "still held: " + window)
                        : gateAndSend(id, day, o, portfolio.quantity(o.symbol()), account, dryRun));
            }
            guard.finish(dryRun);
        }
        return new RunResult(id, day, dryRun, null, decision, null, new OrderPlan(held, List.of()), List.of(), outcomes);
    }

    private GateVerdict verdict(String id, LocalDate day, PlannedOrder o, long held, Account account, boolean dryRun) {
        GateVerdict v = dryRun ? gate.evaluate(o.symbol(), o.side(), o.quantity(), held)
                : gate.check(id, o.clientOrderId(), o.symbol(), o.side(), o.quantity(), held);
        if (v.allowed() && account.tradingBlocked()) {
            v = GateVerdict.deny(v.state(), "the broker blocks trading on account " + account.accountId());
            if (!dryRun) {
                log.append("risk-denied", id, o.clientOrderId() + ": " + v.reason(), null);
            }
        }
        if (v.allowed() && limits.any()) {
            java.util.Optional<String> denial = RiskLimitCheck.denial(limits, facts(day, o, held));
            if (denial.isPresent()) {
                v = GateVerdict.deny(v.state(), denial.get());
                if (!dryRun) {
                    log.append("risk-denied", id, o.clientOrderId() + ": " + v.reason(), null);
                }
            }
        }
        return v;
    }

    /** The facts the account limits judge {@code o} by: its price (limit, else the quote's mid), the last close, today's orders. */
    private RiskLimitCheck.OrderFacts facts(LocalDate day, PlannedOrder o, long held) {
        Quote q = lastQuotes.get(o.symbol());
        Double price = o.limitPrice() != null ? Double.valueOf(o.limitPrice().doubleValue())
                : o.stopPrice() != null ? Double.valueOf(o.stopPrice().doubleValue())
                : q != null ? Double.valueOf(q.mid()) : null;
        MarketSnapshot m = lastMarket;
        Double lastClose = m != null && m.has(o.symbol()) && !m.history(o.symbol()).isEmpty()
                ? Double.valueOf(m.history(o.symbol()).lastClose()) : null;
        if (price == null) {
            price = lastClose;
        }
        // Counting the day's orders reads the store: only when that limit is on.
        int ordersToday = limits.maxOrdersPerDay() > 0 ? log.ordersOn(day) : 0;
        return new RiskLimitCheck.OrderFacts(o.symbol(), o.side(), o.quantity(), held, price, lastClose, ordersToday);
    }

    /** Moves trading to REDUCING or HALTED when the day's loss reaches the account limits. */
    private void applyDailyLoss(String id, Account account) {
        if (!limits.any() || account.lastEquity() == null || account.equity() == null) {
            return;
        }
        RiskLimitCheck.dailyLoss(limits, account.equity().doubleValue(), account.lastEquity().doubleValue(), gate.state())
                .ifPresent(s -> gate.setState(s.state(), "daily loss limit (" + id + "'s run): " + s.reason()));
    }

    private OrderOutcome gateAndSend(String id, LocalDate day, PlannedOrder o, long held, Account account, boolean dryRun) {
        GateVerdict v = verdict(id, day, o, held, account, dryRun);
        if (!v.allowed()) {
            return new OrderOutcome(o, OrderOutcome.Kind.DENIED, null, null, v.reason());
        }
        Map<String, Long> positions = new HashMap<>(runHeld);
        positions.put(o.symbol(), held);
        String denied = guardDenial(id, day, o.clientOrderId(), List.of(o), positions, account, dryRun);
        if (denied != null) {
            return new OrderOutcome(o, OrderOutcome.Kind.DENIED, null, null, denied);
        }
        if (dryRun) {
            return new OrderOutcome(o, OrderOutcome.Kind.DRY_RUN, OrderStatus.NEW, null, "dry run: not sent");
        }
        OrderOutcome out = sender.send(id, day, o);
        if (GuardCheck.taken(out)) {
            guard.sent(List.of(o), positions);
        }
        return out;
    }

    private QuoteCheck quote(String symbol, LocalDate day) {
        try {
            // End-of-day quotes (paper broker on daily prices) are fresh when they are of the decision's day.
            java.time.Instant freshFrom = broker.quotesFromDailyCloses()
                    ? day.atStartOfDay(org.leverdesk.market.calendar.NyseCalendar.ZONE).toInstant() : null;
            return quoteGuard.check(symbol, broker.latestQuote(symbol), freshFrom);
        } catch (BrokerException e) {
            return QuoteCheck.blocked(symbol, null, symbol + ": no quote from the broker (" + e.getMessage() + ")");
        }
    }

    /**
     * Cancels this strategy's resting protective stops on the decision's symbols that no longer fit
     * (the position is about to change, or the stop moved or went) — before the planner's sells, which
     * a resting stop would otherwise hold the shares of. Returns the stops that stay.
     */
    private List<BrokerOrder> settleStops(String id, Decision decision, Map<String, Long> held, boolean dryRun,
                                          List<OrderOutcome> outcomes) {
        List<BrokerOrder> kept = new ArrayList<>();
        List<BrokerOrder> resting = restingStops(id, decision);
        for (BrokerOrder stop : resting) {
            Target t = target(decision, stop.symbol());
            long h = held.getOrDefault(stop.symbol(), 0L);
            boolean fits = t != null && t.hasStop() && t.quantity() == h
                    && stop.quantity().compareTo(BigDecimal.valueOf(h)) == 0
                    && stop.stopPrice().compareTo(OrderPlanner.tick(t.stopPrice(), RoundingMode.DOWN)) == 0;
            if (fits) {
                kept.add(stop);
                continue;
            }
            if (dryRun) {
                continue;
            }
            try {
                broker.cancel(stop.brokerOrderId());
                log.append("order", id, stop.clientOrderId() + ": protective stop cancelled for the new target", null);
            } catch (BrokerException e) {
                log.append("order", id, stop.clientOrderId() + ": cancelling the protective stop failed: " + e.getMessage(),
                        null);
            }
        }
        return kept;
    }

    /** This strategy's open stop sells on the decision's symbols (its client order ids start "ld-<id>-"). */
    private List<BrokerOrder> restingStops(String id, Decision decision) {
        boolean anyStopWanted = false;
        for (Target t : decision.targets()) {
            anyStopWanted |= t.hasStop();
        }
        List<BrokerOrder> out = new ArrayList<>();
        List<BrokerOrder> open;
        try {
            open = broker.openOrders();
        } catch (BrokerException e) {
            return out;
        }
        String prefix = ClientOrderIds.prefix(id);
        for (BrokerOrder o : open) {
            if (o.type() == OrderType.STOP && o.side() == Side.SELL && o.clientOrderId() != null
                    && o.clientOrderId().startsWith(prefix) && target(decision, o.symbol()) != null) {
                out.add(o);
            }
        }
        return anyStopWanted || !out.isEmpty() ? out : List.of();
    }

    private static Target target(Decision d, String symbol) {
        for (Target t : d.targets()) {
            if (t.symbol().equals(symbol)) {
                return t;
            }
        }
        return null;
    }

    /** Places the protective stop of every target that asks for one, once its position is held. */
    private void placeStops(StrategyRun run, LocalDate day, Decision decision, OrderPlan plan, List<BrokerOrder> kept,
                            boolean dryRun, List<OrderOutcome> outcomes) {
        String id = run.strategy().id();
        for (Target t : decision.targets()) {
            if (!t.hasStop() || t.quantity() <= 0 || kept.stream().anyMatch(k -> k.symbol().equals(t.symbol()))) {
                continue;
            }
            long held = heldAfterEntry(run, t, plan);
            if (held != t.quantity()) {
                if (!dryRun) {
                    log.append("order", id, t.symbol() + ": protective stop at " + t.stopPrice() + " not placed: holding "
                            + held + " of the target " + t.quantity() + " (the entry has not filled)", null);
                }
                continue;
            }
            PlannedOrder stop = OrderPlanner.protectiveStop(id, run.version(), day, t.symbol(), held, t.stopPrice());
            Account account = broker.account();
            outcomes.add(gateAndSend(id, day, stop, held, account, dryRun));
        }
    }

    /** The position in {@code t}'s symbol after its entry, waiting up to {@code stopWait} for an accepted entry to fill. */
    private long heldAfterEntry(StrategyRun run, Target t, OrderPlan plan) {
        long held = view(run).quantity(t.symbol());
        PlannedOrder entry = plan.orders().stream().filter(o -> o.symbol().equals(t.symbol())).findFirst().orElse(null);
        long deadline = System.nanoTime() + stopWait.toNanos();
        while (held != t.quantity() && entry != null && System.nanoTime() < deadline) {
            try {
                Thread.sleep(POLL.toMillis());
                if (broker.orderByClientOrderId(entry.clientOrderId()).map(o -> o.status().isFinal()).orElse(true)) {
                    held = view(run).quantity(t.symbol());
                    break;
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            } catch (BrokerException e) {
                break;
            }
            held = view(run).quantity(t.symbol());
        }
        return held;
    }

    private Set<String> traded(Strategy strategy) {
        if (strategy != lastStrategy) {
            lastTraded = Set.copyOf(strategy.tradedSymbols());
            lastStrategy = strategy;
        }
        return lastTraded;
    }
}
