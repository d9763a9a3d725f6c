package org.leverdesk.strategy.catalog;

import org.leverdesk.strategy.options.DcaConfig;
import org.leverdesk.strategy.options.DcaStrategy;
import org.leverdesk.strategy.options.IndexWriteStrategy;
import org.leverdesk.strategy.options.SpreadConfig;
import org.leverdesk.strategy.options.SpreadStrategy;
import org.leverdesk.strategy.options.WheelConfig;
import org.leverdesk.strategy.options.WheelStrategy;

import java.util.List;
import java.util.Optional;
import static org.leverdesk.strategy.catalog.Params.choice;
import static org.leverdesk.strategy.catalog.Params.money;
import static org.leverdesk.strategy.catalog.Params.number;
import static org.leverdesk.strategy.catalog.Params.onOff;
import static org.leverdesk.strategy.catalog.Params.percent;
import static org.leverdesk.strategy.catalog.Params.ticker;
import static org.leverdesk.strategy.catalog.Params.tickers;
import static org.leverdesk.strategy.catalog.Params.tickerWeights;
import static org.leverdesk.strategy.catalog.Params.whole;
import org.leverdesk.strategy.meanreversion.MeanReversionConfig;
import org.leverdesk.strategy.meanreversion.MeanReversionStrategy;
import org.leverdesk.strategy.rebalance.MonthlyRebalanceConfig;
import org.leverdesk.strategy.rebalance.MonthlyRebalanceStrategy;
import org.leverdesk.strategy.regime.RegimeConfig;
import org.leverdesk.strategy.regime.RegimeStrategy;
import org.leverdesk.strategy.rotation.RotationConfig;
import org.leverdesk.strategy.rotation.RotationStrategy;
import org.leverdesk.strategy.rotation.TickerGroups;

/**
 * Every strategy family Leverdesk ships, in display order, with each parameter declared as people
 * see it (label, unit, kind, range and help; see {@link StrategyDescriptor.ParameterSpec}). Ranges
 * are the strategies' own limits in the unit people see, so a form can check each field on its own;
 * rules between fields (entry below exit) stay the strategy's. New families register here.
 */
public final class StrategyCatalog {
    private final List<StrategyDescriptor> descriptors;

    public StrategyCatalog(List<StrategyDescriptor> descriptors) {
        this.descriptors = List.copyOf(descriptors);
    }

    /** The built-in strategies. */
    public static StrategyCatalog builtIn() {
        return new StrategyCatalog(List.of(monthlyRebalance(), regime(), meanReversion(), rotation(),
                wheel(WheelConfig.Mode.WHEEL), wheel(WheelConfig.Mode.COVERED_CALLS), dca(),
                indexWrite(IndexWriteStrategy.Kind.PUTWRITE), indexWrite(IndexWriteStrategy.Kind.BUYWRITE),
                spreads(SpreadConfig.Mode.SPREADS), spreads(SpreadConfig.Mode.CONDOR)));
    }

    public List<StrategyDescriptor> all() {
        return descriptors;
    }

    public Optional<StrategyDescriptor> find(String id) {
        return descriptors.stream().filter(d -> d.id().equals(id)).findFirst();
    }

    /** Like {@link #find} but with a one-line error listing the known ids. */
    public StrategyDescriptor require(String id) {
        return find(id).orElseThrow(() -> new IllegalArgumentException("unknown strategy '" + id + "'; known: "
                + String.join(", ", descriptors.stream().map(StrategyDescriptor::id).toList())));
    }

    private static final PercentBase FRACTION = PercentBase.FRACTION;
    private static final PercentBase POINTS = PercentBase.POINTS;
    private static final NumberRange PERCENT_0_100 = NumberRange.of(0, 100, 1);
    private static final NumberRange SHARE = NumberRange.of(0, 100, 1).aboveMin();
    private static final NumberRange SCORE = NumberRange.of(0, 1, 0.05);
    private static final NumberRange RSI_LEVEL = NumberRange.of(0, 100, 1);

