package org.leverdesk.strategy.catalog;

/**
 * How one parameter differs between two versions.
 *
 * @param oldValue the value in the first version; null when {@link Kind#ADDED}
 * @param newValue the value in the second version; null when {@link Kind#REMOVED}
 */
public record ParameterChange(String name, String oldValue, String newValue, Kind kind) {
    /** Whether the parameter was changed, exists only in the second version, or only in the first. */
    public enum Kind { CHANGED, ADDED, REMOVED }
}
