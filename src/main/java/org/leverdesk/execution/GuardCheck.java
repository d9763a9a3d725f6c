package org.leverdesk.execution;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.leverdesk.broker.Account;
import org.leverdesk.domain.Decision;
import org.leverdesk.domain.GateResult;
import org.leverdesk.domain.MarketSnapshot;
import org.leverdesk.domain.OrderType;
import org.leverdesk.domain.PortfolioView;
import org.leverdesk.domain.Side;
import org.leverdesk.domain.Target;
import org.leverdesk.market.calendar.TradingCalendar;
import org.leverdesk.options.contract.OptionSymbols;
import org.leverdesk.riskguard.GuardLimits;
import org.leverdesk.riskguard.GuardSignals;
import org.leverdesk.riskguard.GuardState;
import org.leverdesk.riskguard.GuardStates;
import org.leverdesk.riskguard.RiskGuard;
import org.leverdesk.risk.RiskGate;
import org.leverdesk.strategy.Strategy;

/**
 * The decision cycle's RiskGuard for one strategy run: loads the strategy's guard state (the store's in paper
 * and live trading, memory in a backtest), advances it to the decision, checks each order unit (a single order
 * or a multi-leg order) and records what was sent. A unit that opens or grows a position passes the account
 * limits (and, for a strategy that does not size to them itself, the position limits) and the margin policy;
 * one that closes a position opened the same day passes the broker's day-trade count unless it is a stop.
 * Nothing else is ever denied here: a limit must never keep a position open.
 */
final class GuardCheck {
    private final GuardStates states;
    private final TradingCalendar calendar;

    private String id;
    private GuardLimits limits = GuardLimits.OFF;
    private boolean guardsPositions;
    private GuardState state = GuardState.EMPTY;
    private double equity;
    private double cash;
    private boolean stopExit;
    private int closingGroups;
    private int sentUnits;
    private int sentOpenings;
    private int sentClosings;
    private int newDayTrades;
    private final List<String> opened = new ArrayList<>();
    private org.leverdesk.config.OptionsPortfolio portfolio;

    GuardCheck(GuardStates states, TradingCalendar calendar) {
        this.states = states;
        this.calendar = calendar;
    }

    GuardStates states() {
        return states;
    }

    /** The options portfolio whose per-asset gates ({@link AssetGate}) every opening unit passes; null: none. */
    void setPortfolio(org.leverdesk.config.OptionsPortfolio portfolio) {
        this.portfolio = portfolio;
    }

    /** Starts a run of {@code strategy} on {@code day} with its share of the account. */
    void begin(Strategy strategy, LocalDate day, PortfolioView portfolio) {
        id = strategy.id();
        limits = strategy.guardLimits();
        guardsPositions = strategy.guardsPositions();
        equity = portfolio.equity();
        cash = portfolio.cash();
        state = states.load(id).advance(day, equity);
        stopExit = false;
        closingGroups = 0;
        sentUnits = 0;
        sentOpenings = 0;
        sentClosings = 0;
        newDayTrades = 0;
        opened.clear();
    }

    /** The margin policy {@code forbid} on a margin account: the reason the run must not trade, else empty. */
    Optional<String> preflight(java.util.function.Supplier<Account> account) {
        // read the account only when the policy needs it: every other run would pay one more broker call for nothing
        if (limits.marginPolicy() != org.leverdesk.riskguard.MarginPolicy.FORBID) {
            return Optional.empty();
        }
        Account a = account.get();
        return RiskGuard.margin(limits, a.margin(), a.accountId(), true);
    }

    /**
     * Notes the decision: whether it closes on a stop, and how many positions it closes (an option position is
     * one underlying and expiry, a share position one symbol), which count as today's trades before its entries.
     */
    void decided(Decision d, Map<String, Long> held) {
        stopExit = d.explanation() != null && d.explanation().signals() != null
                && d.explanation().signals().getOrDefault(GuardSignals.STOP_EXIT, 0.0) > 0;
        Set<String> groups = new HashSet<>();
        for (Target t : d.targets()) {
            long h = held.getOrDefault(t.symbol(), 0L);
            if (Math.abs(t.quantity()) < Math.abs(h)) {
                groups.add(group(t.symbol()));
            }
        }
        closingGroups = groups.size();
        if (stopExit) {
            // The cooldown starts with the stop: an entry in the same decision is already denied by it.
            state = state.traded(0, true, List.of(), 0);
        }
    }

