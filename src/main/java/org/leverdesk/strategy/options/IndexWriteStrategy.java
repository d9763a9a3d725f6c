package org.leverdesk.strategy.options;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.leverdesk.domain.Decision;
import org.leverdesk.domain.Explanation;
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
 * The rules of Cboe's two oldest strategy benchmarks, on an ETF's listed options through the one engine, so a
 * backtest can be held against the published index histories (README, "Cboe PUT and BXM"):
 * <ul>
 *   <li>{@code putwrite} (Cboe S&P 500 PutWrite, PUT): with no put open, sell the one-month at-the-money put
 *       (the listed strike nearest the close) of the next standard monthly expiry, as many as the cash secures
 *       in full (⌊cash / (strike × 100)⌋), and hold it to expiry;</li>
 *   <li>{@code buywrite} (Cboe S&P 500 BuyWrite, BXM): hold the underlying (100-share lots bought with the
 *       cash) and, with no call open, write one call per 100 shares at the listed strike at or just above the
 *       close, of the next standard monthly expiry, held to expiry.</li>
 * </ul>
 * Where the engine differs from Cboe's indexes is documented, not hidden: options on the ETF (PM-settled,
 * American, whole contracts) instead of SPX (AM-settled, fractional); the new option is written at the first
 * decision after the expiring one settled (the next session, the index rolls the same Friday at 11:00);
 * a buy-write called away buys its shares back at the next decision and writes the call a session later;
 * cash earns no interest in the simulated account.
 */
public final class IndexWriteStrategy implements Strategy {
    public static final String PUTWRITE_ID = "putwrite";
    public static final String BUYWRITE_ID = "buywrite";
    public static final String DEFAULT_SYMBOL = "SPY";
    private static final int SHARES_PER_CONTRACT = OptionContract.STANDARD_MULTIPLIER;
    // The next monthly expiry is at most about five weeks away; a few strikes either side find the money.
    private static final ChainFilter MONTHLIES = new ChainFilter(1, 40, 8, 5);

    /** Which index's rules. */
    public enum Kind { PUTWRITE, BUYWRITE }

    private final Kind kind;
    private final String symbol;
    private final ExecutionPolicy execution = ExecutionPolicy.atClose(ExecutionPolicy.LiveOrderStyle.MARKET, 0);

    public IndexWriteStrategy(Kind kind, String symbol) {
        if (symbol == null || symbol.isBlank()) {
            throw new IllegalArgumentException("the " + id(kind) + " strategy needs an underlying symbol, e.g. SPY");
        }
        this.kind = kind;
        this.symbol = symbol.strip().toUpperCase(Locale.ROOT);
    }

    /** Builds the strategy from catalog parameters; it has none (the index rules are fixed), so any is refused. */
    public static IndexWriteStrategy parse(Kind kind, String symbol, Map<String, String> params) {
        if (params != null && !params.isEmpty()) {
            throw new IllegalArgumentException(id(kind) + " follows Cboe's published rules and takes no parameters (got "
                    + String.join(", ", params.keySet()) + ")");
        }
        return new IndexWriteStrategy(kind, symbol == null ? DEFAULT_SYMBOL : symbol);
    }

    private static String id(Kind kind) {
        return kind == Kind.PUTWRITE ? PUTWRITE_ID : BUYWRITE_ID;
    }

    @Override
    public String id() {
        return id(kind);
    }

    @Override
    public Set<String> symbols() {
        return Set.of(symbol);
    }

    @Override
    public Set<String> optionUnderlyings() {
        return Set.of(symbol);
    }

    @Override
    public ExecutionPolicy execution() {
        return execution;
    }