    private static StrategyDescriptor regime() {
        return new StrategyDescriptor(RegimeStrategy.ID, "Regime (QQQ regimes size TQQQ)", RegimeConfig.DEFAULT_SYMBOL,
                List.of(ticker("signalSymbol", "Signal symbol", "QQQ", "Symbol whose SMA regime sizes the traded position"),
                        whole("fastPeriod", "Fast SMA", 50, "days", 2, 999, "Fast moving average of the signal symbol; must be shorter than the slow one"),
                        whole("slowPeriod", "Slow SMA", 250, "days", 3, 1000, "Slow moving average of the signal symbol"),
                        percent("deadzone", "Dead zone", "0.02", FRACTION, NumberRange.of(0, 50, 0.5).belowMax(),
                                "Band around the SMAs inside which the regime does not change"),
                        whole("holdDays", "Confirmation", 2, "trading days", 1, 20,
                                "Days a new regime is held before a non-emergency change takes effect"),
                        percent("capitalFraction", "Capital used", "0.30", FRACTION, PERCENT_0_100,
                                "Share of account equity the strategy may put to work"),
                        percent("strongBull", "STRONG_BULL allocation", "0.70", FRACTION, PERCENT_0_100, "Share of the strategy's capital held in STRONG_BULL"),
                        percent("bull", "BULL allocation", "0.50", FRACTION, PERCENT_0_100, "Share of the strategy's capital held in BULL"),
                        percent("cautious", "CAUTIOUS allocation", "0.25", FRACTION, PERCENT_0_100,
                                "Share of the strategy's capital held in CAUTIOUS (RISK_OFF and BREAKDOWN hold nothing)"),
                        money("minTradeValue", "Minimum trade", 100, NumberRange.of(0, 1_000_000, 10),
                                "Differences worth less than this are left alone"),
                        onOff("dayTradeGuard", "Day-trade guard", false, "Skip non-emergency rebalances when few day trades remain"),
                        whole("minDayTradesRemaining", "Day trades kept", 2, "trades", 0, 10, "Day trades that must remain when the guard is on"),
                        whole("minutesBeforeClose", "Decide before close", 10, "minutes", 0, 390,
                                "When the decision runs before the session close (10 = 15:50 ET)"),
                        whole("rocShort", "Momentum short look-back", 20, "days", 1, 998, "Short rate-of-change look-back of the momentum score"),
                        whole("rocMid", "Momentum medium look-back", 60, "days", 2, 999, "Medium rate-of-change look-back"),
                        whole("rocLong", "Momentum long look-back", 120, "days", 3, 1000, "Long rate-of-change look-back"),
                        whole("smaShort", "Momentum SMA", 20, "days", 2, 1000, "The momentum score compares the close with this SMA"),
                        number("momentumMin", "Minimum momentum score", "0.3", "", SCORE, "Below this score (0 to 1) nothing is bought"),
                        number("momentumFull", "Full momentum score", "0.7", "", SCORE, "From this score (0 to 1) the position is full size"),
                        whole("volWindow", "Volatility window", 20, "days", 2, 500, "Realized volatility of daily log returns over this many days"),
                        percent("volLow", "Low volatility below", "15", POINTS, NumberRange.of(0, 1000, 1).aboveMin(),
                                "Annualized volatility under this is LOW"),
                        percent("volNormal", "Normal volatility below", "25", POINTS, NumberRange.of(0, 1000, 1).aboveMin(),
                                "Annualized volatility under this is NORMAL"),
                        percent("volHigh", "Extreme volatility from", "35", POINTS, NumberRange.of(0, 1000, 1).aboveMin(),
                                "Annualized volatility at or above this is EXTREME: the position is closed"),
                        percent("volHighScale", "Size in HIGH volatility", "0.5", FRACTION, PERCENT_0_100,
                                "Position scale while volatility is HIGH"),
                        percent("maxOverextension", "Maximum overextension", "0.10", FRACTION, SHARE,
                                "No buys when the close is this far above the fast SMA"),
                        whole("sidewaysLookback", "Sideways look-back", 20, "days", 1, 500,
                                "Days over which the fast SMA's slope and the efficiency ratio are measured"),
                        percent("sidewaysMinSlope", "Minimum SMA slope", "0.005", FRACTION, NumberRange.of(0, 100, 0.1),
                                "No buys when the fast SMA moved less than this (up or down) over the look-back"),
                        number("sidewaysMinEfficiency", "Minimum efficiency ratio", "0.05", "", NumberRange.of(0, 1, 0.01),
                                "No buys when the efficiency ratio (net move / path length, 0 to 1) is below this"),
                        percent("minTrendStrength", "Minimum trend strength", "0.02", FRACTION, NumberRange.of(0, 100, 0.5),
                                "Buys need the close this far above the slow SMA"),
                        number("bearishPutCallRatio", "Bearish put/call ratio", "2", "×",
                                new NumberRange(1, false, Double.MAX_VALUE, false, 0.1, false),
                                "Options flow is bearish when put premium exceeds this multiple of call premium"),
                        percent("bearishScale", "Size when flow is bearish", "0.5", FRACTION, PERCENT_0_100,
                                "Position scale while options flow is bearish")),
                (symbol, params) -> new RegimeStrategy(RegimeConfig.parse(symbol, params)));
    }