    /**
     * {@code d} with the account limits' gates added to its explanation when it opens or grows a position, so
     * the decision says why its entry will be denied (journalled, in a backtest's decisions and its report).
     */
    Decision annotate(Decision d, Map<String, Long> held) {
        boolean opens = d.targets().stream().anyMatch(t -> Math.abs(t.quantity()) > Math.abs(held.getOrDefault(t.symbol(), 0L))
                && Long.signum(t.quantity()) * Long.signum(held.getOrDefault(t.symbol(), 0L)) >= 0);
        if (!opens || d.explanation() == null) {
            return d;
        }
        decided(d, held);
        if (limits.equals(GuardLimits.OFF)) {
            return d; // every account gate passes with every limit off: no need to build (and format) them each day
        }
        List<GateResult> account = RiskGuard.account(limits, state, d.date(), state.tradesToday() + closingGroups);
        List<String> failed = account.stream().filter(g -> !g.passed()).map(GateResult::reason).toList();
        List<GateResult> gates = new ArrayList<>(d.explanation().gates() == null ? List.of() : d.explanation().gates());
        gates.addAll(account);
        String summary = d.explanation().summary() + (failed.isEmpty() ? "" : "; entry denied by RiskGuard: "
                + String.join("; ", failed));
        return new Decision(d.date(), d.strategyId(), d.rebalance(), d.targets(), new org.leverdesk.domain.Explanation(summary,
                d.explanation().signals(), gates, d.explanation().regime()));
    }

    /** {@link #check(LocalDate, List, Map, Account, Map, MarketSnapshot, java.util.function.Supplier)} without the account's positions. */
    Optional<String> check(LocalDate day, List<PlannedOrder> unit, Map<String, Long> held, Account account,
                           Map<String, Double> prices, MarketSnapshot market) {
        return check(day, unit, held, account, prices, market, List::of);
    }

    /**
     * The reason {@code unit} is denied, or empty. {@code prices} gives each leg's price for the position limits,
     * {@code positions} the account's positions (read only for an options portfolio asset's maxAllocPct).
     */
    Optional<String> check(LocalDate day, List<PlannedOrder> unit, Map<String, Long> held, Account account,
                           Map<String, Double> prices, MarketSnapshot market,
                           java.util.function.Supplier<List<org.leverdesk.broker.BrokerPosition>> positions) {
        boolean opening = unit.stream().anyMatch(o -> !RiskGate.reduces(o.side(), o.quantity(), held.getOrDefault(o.symbol(), 0L)));
        if (!opening) {
            if (unit.stream().anyMatch(o -> state.openedToday().contains(o.symbol()))) {
                boolean stop = stopExit || unit.stream().allMatch(o -> o.type() == OrderType.STOP);
                return RiskGuard.dayTrade(limits, equity, dayTradesInWindow(day), stop, describe(unit));
            }
            return Optional.empty();
        }
        // The portfolio's gates hold for every strategy of an asset, whatever its own RiskGuard limits are.
        Optional<String> asset = AssetGate.check(portfolio, states, id, day, state, opened, unit, held, positions, account, prices);
        if (asset.isPresent()) {
            return asset;
        }
        if (limits.equals(GuardLimits.OFF)) {
            return Optional.empty(); // margin allowed, every account and position limit off: nothing can deny an entry
        }
        Optional<String> margin = RiskGuard.margin(limits, account.margin(), account.accountId(), true);
        if (margin.isPresent()) {
            return margin;
        }
        // Today's trades: earlier runs', this decision's exits (decided or sent) and the entries sent before this one.
        int trades = state.tradesToday() + Math.max(closingGroups, sentClosings) + sentOpenings;
        List<GateResult> gates = new ArrayList<>(RiskGuard.account(limits, state, day, trades));
        if (!guardsPositions && positionLimitsOn()) {
            gates.addAll(positionGates(unit, held, prices, market));
        }
        List<String> failed = gates.stream().filter(g -> !g.passed()).map(GateResult::reason).toList();
        return failed.isEmpty() ? Optional.empty() : Optional.of("RiskGuard: " + String.join("; ", failed));
    }

