package org.leverdesk.strategy.meanreversion;

import static org.leverdesk.strategy.meanreversion.EntryFilters.num;

import org.leverdesk.strategy.Fmt;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.leverdesk.domain.Decision;
import org.leverdesk.domain.Explanation;
import org.leverdesk.domain.GateResult;
import org.leverdesk.domain.History;
import org.leverdesk.domain.PortfolioView;
import org.leverdesk.domain.Target;
import org.leverdesk.indicator.BollingerLower;
import org.leverdesk.indicator.Rsi;
import org.leverdesk.indicator.Sma;
import org.leverdesk.indicator.Vwap;
import org.leverdesk.strategy.DecisionContext;
import org.leverdesk.strategy.ExecutionPolicy;
import org.leverdesk.strategy.Strategy;

/**
 * Seed 001: RSI(2) mean reversion on TQQQ with an SQQQ hedge (rules and formulas in
 * {@link MeanReversionConfig}). Decides at the close: it buys when the RSI is oversold and the
 * enabled filters pass, leaving a resting stop below the entry close; sells when the RSI is
 * overbought; and independently holds the hedge from an extreme RSI until the RSI cools off.
 * Backtests fill at the close; live orders are market orders sent just before it.
 *
 * <p>It keeps no trading state: "in a position" is read from the portfolio, the stop lives at the
 * broker. Its indicators come from the {@code indicator} package, computed once per price series. So after a
 * stop fills during the day the rules apply unchanged: a close that is still oversold buys again.
 * The stop is 5% below the entry <em>close</em> (the price decided on, before slippage).
 */
public final class MeanReversionStrategy implements Strategy {
    public static final String ID = "rsi2";
    private static final ExecutionPolicy EXECUTION = ExecutionPolicy.atClose(ExecutionPolicy.LiveOrderStyle.MARKET, 0);
    private final MeanReversionConfig config;
    private final Rsi rsi;
    private final Vwap vwap;
    private final Sma sma;
    private final BollingerLower lowerBand;

    public MeanReversionStrategy(MeanReversionConfig config) {
        this.config = config;
        this.rsi = new Rsi(config.rsiPeriod());
        this.vwap = new Vwap(config.vwapDays());
        this.sma = new Sma(config.smaDays());
        this.lowerBand = new BollingerLower(config.bollingerDays(), config.bollingerStdDevs());
    }

