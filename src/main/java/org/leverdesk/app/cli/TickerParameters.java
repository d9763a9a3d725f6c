package org.leverdesk.app.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.leverdesk.config.ConfigValidator;
import org.leverdesk.market.data.MarketData;
import org.leverdesk.strategy.catalog.StrategyCatalog;
import org.leverdesk.strategy.catalog.StrategyDescriptor;

/**
 * Checks the tickers a user names in {@code -P} (a rotation group such as {@code core=GLD,SLX}, a signal
 * symbol, {@code symbol}) against the prices at hand: a strategy skips a ticker without prices quietly,
 * which is right for a default list but hides a typo the user just made, so a named ticker without
 * prices is a one-line error.
 */
final class TickerParameters {
    // A parameter whose default is one ticker or a comma list of tickers takes tickers.
    private static final Pattern TICKERS = Pattern.compile("[A-Z][A-Z0-9.\\-]{0,9}(,[A-Z][A-Z0-9.\\-]{0,9})*");
    private static final int SHOWN = 12;

    private TickerParameters() {
    }

    static void requireKnown(String strategyId, Map<String, String> given, MarketData data) {
        StrategyDescriptor d = StrategyCatalog.builtIn().find(strategyId).orElse(null);
        if (d == null || given.isEmpty()) {
            return;
        }
        Set<String> known = null;
        for (Map.Entry<String, String> e : given.entrySet()) {
            if (!takesTickers(d, e.getKey()) || e.getValue() == null) {
                continue;
            }
            if (known == null) {
                known = data.symbols();
            }
            List<String> unknown = new ArrayList<>();
            for (String t : e.getValue().split(",")) {
                String ticker = t.strip().toUpperCase(Locale.ROOT);
                if (!ticker.isEmpty() && !known.contains(ticker)) {
                    unknown.add(ticker);
                }
            }
            if (!unknown.isEmpty()) {
                List<String> sorted = known.stream().sorted().toList();
                throw new IllegalArgumentException("-P " + e.getKey() + ": " + String.join(", ", unknown)
                        + (unknown.size() == 1 ? " has" : " have") + " no prices in " + data.sourceLabel() + " (it has "
                        + (sorted.isEmpty() ? "none" : String.join(", ", sorted.subList(0, Math.min(SHOWN, sorted.size())))
                        + (sorted.size() > SHOWN ? ", ..." : "")) + "); check the spelling, import them ('leverdesk import"
                        + " FILE --symbol " + unknown.get(0) + "') or leave them out");
            }
        }
    }

    private static boolean takesTickers(StrategyDescriptor d, String name) {
        if (ConfigValidator.SYMBOL.equals(name)) {
            return true;
        }
        return d.parameters().stream().anyMatch(p -> p.name().equals(name) && p.defaultValue() != null
                && TICKERS.matcher(p.defaultValue()).matches());
    }
}
