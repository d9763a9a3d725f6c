package org.leverdesk.strategy;

import java.util.Map;

/** Reads strategy parameters given as text (CLI {@code -P name=value}, the GUI's forms, stored versions). */
public final class ParameterText {
    private ParameterText() {
    }

    /** The number named {@code name}, or {@code fallback} when it is missing or blank; a one-line error otherwise. */
    public static double number(Map<String, String> parameters, String name, double fallback) {
        String v = parameters.get(name);
        if (v == null || v.isBlank()) {
            return fallback;
        }
        try {
            return Double.parseDouble(v.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a number (got '" + v + "')");
        }
    }
}
