package org.leverdesk.research.saved;

import java.util.SortedMap;
import org.leverdesk.backtest.metrics.Metrics;

/** One saved run of a research job: null window for a sweep; walk-forward runs carry their window. */
public record SavedTrial(int seq, Integer window, boolean outOfSample, SortedMap<String, String> parameters, Metrics metrics) {
}
