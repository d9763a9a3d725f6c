package org.leverdesk.strategy.options;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
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
import org.leverdesk.strategy.Strategy;

/**
 * Seed 003's wheel (Balanced mode) and covered calls (the option half of Conservative mode), decided a few
 * minutes before the close on that day's chain; the orders are market orders, so a sale fills at the
 * chain's bid and a purchase at its ask. Each day, on {@code optionsTicker}:
 * <ol>
 *   <li>an option position is open: hold it to expiry (the broker settles it at the expiry's close:
 *       assigned when in the money by $0.01 or more, else it expires worthless);</li>
 *   <li>100 shares or more: write min(maxContracts, shares / 100) covered calls at the listed strike
 *       nearest spot × (1 + callPctOtm), not below the spot, of the nearest expiry in the DTE window;</li>
 *   <li>fewer (wheel): write min(maxContracts, ⌊free cash / (strike × 100)⌋) cash-secured puts at the strike
 *       nearest spot × (1 − putPctOtm), not above the spot; free cash = cash − cashBufferPct × equity;</li>
 *   <li>fewer (covered calls): buy 100-share lots with the free cash (at most maxContracts lots) to write
 *       calls on from the next day.</li>
 * </ol>
 * A sale passes two guards or is not made: the option's |delta| inside [minDelta, maxDelta] and a bid of at
 * least minCredit per share. Naked calls are impossible by construction (calls only on held shares, and the
 * broker refuses an uncovered one); puts are sized to the free cash (and the broker refuses an unsecured one).
 */
public final class WheelStrategy implements Strategy {
    public static final String WHEEL_ID = "wheel";
    public static final String COVERED_CALL_ID = "covered-call";
    private static final int SHARES_PER_CONTRACT = OptionContract.STANDARD_MULTIPLIER;

    private final WheelConfig config;
    private final String id;
    private final ExecutionPolicy execution = ExecutionPolicy.atClose(ExecutionPolicy.LiveOrderStyle.MARKET, 0);

    public WheelStrategy(WheelConfig config) {
        this.config = config;
        this.id = config.mode() == WheelConfig.Mode.WHEEL ? WHEEL_ID : COVERED_CALL_ID;
    }