    /** Records a unit the broker took (or that was recorded as sent before). */
    void sent(List<PlannedOrder> unit, Map<String, Long> held) {
        sentUnits++;
        boolean opening = false;
        boolean sameDay = false;
        for (PlannedOrder o : unit) {
            long h = held.getOrDefault(o.symbol(), 0L);
            if (!RiskGate.reduces(o.side(), o.quantity(), h)) {
                opening = true;
                opened.add(o.symbol());
            } else if (state.openedToday().contains(o.symbol()) || opened.contains(o.symbol())) {
                sameDay = true;
            }
        }
        if (opening) {
            sentOpenings++;
        } else {
            sentClosings++;
        }
        if (!opening && sameDay) {
            newDayTrades++;
        }
    }

    /** True when {@code o} reached the broker (now or before a restart). */
    static boolean taken(OrderOutcome o) {
        return o.kind() == OrderOutcome.Kind.SENT || o.kind() == OrderOutcome.Kind.ALREADY_SENT
                || o.kind() == OrderOutcome.Kind.ADOPTED || o.kind() == OrderOutcome.Kind.RECOVERED;
    }

    /** Stores the state after the run (not after a dry run). */
    void finish(boolean dryRun) {
        if (id == null || dryRun) {
            return;
        }
        state = state.traded(sentUnits, stopExit, opened, newDayTrades);
        states.save(id, state);
    }

    private int dayTradesInWindow(LocalDate day) {
        return dayTradesInWindow(calendar, state, day);
    }

    /** {@code state}'s day trades in the 5 sessions that end on {@code day} (FINRA's rolling window). */
    static int dayTradesInWindow(TradingCalendar calendar, GuardState state, LocalDate day) {
        LocalDate from = day;
        for (int i = 0; i < 4; i++) {
            from = calendar.previousTradingDay(from);
        }
        LocalDate start = from;
        return (int) state.dayTrades().stream().filter(d -> !d.isBefore(start) && !d.isAfter(day)).count();
    }

    private boolean positionLimitsOn() {
        return limits.maxRiskPct() < 1 || limits.maxNetDelta() > 0 || limits.cashBufferPct() > 0;
    }

    /**
     * The position limits of a unit of a strategy that does not size to them: a share's risk is its value (down
     * to a protective stop, when the order is one), an option's its premium; delta is 1 a share, ±100 a contract
     * (no chain is read here: the worst case).
     */
    private List<GateResult> positionGates(List<PlannedOrder> unit, Map<String, Long> held, Map<String, Double> prices,
                                           MarketSnapshot market) {
        double openRisk = 0;
        double delta = 0;
        for (Map.Entry<String, Long> e : held.entrySet()) {
            double p = price(e.getKey(), prices, market);
            openRisk += Math.abs(e.getValue()) * p * multiplier(e.getKey());
            delta += e.getValue() * deltaEach(e.getKey());
        }
        double newRisk = 0;
        double spend = 0;
        for (PlannedOrder o : unit) {
            double p = price(o.symbol(), prices, market);
            double value = o.quantity() * p * multiplier(o.symbol());
            double signed = o.side() == Side.BUY ? o.quantity() : -o.quantity();
            delta += signed * deltaEach(o.symbol());
            spend += o.side() == Side.BUY ? value : -value;
            if (!RiskGate.reduces(o.side(), o.quantity(), held.getOrDefault(o.symbol(), 0L))) {
                newRisk += o.stopPrice() != null && o.side() == Side.SELL ? 0 : value;
            }
        }
        List<GateResult> gates = RiskGuard.position(limits, equity, new RiskGuard.Position(0, openRisk, newRisk, delta,
                cash - spend));
        // No volatility index is read for a stock strategy: its ceiling is not a gate here.
        return gates.stream().filter(g -> !g.name().equals("volatility ceiling")).toList();
    }

    private static double price(String symbol, Map<String, Double> prices, MarketSnapshot market) {
        Double p = prices.get(symbol);
        if (p != null) {
            return p;
        }
        return market != null && market.has(symbol) && !market.history(symbol).isEmpty() ? market.history(symbol).lastClose() : 0;
    }

    private static double multiplier(String symbol) {
        return OptionSymbols.multiplier(symbol);
    }

    private static double deltaEach(String symbol) {
        return OptionSymbols.contract(symbol).map(c -> c.right() == org.leverdesk.options.contract.OptionRight.CALL ? 100.0
                : -100.0).orElse(1.0);
    }

    private static String group(String symbol) {
        return OptionSymbols.contract(symbol).map(c -> c.underlying() + " " + c.expiry()).orElse(symbol);
    }

    private static String describe(List<PlannedOrder> unit) {
        return unit.size() == 1 ? unit.get(0).symbol() : group(unit.get(0).symbol()) + " (" + unit.size() + " legs)";
    }
}
