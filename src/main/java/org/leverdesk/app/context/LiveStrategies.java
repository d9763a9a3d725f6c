package org.leverdesk.app.context;

import java.util.HashMap;
import java.util.List;
import java.util.Set;
import java.util.Map;
import org.leverdesk.config.AppConfig;
import org.leverdesk.config.StrategySettings;
import org.leverdesk.execution.StrategyRun;
import org.leverdesk.strategy.Strategy;
import org.leverdesk.strategy.catalog.StrategyCatalog;
import org.leverdesk.strategy.catalog.StrategyDescriptor;
import org.leverdesk.strategy.catalog.StrategyVersion;
import org.leverdesk.strategy.catalog.StrategyVersions;

/** Builds the configured strategies for live commands: parameters from the config, versions from the store. */
public final class LiveStrategies {
    /** The parameter naming the traded symbol; the rest go to the strategy's factory. */
    public static final String SYMBOL = "symbol";

    private LiveStrategies() {
    }

    /** The settings {@code --strategy S} names, or every enabled strategy; one-line errors when there are none. */
    public static List<StrategySettings> chosen(AppConfig config, String strategyId, String configPath) {
        if (strategyId != null) {
            StrategySettings s = config.strategy(strategyId).orElseThrow(() -> new IllegalArgumentException("strategy '"
                    + strategyId + "' is not in " + configPath + " (configured: "
                    + String.join(", ", config.strategies().stream().map(StrategySettings::strategyId).toList())
                    + "); add it in Settings"));
            return List.of(s);
        }
        List<StrategySettings> enabled = config.enabledStrategies();
        if (enabled.isEmpty()) {
            throw new IllegalArgumentException("no strategy is enabled in " + configPath
                    + "; enable one in Settings or name one with --strategy");
        }
        return enabled;
    }

    /** The strategy instance of {@code settings}. */
    public static Strategy strategy(StrategySettings settings) {
        StrategyDescriptor d = StrategyCatalog.builtIn().require(settings.strategyId());
        Map<String, String> params = new HashMap<>(settings.parameters());
        String symbol = params.remove(SYMBOL);
        return d.factory().create(symbol == null ? d.defaultSymbol() : symbol, params);
    }

    /**
     * The run of {@code settings}: its parameter set is looked up (or recorded) as a strategy version,
     * whose number goes into the client order ids, so changed parameters never collide with old orders.
     */
    public static StrategyRun run(StrategySettings settings, StrategyVersions versions) {
        Strategy strategy = strategy(settings);
        Map<String, String> params = new HashMap<>(settings.parameters());
        params.remove(SYMBOL);
        StrategyVersion v = versions.save(settings.strategyId(), params, null, "run");
        return new StrategyRun(strategy, v.number(), v.id(), settings.capitalShare());
    }

    /**
     * Refuses enabled strategies that would hold the same symbol in one account: each would count the
     * other's shares as its own and trade them away (capital isolation works per symbol).
     */
    public static void requireSeparateSymbols(List<StrategySettings> enabled) {
        org.leverdesk.config.SymbolClaims claims = new org.leverdesk.config.SymbolClaims();
        for (StrategySettings s : enabled) {
            org.leverdesk.strategy.Strategy strategy;
            try {
                strategy = strategy(s);
            } catch (IllegalArgumentException e) {
                // Invalid parameters fail that strategy's own runs with their message (journalled, notified).
                continue;
            }
            List<org.leverdesk.config.SymbolClaims.Conflict> conflicts = claims.claim(s.strategyId(), strategy);
            if (!conflicts.isEmpty()) {
                throw new IllegalArgumentException(conflicts.get(0).text() + " in one account, so each would count the other's shares"
                        + " as its own; give one of them another symbol or disable one in Settings");
            }
        }
    }
}
