package org.leverdesk.strategy.options;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.leverdesk.domain.Decision;
import org.leverdesk.domain.Explanation;
import org.leverdesk.domain.GateResult;
import org.leverdesk.domain.History;
import org.leverdesk.domain.Position;
import org.leverdesk.domain.PortfolioView;
import org.leverdesk.domain.Target;
import org.leverdesk.options.chain.ChainFilter;
import org.leverdesk.options.chain.OptionChain;
import org.leverdesk.options.chain.OptionQuote;
import org.leverdesk.options.contract.Expiry;
import org.leverdesk.options.contract.OptionContract;
import org.leverdesk.options.contract.OptionRight;
import org.leverdesk.options.contract.OptionSymbols;
import org.leverdesk.strategy.DecisionContext;
import org.leverdesk.strategy.ExecutionPolicy;
import org.leverdesk.strategy.Fmt;
import org.leverdesk.riskguard.GuardLimits;
import org.leverdesk.riskguard.GuardSignals;
import org.leverdesk.riskguard.RiskGuard;
import org.leverdesk.strategy.Strategy;

/**
 * Seed 003's Enhanced mode: defined-risk credit spreads ({@code spreads}: a bull put spread when the close is
 * above its {@code trendDays} SMA, a bear call spread below it) and iron condors ({@code condor}: both, when the
 * market is range-bound), decided a few minutes before the close on that day's chain. A position is all the
 * options of one expiry (one position per expiry); its legs are targets the planner sends as one multi-leg order.
 *
 * <p>Each decision first checks the open positions' exits, at the chain's quotes (what closing costs now: the
 * shorts at the ask, the longs at the bid): stop (loss ≥ stopLossPct × maximum loss), short strike breached
 * (the close beyond a short strike), profit take (profit ≥ profitTakePct × credit), and close before expiry day
 * (DTE ≤ closeDte). Then one new position when the signal, the filters and the {@link RiskGuard}'s position
 * limits (volatility ceiling, open risk, direction cap, cash buffer, which the contracts are sized to) pass; a
 * denial is the decision's explanation, journalled with its gates. The account limits (daily and weekly stops,
 * drawdown throttle, cooldown after a stop, trades per day, day trades, margin) and their memory are the decision
 * cycle's, kept in the store across restarts; a stop exit is signalled to it as {@link GuardSignals#STOP_EXIT}.
 */
public final class SpreadStrategy implements Strategy {
    public static final String SPREADS_ID = "spreads";
    public static final String CONDOR_ID = "condor";


    private final SpreadConfig config;
    private final String id;
    private final ExecutionPolicy execution = ExecutionPolicy.atClose(ExecutionPolicy.LiveOrderStyle.MARKET, 0);


    public SpreadStrategy(SpreadConfig config) {
        this.config = config;
        this.id = config.mode() == SpreadConfig.Mode.SPREADS ? SPREADS_ID : CONDOR_ID;
    }

