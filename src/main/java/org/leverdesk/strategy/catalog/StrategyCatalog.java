package org.leverdesk.strategy.catalog;

import java.util.List;
import java.util.Optional;
import org.leverdesk.strategy.meanreversion.MeanReversionConfig;
import org.leverdesk.strategy.meanreversion.MeanReversionStrategy;
import org.leverdesk.strategy.rebalance.MonthlyRebalanceConfig;
import org.leverdesk.strategy.rebalance.MonthlyRebalanceStrategy;

/** Every strategy family Leverdesk ships, in display order. New families register here. */
public final class StrategyCatalog {
    private final List<StrategyDescriptor> descriptors;

    public StrategyCatalog(List<StrategyDescriptor> descriptors) {
        this.descriptors = List.copyOf(descriptors);
    }

    /** The built-in strategies. */
    public static StrategyCatalog builtIn() {
        return new StrategyCatalog(List.of(monthlyRebalance(), meanReversion()));
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
}
