package org.leverdesk.strategy.regime;

import java.util.ArrayList;
import java.util.List;
import org.leverdesk.domain.GateResult;

/**
 * The pre-trade checklist of the regime strategy: 16 named gates, each with its inputs and reason.
 * All must pass before a buy. Sells never need them, and emergency exits also skip the day-trade guard.
 */
public final class RegimeGates {
    public static final String TRADING_SESSION = "trading day and session time";
    public static final String DATA_FRESH = "data fresh";
    public static final String ENOUGH_HISTORY = "enough history";
    public static final String REGIME_ALLOWS_LONG = "regime allows long";
    public static final String REGIME_CONFIRMED = "regime confirmed";
    public static final String TREND_STRENGTH = "trend strength";
    public static final String MOMENTUM = "momentum";
    public static final String VOLATILITY = "volatility not extreme";
    public static final String NOT_OVEREXTENDED = "not overextended";
    public static final String NOT_SIDEWAYS = "not sideways";
    public static final String SENTIMENT = "sentiment not bearish";
    public static final String TRADING_STATE = "trading state ACTIVE";
    public static final String CAPITAL_ISOLATION = "capital within isolation";
    public static final String BUYING_POWER = "buying power sufficient";
    public static final String MIN_TRADE_VALUE = "trade value above minimum";
    public static final String DAY_TRADE_GUARD = "day-trade guard";

    private static final GateResult NO_SENTIMENT_DATA =
            GateResult.pass(SENTIMENT, "no options-flow provider data", "no data: sentiment not checked");
    private static final GateResult GUARD_OFF =
            GateResult.pass(DAY_TRADE_GUARD, "guard off", "day-trade guard disabled (intraday buying power is checked instead)");
    private final RegimeConfig config;

    public RegimeGates(RegimeConfig config) {
        this.config = config;
    }

    /** All gates in checklist order. */
    public List<GateResult> evaluate(GateInputs in) {
        List<GateResult> g = new ArrayList<>(16);
        g.add(session(in));
        g.add(dataFresh(in));
        g.add(enoughHistory(in));
        g.add(regimeAllowsLong(in));
        g.add(regimeConfirmed(in));
        g.add(trendStrength(in));
        g.add(momentum(in));
        g.add(volatility(in));
        g.add(overextension(in));
        g.add(sideways(in));
        g.add(sentiment(in));
        g.add(tradingState(in));
        g.add(capital(in));
        g.add(buyingPower(in));
        g.add(minTradeValue(in));
        g.add(dayTradeGuard(in));
        return g;
    }

    GateResult session(GateInputs in) {
        if (in.sessionClose() == null) {
            return GateResult.fail(TRADING_SESSION, "date=" + in.today(), in.today() + " is not a trading day");
        }
        String inputs = "date=" + in.today() + ", close=" + in.sessionClose() + " ET, decision=" + in.decisionTime() + " ET";
        return in.decisionTime().isBefore(in.sessionClose())
                ? GateResult.pass(TRADING_SESSION, inputs, "decision runs before the close")
                : GateResult.fail(TRADING_SESSION, inputs, "decision time is not before the session close");
    }

    GateResult dataFresh(GateInputs in) {
        String inputs = config.signalSymbol() + " last bar=" + in.signalLastDate() + ", " + config.symbol() + " last bar="
                + in.tradedLastDate() + ", session=" + in.today();
        boolean fresh = in.today().equals(in.signalLastDate()) && in.today().equals(in.tradedLastDate());
        return fresh ? GateResult.pass(DATA_FRESH, inputs, "both last bars are today's session")
                : GateResult.fail(DATA_FRESH, inputs, "a last bar is not today's session; not trading on stale data");
    }

    GateResult enoughHistory(GateInputs in) {
        String inputs = "bars=" + in.signalBars() + ", needed=" + in.barsNeeded();
        return in.signalBars() >= in.barsNeeded() ? GateResult.pass(ENOUGH_HISTORY, inputs, "SMAs and signals are defined")
                : GateResult.fail(ENOUGH_HISTORY, inputs, "too few " + config.signalSymbol() + " bars for the SMAs and signals");
    }

