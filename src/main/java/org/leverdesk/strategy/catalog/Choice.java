package org.leverdesk.strategy.catalog;

/** One allowed value of a {@link ParameterKind#CHOICE} parameter: what is stored and what people read. */
public record Choice(String value, String label) {
    public Choice {
        if (value == null || value.isBlank() || label == null || label.isBlank()) {
            throw new IllegalArgumentException("a choice needs a value and a label (got '" + value + "', '" + label + "')");
        }
    }
}