    /** Cboe's PUT and BXM rules on an ETF (README, "Cboe PUT and BXM"); no parameters: the rules are the index's. */
    private static StrategyDescriptor indexWrite(IndexWriteStrategy.Kind kind) {
        boolean put = kind == IndexWriteStrategy.Kind.PUTWRITE;
        return new StrategyDescriptor(put ? IndexWriteStrategy.PUTWRITE_ID : IndexWriteStrategy.BUYWRITE_ID,
                put ? "Put-write (Cboe PUT rules: monthly at-the-money puts, fully cash-secured)"
                        : "Buy-write (Cboe BXM rules: shares and a monthly call at or above the money)",
                IndexWriteStrategy.DEFAULT_SYMBOL, List.of(), (symbol, p) -> IndexWriteStrategy.parse(kind, symbol, p));
    }

    private static StrategyDescriptor dca() {
        return new StrategyDescriptor(DcaStrategy.ID, "Weekly DCA (dollar-cost averaging)", DcaConfig.DEFAULT_SYMBOL,
                List.of(tickers("symbols", "Symbols", DcaConfig.DEFAULT_SYMBOL, "Bought in equal dollar parts (the CLI's -P weights="
                                + "QQQM:0.45,VTI:0.25 sets other weights)"),
                        tickerWeights("weights", "Weights", "", "Ticker:weight pairs, like QQQM:0.45,VTI:0.25, instead of equal parts"
                                + " (an options mode's portfolio sets them from its assets' weights)"),
                        money("weeklyAmount", "Weekly amount", DcaConfig.DEFAULT_WEEKLY, NumberRange.of(0, 100_000_000, 10).aboveMin(),
                                "Dollars invested on the first trading day of each week"),
                        percent("maxAllocPct", "Largest position", String.valueOf(DcaConfig.DEFAULT_MAX_ALLOC), FRACTION, SHARE,
                                "No symbol is bought above this share of the equity"),
                        percent("cashBufferPct", "Cash buffer", String.valueOf(DcaConfig.DEFAULT_BUFFER), FRACTION,
                                NumberRange.of(0, 100, 1).belowMax(), "Share of equity always kept in cash"),
                        onOff("investAllOnStart", "Invest all on start", false, "The first day invests all cash above the buffer"),
                        onOff("sweep", "Daily sweep", false, "Every day invests the cash above the buffer (rebalance-to-buffer)")),
                (symbol, p) -> new DcaStrategy(DcaConfig.parse(symbol, p)));
    }