    GateResult regimeAllowsLong(GateInputs in) {
        String inputs = "confirmed=" + in.confirmed() + ", allocation=" + pct(config.sizing().allocation(in.confirmed()));
        if (in.confirmed() == null) {
            return GateResult.fail(REGIME_ALLOWS_LONG, inputs, "no regime yet");
        }
        return in.confirmed().isRiskOff() ? GateResult.fail(REGIME_ALLOWS_LONG, inputs, in.confirmed() + " allows no exposure")
                : GateResult.pass(REGIME_ALLOWS_LONG, inputs, in.confirmed() + " allows a long position");
    }

    GateResult regimeConfirmed(GateInputs in) {
        String inputs = "raw=" + in.raw() + ", confirmed=" + in.confirmed();
        if (in.raw() == null) {
            return GateResult.fail(REGIME_CONFIRMED, inputs, "no regime yet");
        }
        return in.raw() == in.confirmed() ? GateResult.pass(REGIME_CONFIRMED, inputs, "today's raw regime agrees with the confirmed one")
                : GateResult.fail(REGIME_CONFIRMED, inputs, "raw regime differs; the change is still in its hold period");
    }

    GateResult trendStrength(GateInputs in) {
        double min = config.signals().minTrendStrength();
        double ts = in.signals().trendStrength();
        String inputs = "close=" + num(in.close()) + ", SMA" + config.rules().slowPeriod() + "=" + num(in.slowSma())
                + ", strength=" + pct(ts) + ", min=" + pct(min);
        return ts >= min ? GateResult.pass(TREND_STRENGTH, inputs, "close is at least " + pct(min) + " above the slow SMA")
                : GateResult.fail(TREND_STRENGTH, inputs, "close is less than " + pct(min) + " above the slow SMA");
    }

    GateResult momentum(GateInputs in) {
        double min = config.signals().momentumMin();
        double score = in.signals().momentumScore();
        String inputs = "score=" + num(score) + ", min=" + num(min);
        return score >= min ? GateResult.pass(MOMENTUM, inputs, "momentum score reaches the minimum")
                : GateResult.fail(MOMENTUM, inputs, "momentum score below the minimum");
    }

    GateResult volatility(GateInputs in) {
        RegimeSignals s = in.signals();
        String inputs = "vol=" + num(s.realizedVol()) + "%, band=" + s.volBand() + ", extreme>=" + num(config.signals().volHigh()) + "%";
        return s.volBand() != VolBand.EXTREME ? GateResult.pass(VOLATILITY, inputs, "volatility is " + s.volBand())
                : GateResult.fail(VOLATILITY, inputs, Double.isNaN(s.realizedVol()) ? "volatility unknown" : "volatility is extreme");
    }

    GateResult overextension(GateInputs in) {
        double max = config.signals().maxOverextension();
        double o = in.signals().overextension();
        String inputs = "close vs SMA" + config.rules().fastPeriod() + "=" + pct(o) + ", max=" + pct(max);
        return o <= max ? GateResult.pass(NOT_OVEREXTENDED, inputs, "close is within " + pct(max) + " of the fast SMA")
                : GateResult.fail(NOT_OVEREXTENDED, inputs, "close is stretched more than " + pct(max) + " above the fast SMA");
    }

    GateResult sideways(GateInputs in) {
        SignalSettings p = config.signals();
        RegimeSignals s = in.signals();
        String inputs = "SMA" + config.rules().fastPeriod() + " " + p.sidewaysLookback() + "-day slope=" + pct(s.fastSlope())
                + " (min |" + pct(p.sidewaysMinSlope()) + "|), efficiency=" + num(s.efficiencyRatio()) + " (min "
                + num(p.sidewaysMinEfficiency()) + ")";
        if (!(Math.abs(s.fastSlope()) >= p.sidewaysMinSlope())) {
            return GateResult.fail(NOT_SIDEWAYS, inputs, "the fast SMA is flat: sideways market");
        }
        if (!(s.efficiencyRatio() >= p.sidewaysMinEfficiency())) {
            return GateResult.fail(NOT_SIDEWAYS, inputs, "low trend efficiency: sideways market");
        }
        return GateResult.pass(NOT_SIDEWAYS, inputs, "the market is trending");
    }

