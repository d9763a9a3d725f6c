package org.leverdesk.strategy.catalog;

import java.util.List;
import java.util.Optional;
import org.leverdesk.strategy.meanreversion.MeanReversionConfig;
import org.leverdesk.strategy.meanreversion.MeanReversionStrategy;
import org.leverdesk.strategy.rebalance.MonthlyRebalanceConfig;
import org.leverdesk.strategy.rebalance.MonthlyRebalanceStrategy;
import org.leverdesk.strategy.regime.RegimeConfig;
import org.leverdesk.strategy.regime.RegimeStrategy;
import org.leverdesk.strategy.rotation.RotationConfig;
import org.leverdesk.strategy.rotation.RotationStrategy;
import org.leverdesk.strategy.rotation.TickerGroups;

/** Every strategy family Leverdesk ships, in display order. New families register here. */
public final class StrategyCatalog {
    private final List<StrategyDescriptor> descriptors;

    public StrategyCatalog(List<StrategyDescriptor> descriptors) {
        this.descriptors = List.copyOf(descriptors);
    }

    /** The built-in strategies. */
    public static StrategyCatalog builtIn() {
        return new StrategyCatalog(List.of(monthlyRebalance(), regime(), meanReversion(), rotation()));
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

    private static StrategyDescriptor regime() {
        return new StrategyDescriptor(RegimeStrategy.ID, "Regime (QQQ regimes size TQQQ)", RegimeConfig.DEFAULT_SYMBOL,
                List.of(param("signalSymbol", "QQQ", "Symbol whose SMA-50/SMA-250 regime sizes the position"),
                        param("fastPeriod", "50", "Fast SMA period in days"),
                        param("slowPeriod", "250", "Slow SMA period in days"),
                        param("deadzone", "0.02", "Band around the SMAs as a fraction (0.02 = 2%)"),
                        param("holdDays", "2", "Trading days a new regime is held before a non-emergency change"),
                        param("capitalFraction", "0.30", "Share of account equity the strategy may use"),
                        param("strongBull", "0.70", "Share of strategy capital held in STRONG_BULL"),
                        param("bull", "0.50", "Share of strategy capital held in BULL"),
                        param("cautious", "0.25", "Share of strategy capital held in CAUTIOUS (RISK_OFF/BREAKDOWN hold 0)"),
                        param("minTradeValue", "100", "Dollars an order must exceed; smaller differences are left alone"),
                        param("dayTradeGuard", "false", "Skip non-emergency rebalances when few day trades remain"),
                        param("minDayTradesRemaining", "2", "Day trades that must remain when the guard is on"),
                        param("minutesBeforeClose", "10", "Decision time before the session close (15:50 ET)"),
                        param("rocShort", "20", "Momentum: short rate-of-change lookback (days)"),
                        param("rocMid", "60", "Momentum: medium rate-of-change lookback (days)"),
                        param("rocLong", "120", "Momentum: long rate-of-change lookback (days)"),
                        param("smaShort", "20", "Momentum: close vs this SMA"),
                        param("momentumMin", "0.3", "Minimum momentum score to buy; below it the position scale is 0"),
                        param("momentumFull", "0.7", "Momentum score from which the position scale is 1"),
                        param("volWindow", "20", "Realized volatility window (daily log returns)"),
                        param("volLow", "15", "Annualized volatility % below which it is LOW"),
                        param("volNormal", "25", "Annualized volatility % below which it is NORMAL"),
                        param("volHigh", "35", "Annualized volatility % from which it is EXTREME (exit)"),
                        param("volHighScale", "0.5", "Position scale in the HIGH volatility band"),
                        param("maxOverextension", "0.10", "No buys when the close is this far above the fast SMA"),
                        param("sidewaysLookback", "20", "Days over which the fast SMA slope and efficiency are measured"),
                        param("sidewaysMinSlope", "0.005", "No buys when the fast SMA moved less than this (up or down) over the lookback"),
                        param("sidewaysMinEfficiency", "0.05", "No buys when the efficiency ratio is below this"),
                        param("minTrendStrength", "0.02", "Buys need the close this far above the slow SMA"),
                        param("bearishPutCallRatio", "2", "Options flow is bearish when put premium exceeds this x call premium"),
                        param("bearishScale", "0.5", "Position scale while options flow is bearish")),
                (symbol, params) -> new RegimeStrategy(RegimeConfig.parse(symbol, params)));
    }

    private static StrategyDescriptor.ParameterSpec param(String name, String defaultValue, String description) {
        return new StrategyDescriptor.ParameterSpec(name, defaultValue, description);
    }

    private static StrategyDescriptor monthlyRebalance() {
        return new StrategyDescriptor(MonthlyRebalanceStrategy.ID, "Monthly rebalance (fixed dollars)",
                MonthlyRebalanceConfig.DEFAULT_SYMBOL,
                List.of(new StrategyDescriptor.ParameterSpec("allocation", "2000",
                                "Dollars kept in the symbol; re-sized to whole shares on each month's last trading day"),
                        new StrategyDescriptor.ParameterSpec("limitOffsetBps", "50",
                                "Live limit price distance through the mid, in basis points (50 = 0.5%)")),
                (symbol, params) -> new MonthlyRebalanceStrategy(MonthlyRebalanceConfig.parse(symbol, params)));
    }

    private static StrategyDescriptor meanReversion() {
        MeanReversionConfig d = MeanReversionConfig.defaults();
        return new StrategyDescriptor(MeanReversionStrategy.ID, "RSI(2) mean reversion with SQQQ hedge",
                MeanReversionConfig.DEFAULT_SYMBOL,
                List.of(p("rsiPeriod", d.rsiPeriod(), "RSI look-back in bars (Wilder smoothing, ta4j)"),
                        p("entryRsi", d.entryRsi(), "Buy at the close when the RSI is at or below this and the enabled filters pass"),
                        p("exitRsi", d.exitRsi(), "Sell at the close when the RSI is at or above this"),
                        p("stopLossPercent", d.stopLossPercent(), "Resting stop this many percent below the entry close (0 = none)"),
                        p("positionPercent", d.positionPercent(), "Percent of equity invested at an entry (whole shares)"),
                        p("vwapFilter", d.vwapFilter(), "Enter only when the close is below the rolling VWAP"),
                        p("vwapDays", d.vwapDays(), "VWAP window: sum(typical price x volume) / sum(volume), typical = (H+L+C)/3"),
                        p("smaFilter", d.smaFilter(), "Enter only when the close is above its SMA (a dip in an up-trend)"),
                        p("smaDays", d.smaDays(), "SMA window in bars"),
                        p("volumeFilter", d.volumeFilter(), "Enter only when today's volume reaches minVolume"),
                        p("minVolume", d.minVolume(), "Minimum shares traded today for the volume filter"),
                        p("bollingerFilter", d.bollingerFilter(), "Enter only when the close is below the lower Bollinger band"),
                        p("bollingerDays", d.bollingerDays(), "Bollinger window in bars"),
                        p("bollingerStdDevs", d.bollingerStdDevs(), "Lower band = SMA - this many population standard deviations"),
                        p("hedge", d.hedge(), "Hold the hedge symbol while the RSI is extreme"),
                        p("hedgeSymbol", d.hedgeSymbol(), "Inverse fund bought as the hedge"),
                        p("hedgeEntryRsi", d.hedgeEntryRsi(), "Open the hedge when the RSI is at or above this"),
                        p("hedgeExitRsi", d.hedgeExitRsi(), "Close the hedge when the RSI falls below this"),
                        p("hedgePercent", d.hedgePercent(), "Hedge size: at most this percent of equity (whole shares)")),
                (symbol, params) -> new MeanReversionStrategy(MeanReversionConfig.parse(symbol, params)));
    }

    private static StrategyDescriptor.ParameterSpec p(String name, Object defaultValue, String description) {
        String text = defaultValue instanceof Double v && v == Math.rint(v) ? Long.toString(v.longValue()) : String.valueOf(defaultValue);
        return new StrategyDescriptor.ParameterSpec(name, text, description);
    }

    private static StrategyDescriptor rotation() {
        RotationConfig d = RotationConfig.defaults();
        return new StrategyDescriptor(RotationStrategy.ID, "Rotation (Sharpe top-3 sleeves, best sleeve)", RotationConfig.DEFAULT_CLOCK,
                List.of(param("core", TickerGroups.DEFAULT_CORE, "Core group tickers, comma separated"),
                        param("benchmarks", TickerGroups.DEFAULT_BENCHMARKS, "Benchmark tickers (the BUY_HOLD sleeve)"),
                        param("speculative", TickerGroups.DEFAULT_SPECULATIVE, "Speculative group tickers"),
                        param("asymmetric", TickerGroups.DEFAULT_ASYMMETRIC, "Asymmetric group tickers"),
                        p("virtualCapital", d.virtualCapital(), "Dollars each sleeve's simulated NAV starts from"),
                        p("sharpeDays", d.sharpeDays(), "Daily returns in the trailing Sharpe ratio (mean/stdev x sqrt 252 of adj close returns)"),
                        p("topN", d.topN(), "Tickers each sleeve holds, equal weight"),
                        p("navDays", d.navDays(), "Trading days over which the sleeves' NAVs are simulated"),
                        param("selection", "nav", "nav = highest sleeve NAV (seed); momentum = highest NAV change over momentumDays"),
                        p("momentumDays", d.momentumDays(), "Look-back of the NAV momentum in trading days"),
                        p("cooldownDays", d.cooldownDays(), "Trading days between rebalances"),
                        p("maxDrawdown", d.maxDrawdown(), "Drawdown of the chosen sleeve from its peak that triggers the fallback"),
                        param("fallback", "buy_hold", "Where a drawdown moves the manager: buy_hold or cash"),
                        p("capitalFraction", d.capitalFraction(), "Share of account equity the rotation trades"),
                        p("tolerance", d.tolerance(), "Changes under this fraction of the target are not traded"),
                        p("riskFree", d.riskFree(), "Annual risk-free rate subtracted in the Sharpe ratio"),
                        param("profitTaker", "off", "Trailing stops: off, conservative (+3%/2%), moderate (+5%/3%), aggressive (+8%/5%)")),
                (symbol, params) -> new RotationStrategy(RotationConfig.parse(symbol, params)));
    }
}