    private static StrategyDescriptor spreads(SpreadConfig.Mode mode) {
        SpreadConfig d = SpreadConfig.defaults(mode);
        boolean condor = mode == SpreadConfig.Mode.CONDOR;
        List<StrategyDescriptor.ParameterSpec> p = new java.util.ArrayList<>();
        p.add(money("width", "Spread width", d.width(), NumberRange.of(0.5, 100, 0.5), "Dollars between the short and the long strike"));
        p.add(number("shortDelta", "Short strike |delta|", String.valueOf(d.shortDelta()), "", NumberRange.of(0.02, 0.49, 0.01),
                "The short strike is the one whose |delta| is nearest this"));
        p.add(whole("minDte", "Minimum DTE", d.minDte(), "days", 1, 365, "Nearest expiry at least this many days out"));
        p.add(whole("maxDte", "Maximum DTE", d.maxDte(), "days", 1, 365, "and at most this many"));
        p.add(percent("profitTakePct", "Profit take", String.valueOf(d.profitTakePct()), FRACTION, NumberRange.of(1, 100, 1),
                "Close when the profit reaches this share of the credit"));
        p.add(percent("stopLossPct", "Stop", String.valueOf(d.stopLossPct()), FRACTION, NumberRange.of(1, 100, 1),
                "Close when the loss reaches this share of the maximum loss (width - credit)"));
        p.add(onOff("shortStrikeStop", "Short-strike stop", d.shortStrikeStop(), "Close when the close is beyond a short strike"));
        p.add(whole("closeDte", "Close at DTE", d.closeDte(), "days", 0, 364, "Close positions this many days before expiry"));
        p.add(percent("maxRiskPct", "Max open risk", String.valueOf(d.guard().maxRiskPct()), FRACTION, NumberRange.of(0.1, 100, 0.5),
                "All open positions' maximum loss within this share of the equity"));
        p.add(whole("maxContracts", "Contracts per position", d.maxContracts(), "contracts", 1, 100, "At most this many per entry"));
        p.add(whole(condor ? "maxCondors" : "maxPositions", condor ? "Max condors" : "Max positions", d.maxPositions(), "", 1, 20,
                "Positions open at once at most"));
        p.add(number("vixMax", "VIX/VXN ceiling", String.valueOf(d.guard().vixMax()), "", NumberRange.of(1, 200, 1),
                "No new position while the volatility index is above this"));
        p.add(percent("minIv", "Minimum IV", String.valueOf(d.minIv()), FRACTION, NumberRange.of(0, 199, 1),
                "No new position while the 30-day ATM implied volatility is below this"));
        p.add(whole("trendDays", "Trend SMA", d.trendDays(), "bars", 2, 400, "Close above it: bull puts; below: bear calls"));
        p.add(percent("rangePct", "Range band", String.valueOf(d.rangePct()), FRACTION, NumberRange.of(0.1, 49, 0.5).aboveMin(),
                "Range-bound: the close this near its SMA and the SMA this flat over 20 sessions"));
        p.add(whole("cooldownDays", "Cooldown after a stop", d.guard().cooldownDays(), "days", 0, 365, "No new position for these days"));
        p.add(whole("maxTradesPerDay", "Max trades per day", d.guard().maxTradesPerDay(), "", 1, 100, "Orders (a spread counts one) per day"));
        p.add(money("dailyStop", "Daily $ stop", d.guard().dailyStop(), NumberRange.of(0, 100_000_000, 100), "No new position after this loss in a day (0 = off)"));
        p.add(percent("weeklyStopPct", "Weekly % stop", String.valueOf(d.guard().weeklyStopPct()), FRACTION, NumberRange.of(0, 99, 1),
                "No new position after this loss in a week (0 = off)"));
        p.add(percent("maxDrawdownPct", "Drawdown throttle", String.valueOf(d.guard().maxDrawdownPct()), FRACTION, NumberRange.of(0, 99, 1),
                "No new position while the equity is this far below its peak (0 = off)"));
        p.add(number("maxNetDelta", "Direction cap", String.valueOf(d.guard().maxNetDelta()), "shares", NumberRange.of(0, 1_000_000, 10),
                "|Net delta| of the options at most this many shares (0 = off)"));
        p.add(percent("cashBufferPct", "Cash buffer", String.valueOf(d.guard().cashBufferPct()), FRACTION, NumberRange.of(0, 99, 1),
                "Share of equity kept free of collateral"));
        p.add(choice("marginPolicy", "Margin policy", d.guard().marginPolicy().text(),
                "On a margin account: cash only opens nothing, forbid refuses to run, allow trades",
                new Choice("cash_only", "Cash only"), new Choice("forbid", "Forbid"), new Choice("allow", "Allow")));
        p.add(whole("maxDayTrades", "Day trades in 5 sessions", d.guard().maxDayTrades(), "", 0, 100,
                "Under the day-trade equity, same-day closes (not stops) at most this many in 5 sessions"));
        p.add(money("dayTradeEquity", "Day-trade equity", d.guard().dayTradeEquity(), NumberRange.of(0, 100_000_000, 1000),
                "From this equity day trades are not counted (FINRA: $25,000)"));
        p.add(percent("minCreditPct", "Minimum credit", String.valueOf(d.minCreditPct()), FRACTION, NumberRange.of(0, 99, 1),
                "No spread whose credit is under this share of its width"));
        return new StrategyDescriptor(condor ? SpreadStrategy.CONDOR_ID : SpreadStrategy.SPREADS_ID,
                condor ? "Iron condors (range-bound, RiskGuard)" : "Credit spreads (bull put / bear call by trend, RiskGuard)",
                SpreadConfig.DEFAULT_SYMBOL, p, (symbol, params) -> new SpreadStrategy(SpreadConfig.parse(symbol, params, mode)));
    }