    public SpreadConfig config() {
        return config;
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public Set<String> symbols() {
        return Set.of(config.symbol());
    }

    @Override
    public Set<String> optionUnderlyings() {
        return Set.of(config.symbol());
    }

    /** None: a spread or condor never takes its root's shares (a leg in the money at expiry is settled in cash). */
    @Override
    public Set<String> shareSymbols() {
        return Set.of();
    }

    @Override
    public GuardLimits guardLimits() {
        return config.guard();
    }

    @Override
    public boolean checksExitsIntraday() {
        return true;
    }

    @Override
    public boolean guardsPositions() {
        return true;
    }

    @Override
    public ExecutionPolicy execution() {
        return execution;
    }

    /** One open position: the legs of one expiry, per share values (credit received, cost to close now). */
    record Open(LocalDate expiry, List<Position> legs, long contracts, double credit, double maxWidth, double closeCost,
                double delta, List<OptionContract> shorts) {
        double maxLoss() {
            return maxWidth - credit;
        }

        double profit() {
            return credit - closeCost;
        }
    }

    @Override
    public Decision decide(DecisionContext ctx) {
        LocalDate today = ctx.today();
        String ticker = config.symbol();
        History h = ctx.market().history(ticker);
        if (h.isEmpty() || !h.lastDate().equals(today)) {
            return Decision.hold(today, id, "no " + ticker + " price for " + today + "; not trading options on stale data");
        }
        PortfolioView pf = ctx.portfolio();
        double spot = h.lastClose();
        List<Position> options = new ArrayList<>();
        for (Position p : pf.positions().values()) {
            if (p.quantity() != 0 && OptionSymbols.contract(p.symbol()).map(c -> c.underlying().equals(ticker)).orElse(false)) {
                options.add(p);
            }
        }
        Map<LocalDate, List<Position>> byExpiry = new TreeMap<>();
        for (Position p : options) {
            byExpiry.computeIfAbsent(OptionSymbols.contract(p.symbol()).orElseThrow().expiry(), k -> new ArrayList<>()).add(p);
        }
        List<Target> targets = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        List<GateResult> gates = new ArrayList<>();
        Map<String, Double> signals = new LinkedHashMap<>();
        signals.put("spot", spot);
        double openRisk = 0;
        double collateral = 0;
        double netDelta = 0;
        List<LocalDate> held = new ArrayList<>();
        // An expiry is busy while any leg in it stays open after this decision: one whose legs this decision closes
        // is free for the entry, as it is for the daily run after a 10-minute exit check closed them earlier in the
        // session (so the backtest's daily decision and the live checks then run pick the same expiry).
        Set<LocalDate> busy = new java.util.HashSet<>();
        for (Map.Entry<LocalDate, List<Position>> e : byExpiry.entrySet()) {
            Optional<Open> o = value(ctx, spot, e.getKey(), e.getValue());
            if (o.isEmpty()) {
                notes.add("no quotes for the " + e.getKey() + " position; held");
                held.add(e.getKey());
                busy.add(e.getKey());
                continue;
            }
            Open pos = o.get();
            if (pos.legs().size() < e.getValue().size()) {
                // A long leg nobody bids for stays until it expires.
                busy.add(e.getKey());
            }
            if (pos.shorts().isEmpty()) {
                // Long legs left after their shorts were bought back: sold when anyone bids, else left to expire.
                if (!pos.legs().isEmpty()) {
                    pos.legs().forEach(leg -> targets.add(new Target(leg.symbol(), 0)));
                    notes.add("sell the long leg(s) left of the " + pos.expiry() + " position");
                }
                continue;
            }
            String exit = exitReason(pos, spot, today);
            boolean stop = exit != null && exit.startsWith("stop");
            if (exit != null) {
                for (Position leg : pos.legs()) {
                    targets.add(new Target(leg.symbol(), 0));
                }
                if (stop) {
                    // The decision cycle's RiskGuard starts the cooldown from this signal (and lets the close
                    // through the day-trade count).
                    signals.put(GuardSignals.STOP_EXIT, 1.0);
                }
                notes.add(String.format(Locale.ROOT, "close the %s position (%d×, credit %s, now %s to close, P&L %s): %s",
                        pos.expiry(), pos.contracts(), Fmt.money(pos.credit()), Fmt.money(pos.closeCost()),
                        Fmt.money(pos.profit() * 100 * pos.contracts()), exit));
                continue;
            }
            held.add(pos.expiry());
            busy.add(pos.expiry());
            openRisk += pos.maxLoss() * 100 * pos.contracts();
            collateral += pos.maxWidth() * 100 * pos.contracts();
            netDelta += pos.delta();
        }
        signals.put("openRisk", openRisk);
        signals.put("netDelta", netDelta);
        if (ctx.exitsOnly()) {
            // The intraday exit check: exits only; entries are decided once a day, before the close.
            if (notes.isEmpty()) {
                notes.add("exit check: " + held.size() + " position(s) open, no exit level reached");
            }
            return decision(today, targets, notes, gates, signals);
        }
        if (held.size() >= config.maxPositions()) {
            notes.add(held.size() + " position(s) open, the most allowed (" + config.maxPositions() + "); no new one");
            return decision(today, targets, notes, gates, signals);
        }
        entry(ctx, h, spot, held, busy, openRisk, collateral, netDelta, targets, notes, gates, signals);
        return decision(today, targets, notes, gates, signals);
    }

    private Decision decision(LocalDate today, List<Target> targets, List<String> notes, List<GateResult> gates,
                              Map<String, Double> signals) {
        String summary = notes.isEmpty() ? "hold" : String.join("; ", notes);
        return new Decision(today, id, !targets.isEmpty(), targets, new Explanation(summary, signals, gates, null));
    }

    /** Looks for one new position; adds its legs to {@code targets} when everything passes. */
    private void entry(DecisionContext ctx, History h, double spot, List<LocalDate> held, Set<LocalDate> busy, double openRisk,
                       double collateral, double netDelta, List<Target> targets, List<String> notes, List<GateResult> gates,
                       Map<String, Double> signals) {
        LocalDate today = ctx.today();
        int n = h.size();
        if (n < config.trendDays() + 20) {
            notes.add("only " + n + " sessions of " + config.symbol() + "; the trend needs " + (config.trendDays() + 20));
            return;
        }
        double sma = sma(h, h.lastIndex());
        double smaBefore = sma(h, h.lastIndex() - 20);
        signals.put("sma", sma);
        boolean up = spot > sma;
        boolean ranging = Math.abs(spot / sma - 1) <= config.rangePct() && Math.abs(sma / smaBefore - 1) <= config.rangePct();
        List<OptionRight> sides;
        if (config.mode() == SpreadConfig.Mode.CONDOR) {
            gates.add(ranging ? GateResult.pass("range-bound", fmt(spot / sma - 1) + ", " + fmt(sma / smaBefore - 1),
                    "close near its SMA and the SMA flat")
                    : GateResult.fail("range-bound", fmt(spot / sma - 1) + ", " + fmt(sma / smaBefore - 1),
                    "not range-bound (close or SMA beyond ±" + fmt(config.rangePct()) + ")"));
            sides = List.of(OptionRight.PUT, OptionRight.CALL);
        } else {
            gates.add(GateResult.pass("trend", Fmt.money(spot) + (up ? " > " : " <= ") + "SMA " + Fmt.money(sma),
                    up ? "up: bull put spread" : "down: bear call spread"));
            sides = List.of(up ? OptionRight.PUT : OptionRight.CALL);
        }
        int strikes = (int) Math.min(500, Math.ceil(spot * 0.15) + config.width() + 10);
        Optional<OptionChain> chain = ctx.options().chain(config.symbol(), spot,
                new ChainFilter(config.minDte(), config.maxDte(), 8, strikes));
        if (chain.isEmpty() || chain.get().expiries().isEmpty()) {
            notes.add("no " + config.symbol() + " chain " + config.minDte() + "-" + config.maxDte() + " days out; no new position");
            return;
        }
        OptionChain c = chain.get();
        // The symbols this decision closes: a new leg on one of them would make one contract two targets.
        Set<String> closing = new java.util.HashSet<>();
        targets.forEach(t -> closing.add(t.symbol()));
        Expiry expiry = null;
        for (Expiry e : chain.get().expiries()) {
            if (!busy.contains(e.date()) && !reusesClosingLeg(c, e, sides, closing)) {
                expiry = e;
                break;
            }
        }
        if (expiry == null) {
            notes.add("every expiry in the window already holds a position; no new one");
            return;
        }
        double iv = c.inputs().atm30();
        double index = c.inputs().index().level();
        signals.put("atmIv", iv);
        signals.put("volIndex", index);
        gates.add(iv >= config.minIv() ? GateResult.pass("IV filter", fmt(iv) + " >= " + fmt(config.minIv()), "premium worth selling")
                : GateResult.fail("IV filter", fmt(iv) + " < " + fmt(config.minIv()), "implied volatility too low for credit"));
        List<OptionQuote> shortLegs = new ArrayList<>();
        List<OptionQuote> longLegs = new ArrayList<>();
        double credit = 0;
        double maxWidth = 0;
        double delta = 0;
        for (OptionRight right : sides) {
            Optional<OptionQuote> s = c.nearestDelta(expiry.date(), right, config.shortDelta());
            if (s.isEmpty()) {
                notes.add("no " + right + " near delta " + fmt(config.shortDelta()) + " for " + expiry.date());
                return;
            }
            OptionContract sc = s.get().contract();
            double longStrike = right == OptionRight.PUT ? sc.strikeValue() - config.width() : sc.strikeValue() + config.width();
            Optional<OptionQuote> l = longStrike <= 0 ? Optional.empty() : c.find(OptionContract.of(sc.underlying(), sc.expiry(),
                    right, java.math.BigDecimal.valueOf(longStrike)));
            if (l.isEmpty()) {
                notes.add("no " + right + " listed at " + Fmt.money(longStrike) + " (" + Fmt.money(config.width()) + " from the short "
                        + Fmt.money(sc.strikeValue()) + ")");
                return;
            }
            shortLegs.add(s.get());
            longLegs.add(l.get());
            credit += s.get().bid() - l.get().ask();
            maxWidth = Math.max(maxWidth, config.width());
            delta += (-s.get().delta() + l.get().delta()) * 100;
        }
        double minCredit = config.minCreditPct() * config.width() * sides.size();
        gates.add(credit >= minCredit - 1e-9 ? GateResult.pass("minimum credit", Fmt.money(credit) + " >= " + Fmt.money(minCredit), "enough credit")
                : GateResult.fail("minimum credit", Fmt.money(credit) + " < " + Fmt.money(minCredit), "credit under " + fmt(config.minCreditPct())
                + " of the width"));
        double riskEach = (maxWidth - credit) * 100;
        double equity = ctx.portfolio().equity();
        int contracts = riskEach <= 0 ? config.maxContracts() : (int) Math.max(0, Math.min(config.maxContracts(),
                Math.floor((config.guard().maxRiskPct() * equity - openRisk) / riskEach + 1e-9)));
        int sized = Math.max(1, contracts);
        double freeAfter = ctx.portfolio().cash() - collateral - (config.width() * sides.size() * 100 - credit * 100) * sized;
        // The position limits only: the decision cycle's RiskGuard checks the account limits (stops, throttle,
        // cooldown, trades per day) on the entry's orders with the state it keeps in the store.
        gates.addAll(RiskGuard.position(config.guard(), equity, new RiskGuard.Position(index, openRisk, riskEach * sized,
                netDelta + delta * sized, freeAfter)));
        signals.put("credit", credit);
        signals.put("contracts", (double) sized);
        String what = config.mode() == SpreadConfig.Mode.CONDOR ? "iron condor" : sides.get(0) == OptionRight.PUT
                ? "bull put spread" : "bear call spread";
        List<String> failed = gates.stream().filter(g -> !g.passed()).map(GateResult::reason).toList();
        if (!failed.isEmpty()) {
            notes.add("no " + what + ": " + (failed.stream().anyMatch(r -> r.contains(":")) ? "denied by RiskGuard: " : "")
                    + String.join("; ", failed));
            return;
        }
        StringBuilder legs = new StringBuilder();
        for (int i = 0; i < shortLegs.size(); i++) {
            OptionQuote s = shortLegs.get(i);
            OptionQuote l = longLegs.get(i);
            targets.add(new Target(s.contract().occSymbol(), -sized));
            targets.add(new Target(l.contract().occSymbol(), sized));
            legs.append(i > 0 ? ", " : "").append(String.format(Locale.ROOT, "sell %s at %s / buy %s at %s",
                    s.contract().compactSymbol(), Fmt.money(s.bid()), l.contract().compactSymbol(), Fmt.money(l.ask())));
        }
        notes.add(String.format(Locale.ROOT, "open %d %s %s (%d DTE): %s; credit %s, max loss %s each", sized, what,
                expiry.date(), expiry.daysFrom(today), legs, Fmt.money(credit), Fmt.money(riskEach)));
    }

    /**
     * Whether the spread(s) {@code entry} would sell and buy in {@code e} include a contract of {@code closing} (the
     * legs this decision closes in an expiry it frees): such an entry waits for the next free expiry.
     */
    private boolean reusesClosingLeg(OptionChain c, Expiry e, List<OptionRight> sides, Set<String> closing) {
        if (closing.isEmpty()) {
            return false;
        }
        for (OptionRight right : sides) {
            Optional<OptionQuote> s = c.nearestDelta(e.date(), right, config.shortDelta());
            if (s.isEmpty()) {
                continue;
            }
            OptionContract sc = s.get().contract();
            double longStrike = right == OptionRight.PUT ? sc.strikeValue() - config.width() : sc.strikeValue() + config.width();
            if (closing.contains(sc.occSymbol()) || longStrike > 0 && closing.contains(OptionContract.of(sc.underlying(),
                    sc.expiry(), right, java.math.BigDecimal.valueOf(longStrike)).occSymbol())) {
                return true;
            }
        }
        return false;
    }

    /** The exit that applies to {@code pos} today, or null. */
    private String exitReason(Open pos, double spot, LocalDate today) {
        double loss = -pos.profit();
        if (pos.maxLoss() > 0 && loss >= config.stopLossPct() * pos.maxLoss() - 1e-9) {
            return String.format(Locale.ROOT, "stop: loss %s >= %.0f%% of the maximum loss %s", Fmt.money(loss), config.stopLossPct() * 100,
                    Fmt.money(pos.maxLoss()));
        }
        if (config.shortStrikeStop()) {
            for (OptionContract s : pos.shorts()) {
                boolean breached = s.isPut() ? spot < s.strikeValue() : spot > s.strikeValue();
                if (breached) {
                    return "stop: " + config.symbol() + " closed at " + Fmt.money(spot) + ", beyond the short strike " + Fmt.money(s.strikeValue());
                }
            }
        }
        if (pos.profit() >= config.profitTakePct() * pos.credit() - 1e-9 && pos.credit() > 0) {
            return String.format(Locale.ROOT, "profit take: %s >= %.0f%% of the credit %s", Fmt.money(pos.profit()),
                    config.profitTakePct() * 100, Fmt.money(pos.credit()));
        }
        long dte = java.time.temporal.ChronoUnit.DAYS.between(today, pos.expiry());
        if (dte <= config.closeDte()) {
            return "closed before expiry day (" + dte + " DTE)";
        }
        return null;
    }

    /**
     * The open position of {@code expiry}: its credit (from the legs' average prices) and its cost to close now.
     * A long leg bid at nothing is left out of the close (nobody buys it; it expires worthless).
     */
    private Optional<Open> value(DecisionContext ctx, double spot, LocalDate expiry, List<Position> legs) {
        long contracts = Long.MAX_VALUE;
        double credit = 0;
        double close = 0;
        double delta = 0;
        List<OptionContract> shorts = new ArrayList<>();
        List<Position> closing = new ArrayList<>();
        Map<OptionRight, double[]> strikesBySide = new HashMap<>();
        for (Position p : legs) {
            OptionContract c = OptionSymbols.contract(p.symbol()).orElseThrow();
            Optional<OptionQuote> q = ctx.options().quote(c, spot);
            if (q.isEmpty()) {
                return Optional.empty();
            }
            contracts = Math.min(contracts, Math.abs(p.quantity()));
            boolean isShort = p.quantity() < 0;
            credit += isShort ? p.averageCost() : -p.averageCost();
            close += isShort ? q.get().ask() : -q.get().bid();
            delta += q.get().delta() * 100 * p.quantity();
            if (isShort) {
                shorts.add(c);
            }
            if (isShort || q.get().bid() > 0) {
                closing.add(p);
            }
            double[] mm = strikesBySide.computeIfAbsent(c.right(), k -> new double[] {Double.MAX_VALUE, -Double.MAX_VALUE});
            mm[0] = Math.min(mm[0], c.strikeValue());
            mm[1] = Math.max(mm[1], c.strikeValue());
        }
        double width = 0;
        for (double[] mm : strikesBySide.values()) {
            width = Math.max(width, mm[1] - mm[0]);
        }
        return Optional.of(new Open(expiry, closing, contracts, credit, width, close, delta, shorts));
    }

    private double sma(History h, int last) {
        double sum = 0;
        for (int i = last - config.trendDays() + 1; i <= last; i++) {
            sum += h.close(i);
        }
        return sum / config.trendDays();
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.2f", v);
    }
}
