package org.leverdesk.research.sweep;

import java.util.Map;

/** A parameter set a sweep did not run, with the strategy's one-line reason (e.g. entryRsi above exitRsi). */
public record Skipped(Map<String, String> parameters, String reason) {
    public Skipped {
        parameters = Map.copyOf(parameters);
    }
}