    private static StrategyDescriptor wheel(WheelConfig.Mode mode) {
        WheelConfig d = WheelConfig.defaults(mode);
        boolean wheel = mode == WheelConfig.Mode.WHEEL;
        List<StrategyDescriptor.ParameterSpec> params = new java.util.ArrayList<>();
        params.add(ticker("optionsTicker", "Options on", WheelConfig.DEFAULT_SYMBOL, "Underlying whose options are written and whose"
                + " shares are held (QQQ while the account's symbol is QQQM is the seed's liquidity switch; without it, the symbol)"));
        if (wheel) {
            params.add(percent("putPctOtm", "Put out of the money", String.valueOf(d.putPctOtm()), FRACTION,
                    NumberRange.of(0, 50, 0.5).belowMax(), "Cash-secured puts at the strike nearest this far below the close"));
        }
        params.add(percent("callPctOtm", "Call out of the money", String.valueOf(d.callPctOtm()), FRACTION,
                NumberRange.of(0, 50, 0.5).belowMax(), "Covered calls at the strike nearest this far above the close"));
        params.add(choice("dteWindow", "Expiry window", "weekly", "Days to expiry of the options written (nearest expiry in the window)",
                new Choice("weekly", "Weekly (7-10 days)"), new Choice("monthly", "Monthly (21-35 days)")));
        params.add(whole("maxContracts", "Maximum contracts", d.maxContracts(), "contracts", 1, 100,
                "At most this many contracts open at a time (each covers 100 shares)"));
        params.add(number("minDelta", "Minimum |delta|", String.valueOf(d.minDelta()), "", NumberRange.of(0, 1, 0.01),
                "No option is written whose |delta| is below this"));
        params.add(number("maxDelta", "Maximum |delta|", String.valueOf(d.maxDelta()), "", NumberRange.of(0, 1, 0.01).aboveMin(),
                "No option is written whose |delta| is above this"));
        params.add(money("minCredit", "Minimum credit", d.minCredit(), NumberRange.of(0, 100, 0.05),
                "No option is written for a bid under this premium per share"));
        params.add(percent("cashBufferPct", "Cash buffer", String.valueOf(d.cashBufferPct()), FRACTION, NumberRange.of(0, 100, 1).belowMax(),
                "Share of equity never put up as collateral or spent on shares"));
        return new StrategyDescriptor(wheel ? WheelStrategy.WHEEL_ID : WheelStrategy.COVERED_CALL_ID,
                wheel ? "Wheel (cash-secured puts, then covered calls)" : "Covered calls (100-share lots, calls written on them)",
                WheelConfig.DEFAULT_SYMBOL, params, (symbol, p) -> new WheelStrategy(WheelConfig.parse(symbol, p, mode)));
    }

