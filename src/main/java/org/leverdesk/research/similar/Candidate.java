package org.leverdesk.research.similar;

import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A parameter set the advice compares: a strategy version (its id) or a grid point (no id), with every
 * parameter it runs with.
 */
public record Candidate(String label, Long versionId, SortedMap<String, String> parameters) {
    public Candidate {
        parameters = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(parameters));
    }

    public Candidate(String label, Long versionId, Map<String, String> parameters) {
        this(label, versionId, new TreeMap<>(parameters));
    }
}
