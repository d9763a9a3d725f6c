package org.leverdesk.strategy.catalog;

import java.util.List;
import java.util.Map;
import org.leverdesk.strategy.Strategy;

/**
 * A strategy family as the app offers it: id, display name, default traded symbol, its parameters
 * with defaults, and a factory building a configured instance from text parameters (which it
 * validates, throwing IllegalArgumentException with a one-line message).
 */
public record StrategyDescriptor(String id, String displayName, String defaultSymbol, List<ParameterSpec> parameters,
                                 Factory factory) {

    /** Builds a strategy for a traded symbol and named text parameters. */
    @FunctionalInterface
    public interface Factory {
        Strategy create(String symbol, Map<String, String> parameters);
    }

    /** A named parameter with its default (as text) and a short description. */
    public record ParameterSpec(String name, String defaultValue, String description) {
    }
}
