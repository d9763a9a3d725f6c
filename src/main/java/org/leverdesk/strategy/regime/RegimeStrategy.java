package org.leverdesk.strategy.regime;

import org.leverdesk.strategy.Fmt;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.leverdesk.domain.Decision;
import org.leverdesk.domain.Explanation;
import org.leverdesk.domain.GateResult;
import org.leverdesk.domain.History;
import org.leverdesk.domain.PortfolioView;
import org.leverdesk.domain.Target;
import org.leverdesk.strategy.DecisionContext;
import org.leverdesk.strategy.ExecutionPolicy;
import org.leverdesk.strategy.Strategy;

/**
 * Seed 000: hold TQQQ sized by the confirmed regime of QQQ. Target shares =
 * floor(capitalFraction × equity × regime allocation × momentum scale × volatility scale ×
 * sentiment scale / TQQQ close). A move to RISK_OFF/BREAKDOWN or extreme volatility sells
 * everything at once (emergency exit: no buy gates, no day-trade guard); other sells need only the
 * session, fresh data, an order above the minimum value and the day-trade guard; buys need every gate. Decides at
 * the close (15:50 ET live, market order; close fills in backtests).
 * <p>
 * The regime series is cached and extended bar by bar from the visible QQQ history, so a backtest
 * costs O(1) per day for the regime; the cache never holds a bar the snapshot does not show.
 * An instance serves one run at a time (decide is synchronized). With {@link DecisionContext#explain()}
 * off, holds carry no gates, signals or text (a backtest's ~4,000 holds cost no formatting); the
 * gates' pass/fail bits decide the same way either way, and orders keep their full summary.
 */
public final class RegimeStrategy implements Strategy {
    public static final String ID = "regime";
    /** Summary of a hold decided with {@code explain} off. */
    static final String UNEXPLAINED_HOLD = "hold (not explained: decisions are not recorded)";
    /** Gates whose failure makes any non-emergency trade a hold. */
    private static final int HOLD_BITS = RegimeGates.SESSION_BIT | RegimeGates.DATA_FRESH_BIT
            | RegimeGates.MIN_TRADE_VALUE_BIT | RegimeGates.DAY_TRADE_GUARD_BIT;
    private static final ExecutionPolicy EXECUTION = ExecutionPolicy.atClose(ExecutionPolicy.LiveOrderStyle.MARKET, 0);
    private final RegimeConfig config;
    private final RegimeInputs inputs;
    private final SignalCalculator signalCalculator;
    private final RegimeGates gates;
    private final RegimeSeries series;

    public RegimeStrategy(RegimeConfig config, RegimeInputs inputs) {
        this.config = config;
        this.inputs = inputs;
        this.signalCalculator = new SignalCalculator(config.signals());
        this.gates = new RegimeGates(config);
        this.series = new RegimeSeries(config.rules());
    }

    public RegimeStrategy(RegimeConfig config) {
        this(config, RegimeInputs.none());
    }

    public RegimeConfig config() { return config; }

    @Override
    public String id() { return ID; }

    @Override
    public Set<String> symbols() { return Set.of(config.symbol(), config.signalSymbol()); }

    /** Only the leveraged fund is held; the signal symbol is read, never traded. */
    @Override
    public Set<String> tradedSymbols() { return Set.of(config.symbol()); }

    @Override
    public ExecutionPolicy execution() { return EXECUTION; }

    /** Bars of the signal symbol needed before every gate can pass: the slow SMA or the longest signal lookback. */
    public int barsNeeded() {
        return Math.max(config.rules().slowPeriod(), config.signals().barsNeeded());
    }

