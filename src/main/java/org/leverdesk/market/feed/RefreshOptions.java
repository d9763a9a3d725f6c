package org.leverdesk.market.feed;

import java.time.LocalDate;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * How a refresh runs.
 *
 * @param provisional  build today's provisional bar while a session is in progress
 * @param fullReplace  symbols whose whole series is fetched again and replaces the stored one (after a split)
 * @param historyStart where a symbol without stored bars (or a full replacement) starts; null for the feed's start
 */
public record RefreshOptions(boolean provisional, Set<String> fullReplace, LocalDate historyStart) {
    /** Incremental, with today's provisional bar during a session, from the feed's history start. */
    public static final RefreshOptions DEFAULT = new RefreshOptions(true, Set.of(), null);

    public RefreshOptions {
        fullReplace = fullReplace.stream().map(s -> s.toUpperCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
    }

    public RefreshOptions withFullReplace(Set<String> symbols) {
        return new RefreshOptions(provisional, symbols, historyStart);
    }

    public RefreshOptions withHistoryStart(LocalDate start) {
        return new RefreshOptions(provisional, fullReplace, start);
    }

    public RefreshOptions withProvisional(boolean on) {
        return new RefreshOptions(on, fullReplace, historyStart);
    }
}
