package org.leverdesk.market.feed;

import java.util.Optional;
import org.leverdesk.common.CancellationToken;
import org.leverdesk.common.ProgressListener;

/**
 * "Update prices" as the Data view offers it: the symbols the enabled strategies read, from the configured
 * feed, as of now (the same refresh as {@code leverdesk data update}).
 */
public interface DataUpdater {
    /** Why an update cannot run (no feed configured, no strategy enabled), in one line; empty when it can. */
    Optional<String> unavailable();

    /** What an update reads from and for which symbols, e.g. "QQQ, TQQQ from Alpaca market data". */
    String describe();

    /**
     * Updates, reporting progress and polling {@code cancel}.
     *
     * @throws java.util.concurrent.CancellationException when cancelled (finished symbols stay written)
     */
    RefreshReport update(ProgressListener progress, CancellationToken cancel);
}