    public MeanReversionConfig config() {
        return config;
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public Set<String> symbols() {
        return config.hedge() ? Set.of(config.symbol(), config.hedgeSymbol()) : Set.of(config.symbol());
    }

    @Override
    public ExecutionPolicy execution() {
        return EXECUTION;
    }

    @Override
    public Decision decide(DecisionContext ctx) {
        LocalDate today = ctx.today();
        History h = ctx.market().history(config.symbol());
        if (h.isEmpty() || !h.lastDate().equals(today)) {
            return Decision.hold(today, ID, "no " + config.symbol() + " price for " + today + "; not trading on stale data");
        }
        double r = h.latest(rsi);
        if (!ctx.explain() && !wouldTrade(ctx, h, r)) {
            // Nobody reads a hold's explanation here: skip building it (the same rules decide below).
            return Decision.quietHold(today, ID);
        }
        double close = h.lastClose();
        long volume = h.volume(h.lastIndex());
        double vwap = h.latest(this.vwap);
        double sma = h.latest(this.sma);
        double lower = h.latest(lowerBand);
        // Signals and the filter checklist are for people; a quiet run (nobody reads them) keeps the summary only.
        boolean explain = ctx.explain();
        Map<String, Double> signals = explain ? new LinkedHashMap<>() : new java.util.HashMap<>(2);
        if (explain) {
            signals.put("rsi", r);
            signals.put("close", close);
            signals.put("vwap", vwap);
            signals.put("sma", sma);
            signals.put("bollingerLower", lower);
            signals.put("volume", (double) volume);
        }
        List<GateResult> gates = explain ? EntryFilters.evaluate(config, close, vwap, sma, volume, lower) : List.of();
        if (Double.isNaN(r)) {
            return new Decision(today, ID, false, List.of(), new Explanation("RSI(" + config.rsiPeriod()
                    + ") warming up: needs " + (config.rsiPeriod() + 1) + " bars", signals, gates, null));
        }

        PortfolioView portfolio = ctx.portfolio();
        List<Target> targets = new ArrayList<>(2);
        List<String> why = new ArrayList<>(2);
        String rsiText = "RSI(" + config.rsiPeriod() + ") " + num(r);
        long held = portfolio.quantity(config.symbol());
        if (held > 0 && r >= config.exitRsi()) {
            targets.add(new Target(config.symbol(), 0));
            why.add("exit " + held + " " + config.symbol() + ": " + rsiText + " ≥ " + num(config.exitRsi()));
        } else if (held == 0 && r <= config.entryRsi()) {
            List<String> blocked = explain ? gates.stream().filter(g -> !g.passed()).map(GateResult::name).toList()
                    : EntryFilters.blocked(config, close, vwap, sma, volume, lower);
            long shares = (long) Math.floor(config.positionPercent() / 100 * portfolio.equity() / close);
            if (!blocked.isEmpty()) {
                why.add("no entry: " + rsiText + " ≤ " + num(config.entryRsi()) + " but blocked by " + String.join(", ", blocked));
            } else if (shares <= 0) {
                why.add("no entry: " + rsiText + " oversold but " + num(config.positionPercent()) + "% of equity buys no whole share");
            } else {
                double stop = config.hasStopLoss() ? close * (1 - config.stopLossPercent() / 100) : Double.NaN;
                targets.add(new Target(config.symbol(), shares, stop));
                signals.put("stop", stop);
                why.add("entry " + shares + " " + config.symbol() + " at " + Fmt.money(close) + ": " + rsiText + " ≤ "
                        + num(config.entryRsi()) + (config.hasStopLoss() ? ", stop " + Fmt.money(stop) : ""));
            }
        }
        if (config.hedge()) {
            hedge(ctx, r, rsiText, targets, why);
        }
        String summary = why.isEmpty() ? "hold: " + rsiText + (held > 0 ? ", long " + held + " " + config.symbol() : ", flat")
                : String.join("; ", why);
        return new Decision(today, ID, !targets.isEmpty(), targets,
                new Explanation(summary, explain ? signals : Map.of(), gates, null));
    }

    /**
     * Whether {@link #decide} would name a target today: the same conditions, without the texts. Days it
     * returns true are decided (and explained) in full, so a quiet run trades exactly like an explained one.
     */
    private boolean wouldTrade(DecisionContext ctx, History h, double r) {
        if (Double.isNaN(r)) {
            return false;
        }
        PortfolioView portfolio = ctx.portfolio();
        long held = portfolio.quantity(config.symbol());
        if (held > 0 && r >= config.exitRsi()) {
            return true;
        }
        if (held == 0 && r <= config.entryRsi() && filtersPass(h)
                && (long) Math.floor(config.positionPercent() / 100 * portfolio.equity() / h.lastClose()) > 0) {
            return true;
        }
        if (!config.hedge()) {
            return false;
        }
        long hedged = portfolio.quantity(config.hedgeSymbol());
        if (hedged > 0 && r < config.hedgeExitRsi()) {
            return true;
        }
        return hedged == 0 && r >= config.hedgeEntryRsi();
    }

    /** The enabled entry filters pass (as {@link EntryFilters#evaluate} would say). */
    private boolean filtersPass(History h) {
        double close = h.lastClose();
        if (config.vwapFilter()) {
            double v = h.latest(vwap);
            if (Double.isNaN(v) || !(close < v)) {
                return false;
            }
        }
        if (config.smaFilter()) {
            double v = h.latest(sma);
            if (Double.isNaN(v) || !(close > v)) {
                return false;
            }
        }
        if (config.volumeFilter() && h.volume(h.lastIndex()) < config.minVolume()) {
            return false;
        }
        if (config.bollingerFilter()) {
            double v = h.latest(lowerBand);
            return !Double.isNaN(v) && close < v;
        }
        return true;
    }

    /** Opens the hedge at an extreme RSI and closes it once the RSI has cooled off. */
    private void hedge(DecisionContext ctx, double r, String rsiText, List<Target> targets, List<String> why) {
        String hs = config.hedgeSymbol();
        long hedged = ctx.portfolio().quantity(hs);
        boolean open = hedged == 0 && r >= config.hedgeEntryRsi();
        boolean close = hedged > 0 && r < config.hedgeExitRsi();
        if (!open && !close) {
            return;
        }
        History hh = ctx.market().history(hs);
        if (hh.isEmpty() || !hh.lastDate().equals(ctx.today())) {
            why.add("hedge unchanged: no " + hs + " price for " + ctx.today());
            return;
        }
        if (close) {
            targets.add(new Target(hs, 0));
            why.add("close hedge " + hedged + " " + hs + ": " + rsiText + " < " + num(config.hedgeExitRsi()));
            return;
        }
        double price = hh.lastClose();
        long shares = (long) Math.floor(config.hedgePercent() / 100 * ctx.portfolio().equity() / price);
        if (shares <= 0) {
            why.add("no hedge: " + rsiText + " ≥ " + num(config.hedgeEntryRsi()) + " but " + num(config.hedgePercent())
                    + "% of equity buys no whole " + hs + " share at " + Fmt.money(price));
            return;
        }
        targets.add(new Target(hs, shares));
        why.add("hedge " + shares + " " + hs + " at " + Fmt.money(price) + ": " + rsiText + " ≥ " + num(config.hedgeEntryRsi()));
    }
}
