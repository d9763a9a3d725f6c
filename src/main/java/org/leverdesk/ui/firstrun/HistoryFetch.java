package org.leverdesk.ui.firstrun;

import org.leverdesk.common.CancellationToken;
import org.leverdesk.common.ProgressListener;

/** Fetches real daily history from the broker's market data into the store (a port; the Alpaca adapter implements it). */
@FunctionalInterface
public interface HistoryFetch {
    /** Fetches, reporting progress and polling {@code cancel}; returns one line saying what was stored. */
    String fetch(ProgressListener progress, CancellationToken cancel) throws Exception;
}