    public WheelConfig config() {
        return config;
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public Set<String> symbols() {
        return new TreeSet<>(List.of(config.symbol(), config.optionsTicker()));
    }

    /** The option's underlying: its shares and (by {@link OptionSymbols#belongsTo}) its options. */
    @Override
    public Set<String> tradedSymbols() {
        return Set.of(config.optionsTicker());
    }

    @Override
    public Set<String> optionUnderlyings() {
        return Set.of(config.optionsTicker());
    }

    @Override
    public ExecutionPolicy execution() {
        return execution;
    }

    @Override
    public Decision decide(DecisionContext ctx) {
        LocalDate today = ctx.today();
        String ticker = config.optionsTicker();
        History h = ctx.market().history(ticker);
        if (h.isEmpty() || !h.lastDate().equals(today)) {
            return Decision.hold(today, id, "no " + ticker + " price for " + today + "; not trading options on stale data");
        }
        double spot = h.lastClose();
        PortfolioView pf = ctx.portfolio();
        List<Position> open = openOptions(pf, ticker);
        if (!open.isEmpty()) {
            if (!ctx.explain()) {
                return Decision.quietHold(today, id);
            }
            List<String> held = new ArrayList<>();
            for (Position p : open) {
                OptionContract c = OptionSymbols.contract(p.symbol()).orElseThrow();
                held.add(p.quantity() + " " + c.compactSymbol() + " (" + c.daysToExpiry(today) + " DTE)");
            }
            return Decision.hold(today, id, "holding " + String.join(", ", held) + " to expiry");
        }
        long shares = pf.quantity(ticker);
        if (shares >= SHARES_PER_CONTRACT) {
            int contracts = (int) Math.min(config.maxContracts(), shares / SHARES_PER_CONTRACT);
            return write(ctx, spot, OptionRight.CALL, contracts, shares);
        }
        if (config.mode() == WheelConfig.Mode.COVERED_CALLS) {
            return buyLots(ctx, spot, shares);
        }
        return write(ctx, spot, OptionRight.PUT, -1, shares);
    }

    private static List<Position> openOptions(PortfolioView pf, String ticker) {
        List<Position> out = new ArrayList<>();
        for (Position p : pf.positions().values()) {
            if (p.quantity() != 0 && OptionSymbols.contract(p.symbol()).map(c -> c.underlying().equals(ticker)).orElse(false)) {
                out.add(p);
            }
        }
        return out;
    }

    /** Free cash for collateral and shares: cash less the buffer kept of the equity. */
    private double freeCash(PortfolioView pf) {
        return pf.cash() - config.cashBufferPct() * pf.equity();
    }

    private Decision buyLots(DecisionContext ctx, double spot, long shares) {
        LocalDate today = ctx.today();
        long lots = Math.min(config.maxContracts(), (long) Math.floor(freeCash(ctx.portfolio()) / (spot * SHARES_PER_CONTRACT * 1.001)));
        if (lots <= 0) {
            return Decision.hold(today, id, String.format(Locale.ROOT, "%d %s held; %s free buys no 100-share lot at %s",
                    shares, config.optionsTicker(), Fmt.money(freeCash(ctx.portfolio())), Fmt.money(spot)));
        }
        long target = shares + lots * SHARES_PER_CONTRACT;
        Map<String, Double> signals = new LinkedHashMap<>();
        signals.put("spot", spot);
        signals.put("targetShares", (double) target);
        return new Decision(today, id, true, List.of(new Target(config.optionsTicker(), target)), new Explanation(
                "buy " + lots * SHARES_PER_CONTRACT + " " + config.optionsTicker() + " to write covered calls on", signals, List.of(), null));
    }

    /**
     * Writes {@code contracts} calls (or, for a put with {@code contracts} −1, as many as the free cash secures)
     * when the guards pass.
     */
    private Decision write(DecisionContext ctx, double spot, OptionRight right, int contracts, long shares) {
        LocalDate today = ctx.today();
        String ticker = config.optionsTicker();
        double otm = right == OptionRight.PUT ? config.putPctOtm() : config.callPctOtm();
        int strikesEachSide = (int) Math.min(500, Math.ceil(spot * otm) + 10);
        ChainFilter filter = new ChainFilter(config.minDte(), config.maxDte(), 1, strikesEachSide);
        Optional<OptionChain> chain = ctx.options().chain(ticker, spot, filter);
        String what = right == OptionRight.PUT ? "cash-secured put" : "covered call";
        if (chain.isEmpty()) {
            return Decision.hold(today, id, "no " + ticker + " option chain on " + today + "; no " + what + " written");
        }
        List<Expiry> expiries = chain.get().expiries();
        if (expiries.isEmpty()) {
            return Decision.hold(today, id, "no " + ticker + " expiry " + config.minDte() + "-" + config.maxDte()
                    + " days out on " + today + "; no " + what + " written");
        }
        Expiry expiry = expiries.get(0);
        Optional<OptionQuote> pick = chain.get().nearestOtm(expiry.date(), right, otm);
        if (pick.isEmpty()) {
            return Decision.hold(today, id, "no " + ticker + " " + right + " listed for " + expiry.date());
        }
        OptionQuote q = pick.get();
        double strike = q.contract().strikeValue();
        List<GateResult> gates = new ArrayList<>();
        boolean otmOk = right == OptionRight.PUT ? strike <= spot : strike >= spot;
        gates.add(otmOk ? GateResult.pass("out of the money", Fmt.money(strike) + " vs " + Fmt.money(spot), "strike on the right side of the spot")
                : GateResult.fail("out of the money", Fmt.money(strike) + " vs " + Fmt.money(spot), "the nearest strike is in the money"));
        double absDelta = Math.abs(q.delta());
        boolean deltaOk = absDelta >= config.minDelta() && absDelta <= config.maxDelta();
        String band = fmt(config.minDelta()) + ".." + fmt(config.maxDelta());
        gates.add(deltaOk ? GateResult.pass("delta band", fmt(absDelta) + " in " + band, "inside the band")
                : GateResult.fail("delta band", fmt(absDelta) + " in " + band, "|delta| outside the band"));
        boolean creditOk = q.bid() >= config.minCredit() - 1e-9;
        gates.add(creditOk ? GateResult.pass("minimum credit", Fmt.money(q.bid()) + " >= " + Fmt.money(config.minCredit()), "enough premium")
                : GateResult.fail("minimum credit", Fmt.money(q.bid()) + " >= " + Fmt.money(config.minCredit()), "bid under the minimum credit"));
        int n = contracts;
        double free = freeCash(ctx.portfolio());
        if (right == OptionRight.PUT) {
            n = (int) Math.max(0, Math.min(config.maxContracts(), Math.floor(free / (strike * q.contract().multiplier()))));
            gates.add(n > 0 ? GateResult.pass("cash-secured", Fmt.money(free) + " free", n + " put(s) secured at " + Fmt.money(strike * 100) + " each")
                    : GateResult.fail("cash-secured", Fmt.money(free) + " free", "not enough free cash to secure one put at "
                    + Fmt.money(strike * 100)));
        } else {
            gates.add(GateResult.pass("covered", shares + " shares", n + " call(s) covered by " + n * SHARES_PER_CONTRACT + " shares"));
        }
        Map<String, Double> signals = new LinkedHashMap<>();
        signals.put("spot", spot);
        signals.put("strike", strike);
        signals.put("bid", q.bid());
        signals.put("ask", q.ask());
        signals.put("delta", q.delta());
        signals.put("iv", q.impliedVolatility());
        signals.put("dte", (double) expiry.daysFrom(today));
        signals.put("contracts", (double) n);
        boolean pass = gates.stream().allMatch(GateResult::passed);
        String occ = q.contract().occSymbol();
        String summary = pass
                ? String.format(Locale.ROOT, "sell %d %s %s (strike %s, %d DTE, |delta| %.2f) at the bid %s: %s premium",
                n, what, q.contract().compactSymbol(), Fmt.money(strike), expiry.daysFrom(today), absDelta, Fmt.money(q.bid()),
                Fmt.money(n * q.bid() * q.contract().multiplier()))
                : "no " + what + " written: " + gates.stream().filter(g -> !g.passed()).map(GateResult::reason)
                .reduce((a, b) -> a + "; " + b).orElse("");
        Explanation why = new Explanation(summary, signals, gates, null);
        if (!pass) {
            return new Decision(today, id, false, List.of(), why);
        }
        return new Decision(today, id, true, List.of(new Target(occ, -n)), why);
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.2f", v);
    }
}