    private static StrategyDescriptor monthlyRebalance() {
        return new StrategyDescriptor(MonthlyRebalanceStrategy.ID, "Monthly rebalance (fixed dollars)",
                MonthlyRebalanceConfig.DEFAULT_SYMBOL,
                List.of(money("allocation", "Allocation", 2000, NumberRange.of(0, 100_000_000, 100).aboveMin(),
                                "Dollars kept in the symbol; re-sized to whole shares on each month's last trading day"),
                        percent("limitOffsetBps", "Limit offset", "50", PercentBase.BASIS_POINTS, NumberRange.of(0, 5, 0.05),
                                "Live limit orders are priced this far through the mid"),
                        choice("orderStyle", "Live orders", "limit",
                                "Limits through the mid (decided 15:50), or market-on-close orders decided at 15:45 that fill"
                                        + " in the closing auction at the official close, the price the backtest uses",
                                new Choice("limit", "Limit from the mid"), new Choice("moc", "Market on close"))),
                (symbol, params) -> new MonthlyRebalanceStrategy(MonthlyRebalanceConfig.parse(symbol, params)));
    }

    private static StrategyDescriptor meanReversion() {
        MeanReversionConfig d = MeanReversionConfig.defaults();
        return new StrategyDescriptor(MeanReversionStrategy.ID, "RSI(2) mean reversion with SQQQ hedge",
                MeanReversionConfig.DEFAULT_SYMBOL,
                List.of(whole("rsiPeriod", "RSI period", d.rsiPeriod(), "bars", 1, 100, "RSI look-back (Wilder smoothing, ta4j)"),
                        number("entryRsi", "Entry RSI", d.entryRsi(), "", RSI_LEVEL,
                                "Buy at the close when the RSI is at or below this and the enabled filters pass"),
                        number("exitRsi", "Exit RSI", d.exitRsi(), "", RSI_LEVEL, "Sell at the close when the RSI is at or above this"),
                        percent("stopLossPercent", "Stop loss", d.stopLossPercent(), POINTS, NumberRange.of(0, 100, 0.5).belowMax(),
                                "Resting stop this far below the entry close (0 = none)"),
                        percent("positionPercent", "Position size", d.positionPercent(), POINTS, SHARE,
                                "Share of equity invested at an entry (whole shares)"),
                        onOff("vwapFilter", "VWAP filter", d.vwapFilter(), "Enter only when the close is below the rolling VWAP"),
                        whole("vwapDays", "VWAP window", d.vwapDays(), "bars", 1, 500,
                                "VWAP = sum(typical price × volume) / sum(volume), typical = (H+L+C)/3"),
                        onOff("smaFilter", "SMA filter", d.smaFilter(), "Enter only when the close is above its SMA (a dip in an up-trend)"),
                        whole("smaDays", "SMA window", d.smaDays(), "bars", 1, 500, "SMA of the SMA filter"),
                        onOff("volumeFilter", "Volume filter", d.volumeFilter(), "Enter only when today's volume reaches the minimum volume"),
                        number("minVolume", "Minimum volume", d.minVolume(), "shares", NumberRange.whole(0, 1_000_000_000_000L),
                                "Shares traded today needed by the volume filter"),
                        onOff("bollingerFilter", "Bollinger filter", d.bollingerFilter(), "Enter only when the close is below the lower Bollinger band"),
                        whole("bollingerDays", "Bollinger window", d.bollingerDays(), "bars", 2, 500, "Bollinger band window"),
                        number("bollingerStdDevs", "Bollinger width", d.bollingerStdDevs(), "σ", NumberRange.of(0, 10, 0.1).aboveMin(),
                                "Lower band = SMA − this many population standard deviations"),
                        onOff("hedge", "Hedge", d.hedge(), "Hold the hedge symbol while the RSI is extreme"),
                        ticker("hedgeSymbol", "Hedge symbol", d.hedgeSymbol(), "Inverse fund bought as the hedge"),
                        number("hedgeEntryRsi", "Hedge entry RSI", d.hedgeEntryRsi(), "", RSI_LEVEL, "Open the hedge when the RSI is at or above this"),
                        number("hedgeExitRsi", "Hedge exit RSI", d.hedgeExitRsi(), "", RSI_LEVEL, "Close the hedge when the RSI falls below this"),
                        percent("hedgePercent", "Hedge size", d.hedgePercent(), POINTS, SHARE, "At most this share of equity (whole shares)")),
                (symbol, params) -> new MeanReversionStrategy(MeanReversionConfig.parse(symbol, params)));
    }

