package org.leverdesk.strategy.catalog;

import java.util.List;
import java.util.Optional;
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
        return new StrategyCatalog(List.of(monthlyRebalance()));
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
}
