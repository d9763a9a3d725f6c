package org.leverdesk.risk;

/** Where trading events go (the journal for paper and live trading; nowhere in a backtest). */
@FunctionalInterface
public interface EventSink {
    void append(String kind, String strategyId, String message, String detailsJson);

    /** Drops every event. */
    EventSink NONE = (kind, strategyId, message, detailsJson) -> { };
}