    private static StrategyDescriptor rotation() {
        RotationConfig d = RotationConfig.defaults();
        return new StrategyDescriptor(RotationStrategy.ID, "Rotation (Sharpe top-3 sleeves, best sleeve)", RotationConfig.DEFAULT_CLOCK,
                List.of(tickers("core", "Core group", TickerGroups.DEFAULT_CORE, "Tickers of the core group"),
                        tickers("benchmarks", "Benchmarks", TickerGroups.DEFAULT_BENCHMARKS, "Benchmark tickers (the BUY_HOLD sleeve); at least one"),
                        tickers("speculative", "Speculative group", TickerGroups.DEFAULT_SPECULATIVE, "Tickers of the speculative group"),
                        tickers("asymmetric", "Asymmetric group", TickerGroups.DEFAULT_ASYMMETRIC, "Tickers of the asymmetric group"),
                        money("virtualCapital", "Sleeve starting NAV", d.virtualCapital(), NumberRange.of(1_000, 1_000_000_000, 1_000),
                                "Dollars each sleeve's simulated NAV starts from"),
                        whole("sharpeDays", "Sharpe window", d.sharpeDays(), "trading days", 2, 252,
                                "Daily returns in the trailing Sharpe ratio (mean / stdev × √252 of adjusted-close returns)"),
                        whole("topN", "Tickers per sleeve", d.topN(), "tickers", 1, 20, "Each sleeve holds this many, equal weight"),
                        whole("navDays", "NAV history", d.navDays(), "trading days", 1, 2520,
                                "Days over which the sleeves' NAVs are simulated; at least the cooldown and the momentum look-back"),
                        choice("selection", "Sleeve choice", "nav", "How the best sleeve is picked",
                                new Choice("nav", "Highest NAV (seed)"), new Choice("momentum", "Highest NAV change")),
                        whole("momentumDays", "Momentum look-back", d.momentumDays(), "trading days", 1, 126, "Look-back of the NAV change"),
                        whole("cooldownDays", "Rebalance every", d.cooldownDays(), "trading days", 1, 63, "Trading days between rebalances"),
                        percent("maxDrawdown", "Drawdown limit", d.maxDrawdown(), FRACTION, NumberRange.of(0, 100, 1).aboveMin().belowMax(),
                                "A drawdown of the chosen sleeve from its peak this deep moves the manager to the fallback"),
                        choice("fallback", "Fallback", "buy_hold", "Where a drawdown moves the manager",
                                new Choice("buy_hold", "Buy and hold the benchmarks"), new Choice("cash", "Cash")),
                        percent("capitalFraction", "Capital used", d.capitalFraction(), FRACTION, SHARE, "Share of account equity the rotation trades"),
                        percent("tolerance", "Tolerance", d.tolerance(), FRACTION, NumberRange.of(0, 50, 0.5).belowMax(),
                                "Changes under this share of the target are not traded"),
                        percent("riskFree", "Risk-free rate", d.riskFree(), FRACTION, NumberRange.of(0, 50, 0.1).belowMax(),
                                "Annual rate subtracted in the Sharpe ratio"),
                        choice("profitTaker", "Profit taker", "off", "Trailing stops on winners",
                                new Choice("off", "Off"), new Choice("conservative", "Conservative (+3% / 2%)"),
                                new Choice("moderate", "Moderate (+5% / 3%)"), new Choice("aggressive", "Aggressive (+8% / 5%)"))),
                (symbol, params) -> new RotationStrategy(RotationConfig.parse(symbol, params)));
    }
}