    @Override
    public Decision decide(DecisionContext ctx) {
        LocalDate today = ctx.today();
        History h = ctx.market().history(symbol);
        if (h.isEmpty() || !h.lastDate().equals(today)) {
            return Decision.hold(today, id(), "no " + symbol + " price for " + today + "; not trading options on stale data");
        }
        double spot = h.lastClose();
        PortfolioView pf = ctx.portfolio();
        for (Position p : pf.positions().values()) {
            if (p.quantity() != 0 && OptionSymbols.contract(p.symbol()).map(c -> c.underlying().equals(symbol)).orElse(false)) {
                return ctx.explain() ? Decision.hold(today, id(), "holding " + p.quantity() + " "
                        + OptionSymbols.contract(p.symbol()).orElseThrow().compactSymbol() + " to expiry") : Decision.quietHold(today, id());
            }
        }
        long shares = pf.quantity(symbol);
        if (kind == Kind.BUYWRITE) {
            // Shares are bought when none are held (the start, a call-away): the premium collected since waits for then.
            long lots = shares > 0 ? 0 : (long) Math.floor(pf.cash() / (spot * SHARES_PER_CONTRACT * 1.001));
            if (lots > 0) {
                long target = shares + lots * SHARES_PER_CONTRACT;
                return new Decision(today, id(), true, List.of(new Target(symbol, target)), new Explanation("buy "
                        + lots * SHARES_PER_CONTRACT + " " + symbol + " to write monthly calls on", Map.of("spot", spot,
                        "targetShares", (double) target), List.of(), null));
            }
            if (shares < SHARES_PER_CONTRACT) {
                return Decision.hold(today, id(), String.format(Locale.ROOT, "%s buys no 100-share lot of %s at %s",
                        Fmt.money(pf.cash()), symbol, Fmt.money(spot)));
            }
        }
        Optional<OptionChain> chain = ctx.options().chain(symbol, spot, MONTHLIES);
        if (chain.isEmpty()) {
            return Decision.hold(today, id(), "no " + symbol + " option chain on " + today);
        }
        Expiry expiry = chain.get().expiries().stream().filter(Expiry::monthly).filter(e -> e.date().isAfter(today))
                .findFirst().orElse(null);
        if (expiry == null) {
            return Decision.hold(today, id(), "no standard monthly " + symbol + " expiry listed after " + today);
        }
        OptionRight right = kind == Kind.PUTWRITE ? OptionRight.PUT : OptionRight.CALL;
        Optional<OptionQuote> pick = kind == Kind.PUTWRITE ? chain.get().nearestOtm(expiry.date(), right, 0)
                : chain.get().quotes(expiry.date(), right).stream().filter(q -> q.contract().strikeValue() >= spot).findFirst();
        if (pick.isEmpty()) {
            return Decision.hold(today, id(), "no " + symbol + " " + right + " listed at the money for " + expiry.date());
        }
        OptionQuote q = pick.get();
        double strike = q.contract().strikeValue();
        // PUT is cash-settled: shares an assigned put delivered are sold at once, their cash secures the new puts.
        double cash = kind == Kind.PUTWRITE ? pf.cash() + shares * spot * (1 - 0.001) : pf.cash();
        long n = kind == Kind.PUTWRITE ? (long) Math.floor(cash / (strike * q.contract().multiplier()))
                : shares / SHARES_PER_CONTRACT;
        if (n <= 0) {
            return Decision.hold(today, id(), String.format(Locale.ROOT, "%s secures no %s put struck at %s", Fmt.money(pf.cash()), symbol,
                    Fmt.money(strike)));
        }
        Map<String, Double> signals = new LinkedHashMap<>();
        signals.put("spot", spot);
        signals.put("strike", strike);
        signals.put("bid", q.bid());
        signals.put("iv", q.impliedVolatility());
        signals.put("dte", (double) expiry.daysFrom(today));
        signals.put("contracts", (double) n);
        String summary = String.format(Locale.ROOT, "sell %d %s %s (strike %s, %d DTE) at the bid %s: %s premium",
                n, kind == Kind.PUTWRITE ? "cash-secured at-the-money put" : "covered call", q.contract().compactSymbol(),
                Fmt.money(strike), expiry.daysFrom(today), Fmt.money(q.bid()), Fmt.money(n * q.bid() * q.contract().multiplier()));
        List<Target> targets = kind == Kind.PUTWRITE && shares != 0
                ? List.of(new Target(symbol, 0), new Target(q.contract().occSymbol(), -n))
                : List.of(new Target(q.contract().occSymbol(), -n));
        if (targets.size() > 1) {
            summary = "sell the " + shares + " " + symbol + " the last put delivered (the index settles in cash); " + summary;
        }
        return new Decision(today, id(), true, targets, new Explanation(summary, signals, List.of(), null));
    }
}