    GateResult sentiment(GateInputs in) {
        if (in.flow().isEmpty()) {
            return NO_SENTIMENT_DATA;
        }
        OptionsFlowSource.Flow f = in.flow().get();
        double ratio = config.signals().bearishPutCallRatio();
        String inputs = "put premium=" + num(f.putPremium()) + ", call premium=" + num(f.callPremium()) + ", bearish above "
                + num(ratio) + "x";
        return isBearish(f) ? GateResult.fail(SENTIMENT, inputs, "put premium exceeds " + num(ratio) + "x call premium: bearish")
                : GateResult.pass(SENTIMENT, inputs, "options flow not bearish");
    }

    /** Bearish when put premium &gt; bearishPutCallRatio × call premium. */
    boolean isBearish(OptionsFlowSource.Flow f) {
        return f.putPremium() > config.signals().bearishPutCallRatio() * f.callPremium();
    }

    GateResult tradingState(GateInputs in) {
        String inputs = "state=" + in.tradingState();
        return "ACTIVE".equals(in.tradingState()) ? GateResult.pass(TRADING_STATE, inputs, "kill switch off")
                : GateResult.fail(TRADING_STATE, inputs, "trading is not ACTIVE; no buys");
    }

    GateResult capital(GateInputs in) {
        double after = in.heldValue() + in.buyValue();
        String inputs = "position after=" + money(after) + ", strategy capital=" + money(in.strategyCapital()) + " ("
                + pct(config.sizing().capitalFraction()) + " of equity)";
        return after <= in.strategyCapital() + 1e-9 ? GateResult.pass(CAPITAL_ISOLATION, inputs, "within the strategy's capital")
                : GateResult.fail(CAPITAL_ISOLATION, inputs, "would exceed the strategy's share of the account");
    }

    GateResult buyingPower(GateInputs in) {
        String inputs = "buy=" + money(in.buyValue()) + ", buying power=" + money(in.cash());
        return in.buyValue() <= in.cash() + 1e-9 ? GateResult.pass(BUYING_POWER, inputs, "enough buying power")
                : GateResult.fail(BUYING_POWER, inputs, "not enough buying power for the buy");
    }

    GateResult minTradeValue(GateInputs in) {
        double min = config.sizing().minTradeValue();
        String inputs = "order=" + money(in.tradeValue()) + ", minimum=" + money(min);
        return in.tradeValue() > min ? GateResult.pass(MIN_TRADE_VALUE, inputs, "order is worth more than the minimum")
                : GateResult.fail(MIN_TRADE_VALUE, inputs, "target differs from the position by no more than the minimum; no order");
    }

    GateResult dayTradeGuard(GateInputs in) {
        SizingSettings z = config.sizing();
        if (!z.dayTradeGuard()) {
            return GUARD_OFF;
        }
        if (in.dayTradesRemaining().isEmpty()) {
            return GateResult.pass(DAY_TRADE_GUARD, "remaining=unknown, min=" + z.minDayTradesRemaining(),
                    "no data: broker reports no day-trade count");
        }
        int left = in.dayTradesRemaining().getAsInt();
        String inputs = "remaining=" + left + ", min=" + z.minDayTradesRemaining();
        return left >= z.minDayTradesRemaining() ? GateResult.pass(DAY_TRADE_GUARD, inputs, "enough day trades left")
                : GateResult.fail(DAY_TRADE_GUARD, inputs, "too few day trades left; non-emergency rebalances skipped");
    }

    static String num(double v) {
        return Fmt.fixed(v, 4);
    }

    static String pct(double v) {
        return Double.isNaN(v) ? "n/a" : Fmt.fixed(v * 100, 2) + "%";
    }

    static String money(double v) {
        return "$" + Fmt.fixed(v, 2);
    }
}
