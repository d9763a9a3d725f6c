package org.leverdesk.ui.research;

import java.util.HashMap;
import java.util.Map;
import org.leverdesk.strategy.catalog.StrategyCatalog;
import org.leverdesk.strategy.catalog.StrategyDescriptor.ParameterSpec;

/**
 * A strategy parameter's heading in the research lab: its label and the unit of the values the sweep
 * tries ("Entry RSI", "Lookback (days)", "Stop loss (fraction)"). The sweep tries the text the strategy
 * parses, so a percent is headed with the strategy's own unit of it, not with "%".
 */
final class ParameterHeadings {
    private final Map<String, String> byName;

    private ParameterHeadings(Map<String, String> byName) {
        this.byName = byName;
    }

    /** The headings of {@code strategyId}'s parameters; headings from the names when the catalog lacks it. */
    static ParameterHeadings of(StrategyCatalog catalog, String strategyId) {
        Map<String, String> map = new HashMap<>();
        catalog.find(strategyId).ifPresent(d -> d.parameters().forEach(p -> map.put(p.name(), heading(p))));
        return new ParameterHeadings(map);
    }

    /** The heading of {@code name}; for a parameter the catalog does not describe, its name in words. */
    String of(String name) {
        String h = byName.get(name);
        return h != null ? h : new ParameterSpec(name, "", "").label();
    }

    static String heading(ParameterSpec p) {
        String unit = switch (p.kind()) {
            case PERCENT -> switch (p.base()) {
                case FRACTION -> "fraction";
                case POINTS -> "%";
                case BASIS_POINTS -> "bp";
            };
            case MONEY -> "$";
            default -> p.unit();
        };
        return unit.isEmpty() ? p.label() : p.label() + " (" + unit + ")";
    }
}