    @Override
    public synchronized Decision decide(DecisionContext ctx) {
        LocalDate today = ctx.today();
        History signal = ctx.market().history(config.signalSymbol());
        History traded = ctx.market().history(config.symbol());
        series.syncTo(signal);
        int t = series.size() - 1;
        if (t < 0) {
            return Decision.hold(today, ID, "no " + config.signalSymbol() + " bars yet");
        }
        Regime raw = series.raw(t);
        Regime confirmed = series.confirmed(t);
        RegimeSignals sig = signalCalculator.compute(series, t);
        Optional<OptionsFlowSource.Flow> flow = inputs.optionsFlow().flow(today);
        double sentimentScale = flow.isPresent() && gates.isBearish(flow.get()) ? config.signals().bearishScale() : 1.0;

        PortfolioView portfolio = ctx.portfolio();
        boolean tradedFresh = !traded.isEmpty() && traded.lastDate().equals(today);
        double price = traded.isEmpty() ? Double.NaN : traded.lastClose();
        long held = portfolio.quantity(config.symbol());
        double strategyCapital = config.sizing().capitalFraction() * portfolio.equity();
        double allocation = config.sizing().allocation(confirmed);
        double fraction = allocation * sig.momentumScale() * sig.volScale() * sentimentScale;
        boolean riskOff = confirmed != null && confirmed.isRiskOff();
        boolean emergency = held > 0 && (riskOff || sig.volBand() == VolBand.EXTREME);
        long target = emergency ? 0 : price > 0 ? (long) Math.floor(strategyCapital * fraction / price) : held;
        long delta = target - held;
        double tradeValue = price > 0 ? Math.abs(delta) * price : 0;
        double buyValue = delta > 0 ? tradeValue : 0;

        LocalTime close = ctx.calendar().sessionClose(today);
        LocalTime decisionTime = close == null ? null : close.minusMinutes(config.sizing().minutesBeforeClose());
        GateInputs gi = new GateInputs(today, decisionTime, close, signal.isEmpty() ? null : signal.lastDate(),
                traded.isEmpty() ? null : traded.lastDate(), signal.size(), barsNeeded(), raw, confirmed,
                series.close(t), series.slowSma(t), sig, flow, inputs.tradingState().state(), strategyCapital,
                held * (price > 0 ? price : 0), buyValue, portfolio.cash(), tradeValue, inputs.dayTrades().remaining(today));
        int failures = gates.failures(gi);
        boolean explain = ctx.explain();
        String regimeLabel = confirmed == null ? null : confirmed.name();
        if (!explain && !emergency && !(tradedFresh && price > 0 && (failures & HOLD_BITS) == 0
                && (delta < 0 || failures == 0))) {
            return quietHold(today, regimeLabel); // a hold nobody reads: skip the text, the gates list and the signal map
        }
        // Orders always carry the full summary: it is every fill's reason, recorded or not.
        List<GateResult> checklist = explain ? gates.evaluate(gi) : List.of();
        Map<String, Double> signals = explain ? signalMap(t, sig, sentimentScale, allocation, fraction, strategyCapital, price,
                held, target) : Map.of();
        String sizing = RegimeGates.words(confirmed) + " (today " + RegimeGates.words(raw) + "): target " + target + " "
                + config.symbol() + " = " + Fmt.fixed(allocation * 100, 0) + "% allocation × momentum "
                + Fmt.fixed(sig.momentumScale(), 2) + " × volatility " + Fmt.fixed(sig.volScale(), 2) + " × sentiment "
                + Fmt.fixed(sentimentScale, 2) + " of "
                + RegimeGates.money(strategyCapital) + " at " + RegimeGates.money(price) + "; held " + held;

        if (!tradedFresh || !(price > 0)) {
            return hold(today, "no " + config.symbol() + " price for " + today + "; not trading on stale data", signals, checklist, regimeLabel);
        }
        if (emergency) {
            String why = riskOff ? "confirmed regime " + RegimeGates.words(confirmed)
                    : "extreme volatility " + Fmt.fixed(sig.realizedVol(), 2) + "%";
            return order(today, "EMERGENCY EXIT (" + why + "): sell " + held + " " + config.symbol()
                    + " at the close; buy gates and day-trade guard bypassed. " + sizing, target, signals, checklist, regimeLabel);
        }
        if ((failures & RegimeGates.SESSION_BIT) != 0) {
            return hold(today, "hold: " + today + " has no session before the decision time; " + sizing, signals, checklist, regimeLabel);
        }
        if ((failures & RegimeGates.DATA_FRESH_BIT) != 0) {
            return hold(today, "hold: " + config.signalSymbol() + " data is not today's; " + sizing, signals, checklist, regimeLabel);
        }
        if ((failures & RegimeGates.MIN_TRADE_VALUE_BIT) != 0) {
            return hold(today, "hold: within " + RegimeGates.money(config.sizing().minTradeValue()) + " of target; " + sizing,
                    signals, checklist, regimeLabel);
        }
        if ((failures & RegimeGates.DAY_TRADE_GUARD_BIT) != 0) {
            return hold(today, "hold: day-trade guard skips this non-emergency rebalance; " + sizing, signals, checklist, regimeLabel);
        }
        if (delta < 0) {
            return order(today, "reduce: sell " + (-delta) + " " + config.symbol() + "; " + sizing, target, signals, checklist, regimeLabel);
        }
        if (failures != 0) {
            return hold(today, "buy of " + delta + " " + config.symbol() + " blocked by: " + RegimeGates.failedNames(failures)
                    + "; " + sizing, signals, checklist, regimeLabel);
        }
        return order(today, "buy " + delta + " " + config.symbol() + "; all " + RegimeGates.NAMES.size() + " gates pass; " + sizing,
                target, signals, checklist, regimeLabel);
    }

    /** The decision of a hold that will not be recorded: no text beyond a marker, no gates, no signals. */
    private static Decision quietHold(LocalDate day, String regime) {
        return new Decision(day, ID, false, List.of(), new Explanation(UNEXPLAINED_HOLD, Map.of(), List.of(), regime));
    }

    private Decision hold(LocalDate day, String why, Map<String, Double> signals, List<GateResult> gates, String regime) {
        return new Decision(day, ID, false, List.of(), new Explanation(why, signals, gates, regime));
    }

    private Decision order(LocalDate day, String why, long target, Map<String, Double> signals, List<GateResult> gates, String regime) {
        return new Decision(day, ID, true, List.of(new Target(config.symbol(), target)), new Explanation(why, signals, gates, regime));
    }

    private Map<String, Double> signalMap(int t, RegimeSignals s, double sentimentScale, double allocation, double fraction,
                                          double capital, double price, long held, long target) {
        Map<String, Double> m = new LinkedHashMap<>();
        m.put("close", series.close(t));
        m.put("smaFast", series.fastSma(t));
        m.put("smaSlow", series.slowSma(t));
        m.put("rocShort", s.rocShort());
        m.put("rocMid", s.rocMid());
        m.put("rocLong", s.rocLong());
        m.put("smaShort", s.smaShort());
        m.put("momentumScore", s.momentumScore());
        m.put("momentumScale", s.momentumScale());
        m.put("realizedVol", s.realizedVol());
        m.put("volScale", s.volScale());
        m.put("overextension", s.overextension());
        m.put("fastSlope", s.fastSlope());
        m.put("efficiencyRatio", s.efficiencyRatio());
        m.put("trendStrength", s.trendStrength());
        m.put("sentimentScale", sentimentScale);
        m.put("allocation", allocation);
        m.put("targetFraction", fraction);
        m.put("strategyCapital", capital);
        m.put("price", price);
        m.put("heldShares", (double) held);
        m.put("targetShares", (double) target);
        return m;
    }
}
