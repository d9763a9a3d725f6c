package org.leverdesk.strategy.regime;

import org.leverdesk.strategy.Fmt;

import java.util.ArrayList;
import java.util.List;
import org.leverdesk.domain.GateResult;

/**
 * The pre-trade checklist of the regime strategy: 16 named gates, each with its inputs and reason.
 * All must pass before a buy. Sells never need them, and emergency exits also skip the day-trade guard.
 * <p>
 * Each gate's rule is one predicate shared by {@link #evaluate} (which adds the inputs and reason
 * text) and {@link #failures} (the pass/fail bits alone, allocation-free), so a backtest that records
 * no decisions can skip the text without being able to decide differently.
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
    /** Gate names in checklist order: bit i of {@link #failures} is gate NAMES.get(i). */
    public static final List<String> NAMES = List.of(TRADING_SESSION, DATA_FRESH, ENOUGH_HISTORY, REGIME_ALLOWS_LONG,
            REGIME_CONFIRMED, TREND_STRENGTH, MOMENTUM, VOLATILITY, NOT_OVEREXTENDED, NOT_SIDEWAYS, SENTIMENT,
            TRADING_STATE, CAPITAL_ISOLATION, BUYING_POWER, MIN_TRADE_VALUE, DAY_TRADE_GUARD);
    static final int SESSION_BIT = 1;
    static final int DATA_FRESH_BIT = 1 << 1;
    static final int MIN_TRADE_VALUE_BIT = 1 << 14;
    static final int DAY_TRADE_GUARD_BIT = 1 << 15;
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

    /** Bit i set when gate i (in {@link #NAMES} order) fails: the same verdicts as {@link #evaluate}, without text. */
    public int failures(GateInputs in) {
        int m = 0;
        m |= sessionOk(in) ? 0 : 1;
        m |= freshOk(in) ? 0 : 1 << 1;
        m |= historyOk(in) ? 0 : 1 << 2;
        m |= allowsLongOk(in) ? 0 : 1 << 3;
        m |= confirmedOk(in) ? 0 : 1 << 4;
        m |= trendOk(in) ? 0 : 1 << 5;
        m |= momentumOk(in) ? 0 : 1 << 6;
        m |= volOk(in) ? 0 : 1 << 7;
        m |= overextensionOk(in) ? 0 : 1 << 8;
        m |= flatSlope(in) || lowEfficiency(in) ? 1 << 9 : 0;
        m |= sentimentOk(in) ? 0 : 1 << 10;
        m |= stateOk(in) ? 0 : 1 << 11;
        m |= capitalOk(in) ? 0 : 1 << 12;
        m |= buyingPowerOk(in) ? 0 : 1 << 13;
        m |= minTradeOk(in) ? 0 : MIN_TRADE_VALUE_BIT;
        m |= guardOk(in) ? 0 : DAY_TRADE_GUARD_BIT;
        return m;
    }

    /** Names of the gates set in {@code failures}, comma-separated in checklist order. */
    static String failedNames(int failures) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < NAMES.size(); i++) {
            if ((failures & (1 << i)) != 0) {
                sb.append(sb.isEmpty() ? "" : ", ").append(NAMES.get(i));
            }
        }
        return sb.toString();
    }

    private static boolean sessionOk(GateInputs in) {
        return in.sessionClose() != null && in.decisionTime().isBefore(in.sessionClose());
    }

    private static boolean freshOk(GateInputs in) {
        return in.today().equals(in.signalLastDate()) && in.today().equals(in.tradedLastDate());
    }

    private static boolean historyOk(GateInputs in) {
        return in.signalBars() >= in.barsNeeded();
    }

    private static boolean allowsLongOk(GateInputs in) {
        return in.confirmed() != null && !in.confirmed().isRiskOff();
    }

    private static boolean confirmedOk(GateInputs in) {
        return in.raw() != null && in.raw() == in.confirmed();
    }

    private boolean trendOk(GateInputs in) {
        return in.signals().trendStrength() >= config.signals().minTrendStrength();
    }

    private boolean momentumOk(GateInputs in) {
        return in.signals().momentumScore() >= config.signals().momentumMin();
    }

    private static boolean volOk(GateInputs in) {
        return in.signals().volBand() != VolBand.EXTREME;
    }

    private boolean overextensionOk(GateInputs in) {
        return in.signals().overextension() <= config.signals().maxOverextension();
    }

    private boolean flatSlope(GateInputs in) {
        return !(Math.abs(in.signals().fastSlope()) >= config.signals().sidewaysMinSlope());
    }

    private boolean lowEfficiency(GateInputs in) {
        return !(in.signals().efficiencyRatio() >= config.signals().sidewaysMinEfficiency());
    }

    private boolean sentimentOk(GateInputs in) {
        return in.flow().isEmpty() || !isBearish(in.flow().get());
    }

    private static boolean stateOk(GateInputs in) {
        return "ACTIVE".equals(in.tradingState());
    }

    private static boolean capitalOk(GateInputs in) {
        return in.heldValue() + in.buyValue() <= in.strategyCapital() + 1e-9;
    }

    private static boolean buyingPowerOk(GateInputs in) {
        return in.buyValue() <= in.cash() + 1e-9;
    }

    private boolean minTradeOk(GateInputs in) {
        return in.tradeValue() > config.sizing().minTradeValue();
    }

    private boolean guardOk(GateInputs in) {
        SizingSettings z = config.sizing();
        return !z.dayTradeGuard() || in.dayTradesRemaining().isEmpty()
                || in.dayTradesRemaining().getAsInt() >= z.minDayTradesRemaining();
    }

    GateResult session(GateInputs in) {
        if (in.sessionClose() == null) {
            return GateResult.fail(TRADING_SESSION, "day " + in.today() + ", no session", in.today() + " is not a trading day");
        }
        String inputs = "day " + in.today() + ", market closes " + in.sessionClose() + " ET, decision at " + in.decisionTime() + " ET";
        return sessionOk(in)
                ? GateResult.pass(TRADING_SESSION, inputs, "decision runs before the close")
                : GateResult.fail(TRADING_SESSION, inputs, "decision time is not before the session close");
    }

    GateResult dataFresh(GateInputs in) {
        String inputs = config.signalSymbol() + " last bar " + day(in.signalLastDate()) + ", " + config.symbol() + " last bar "
                + day(in.tradedLastDate()) + ", session " + in.today();
        return freshOk(in) ? GateResult.pass(DATA_FRESH, inputs, "both last bars are today's session")
                : GateResult.fail(DATA_FRESH, inputs, "a last bar is not today's session; not trading on stale data");
    }

    GateResult enoughHistory(GateInputs in) {
        String inputs = Fmt.grouped(in.signalBars()) + " " + config.signalSymbol() + " bars, " + Fmt.grouped(in.barsNeeded())
                + " needed";
        return historyOk(in) ? GateResult.pass(ENOUGH_HISTORY, inputs, "SMAs and signals are defined")
                : GateResult.fail(ENOUGH_HISTORY, inputs, "too few " + config.signalSymbol() + " bars for the SMAs and signals");
    }

    GateResult regimeAllowsLong(GateInputs in) {
        String inputs = "confirmed regime " + words(in.confirmed()) + ", allocation "
                + pct(config.sizing().allocation(in.confirmed()));
        if (in.confirmed() == null) {
            return GateResult.fail(REGIME_ALLOWS_LONG, inputs, "no regime yet");
        }
        return !allowsLongOk(in) ? GateResult.fail(REGIME_ALLOWS_LONG, inputs, words(in.confirmed()) + " allows no exposure")
                : GateResult.pass(REGIME_ALLOWS_LONG, inputs, words(in.confirmed()) + " allows a long position");
    }

    GateResult regimeConfirmed(GateInputs in) {
        String inputs = "today's regime " + words(in.raw()) + ", confirmed " + words(in.confirmed());
        if (in.raw() == null) {
            return GateResult.fail(REGIME_CONFIRMED, inputs, "no regime yet");
        }
        return confirmedOk(in) ? GateResult.pass(REGIME_CONFIRMED, inputs, "today's raw regime agrees with the confirmed one")
                : GateResult.fail(REGIME_CONFIRMED, inputs, "raw regime differs; the change is still in its hold period");
    }

    GateResult trendStrength(GateInputs in) {
        double min = config.signals().minTrendStrength();
        double ts = in.signals().trendStrength();
        String inputs = config.signalSymbol() + " close " + money(in.close()) + ", SMA-" + config.rules().slowPeriod() + " "
                + money(in.slowSma()) + ", " + pct(ts) + " above it (min " + pct(min) + ")";
        return trendOk(in) ? GateResult.pass(TREND_STRENGTH, inputs, "close is at least " + pct(min) + " above the slow SMA")
                : GateResult.fail(TREND_STRENGTH, inputs, "close is less than " + pct(min) + " above the slow SMA");
    }

    GateResult momentum(GateInputs in) {
        double min = config.signals().momentumMin();
        double score = in.signals().momentumScore();
        String inputs = "momentum score " + score(score) + " (min " + score(min) + ")";
        return momentumOk(in) ? GateResult.pass(MOMENTUM, inputs, "momentum score reaches the minimum")
                : GateResult.fail(MOMENTUM, inputs, "momentum score below the minimum");
    }

    GateResult volatility(GateInputs in) {
        RegimeSignals s = in.signals();
        String inputs = "realized volatility " + Fmt.fixed(s.realizedVol(), 2) + "% (" + band(s.volBand()) + "), extreme from "
                + Fmt.fixed(config.signals().volHigh(), 2) + "%";
        return volOk(in) ? GateResult.pass(VOLATILITY, inputs, "volatility is " + band(s.volBand()))
                : GateResult.fail(VOLATILITY, inputs, Double.isNaN(s.realizedVol()) ? "volatility unknown" : "volatility is extreme");
    }

    GateResult overextension(GateInputs in) {
        double max = config.signals().maxOverextension();
        double o = in.signals().overextension();
        String inputs = config.signalSymbol() + " close " + pct(o) + " above SMA-" + config.rules().fastPeriod() + " (max "
                + pct(max) + ")";
        return overextensionOk(in) ? GateResult.pass(NOT_OVEREXTENDED, inputs, "close is within " + pct(max) + " of the fast SMA")
                : GateResult.fail(NOT_OVEREXTENDED, inputs, "close is stretched more than " + pct(max) + " above the fast SMA");
    }

    GateResult sideways(GateInputs in) {
        SignalSettings p = config.signals();
        RegimeSignals s = in.signals();
        String inputs = "SMA-" + config.rules().fastPeriod() + " change over " + p.sidewaysLookback() + " days " + pct(s.fastSlope())
                + " (min ±" + pct(p.sidewaysMinSlope()) + "), trend efficiency " + score(s.efficiencyRatio()) + " (min "
                + score(p.sidewaysMinEfficiency()) + ")";
        if (flatSlope(in)) {
            return GateResult.fail(NOT_SIDEWAYS, inputs, "the fast SMA is flat: sideways market");
        }
        if (lowEfficiency(in)) {
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
        String inputs = "put premium " + money(f.putPremium()) + ", call premium " + money(f.callPremium()) + ", bearish above "
                + Fmt.trimmed(ratio, 2) + "×";
        return !sentimentOk(in) ? GateResult.fail(SENTIMENT, inputs, "put premium exceeds " + Fmt.trimmed(ratio, 2) + "× call premium: bearish")
                : GateResult.pass(SENTIMENT, inputs, "options flow not bearish");
    }

    /** Bearish when put premium &gt; bearishPutCallRatio × call premium. */
    boolean isBearish(OptionsFlowSource.Flow f) {
        return f.putPremium() > config.signals().bearishPutCallRatio() * f.callPremium();
    }

    GateResult tradingState(GateInputs in) {
        String inputs = "trading state " + in.tradingState();
        return stateOk(in) ? GateResult.pass(TRADING_STATE, inputs, "kill switch off")
                : GateResult.fail(TRADING_STATE, inputs, "trading is not ACTIVE; no buys");
    }

    GateResult capital(GateInputs in) {
        double after = in.heldValue() + in.buyValue();
        String inputs = "position after the buy " + money(after) + ", strategy capital " + money(in.strategyCapital()) + " ("
                + pct(config.sizing().capitalFraction()) + " of equity)";
        return capitalOk(in) ? GateResult.pass(CAPITAL_ISOLATION, inputs, "within the strategy's capital")
                : GateResult.fail(CAPITAL_ISOLATION, inputs, "would exceed the strategy's share of the account");
    }

    GateResult buyingPower(GateInputs in) {
        String inputs = "buy " + money(in.buyValue()) + ", buying power " + money(in.cash());
        return buyingPowerOk(in) ? GateResult.pass(BUYING_POWER, inputs, "enough buying power")
                : GateResult.fail(BUYING_POWER, inputs, "not enough buying power for the buy");
    }

    GateResult minTradeValue(GateInputs in) {
        double min = config.sizing().minTradeValue();
        String inputs = "order " + money(in.tradeValue()) + ", minimum " + money(min);
        return minTradeOk(in) ? GateResult.pass(MIN_TRADE_VALUE, inputs, "order is worth more than the minimum")
                : GateResult.fail(MIN_TRADE_VALUE, inputs, "target differs from the position by no more than the minimum; no order");
    }

    GateResult dayTradeGuard(GateInputs in) {
        SizingSettings z = config.sizing();
        if (!z.dayTradeGuard()) {
            return GUARD_OFF;
        }
        if (in.dayTradesRemaining().isEmpty()) {
            return GateResult.pass(DAY_TRADE_GUARD, "day trades left: unknown (min " + z.minDayTradesRemaining() + ")",
                    "no data: broker reports no day-trade count");
        }
        int left = in.dayTradesRemaining().getAsInt();
        String inputs = "day trades left: " + left + " (min " + z.minDayTradesRemaining() + ")";
        return guardOk(in) ? GateResult.pass(DAY_TRADE_GUARD, inputs, "enough day trades left")
                : GateResult.fail(DAY_TRADE_GUARD, inputs, "too few day trades left; non-emergency rebalances skipped");
    }

    /** A score in [0, 1] (momentum, trend efficiency) with two decimals. */
    static String score(double v) {
        return Fmt.fixed(v, 2);
    }

    static String pct(double v) {
        return Fmt.percent(v);
    }

    static String money(double v) {
        return Fmt.money(v);
    }

    /** "STRONG BULL" as the Regime view's tile writes it; "none" before there is a regime. */
    static String words(Regime r) {
        return r == null ? "none" : r.name().replace('_', ' ');
    }

    private static String band(VolBand b) {
        return b.name().toLowerCase(java.util.Locale.ROOT);
    }

    private static String day(java.time.LocalDate d) {
        return d == null ? "none" : d.toString();
    }
}
