package org.leverdesk.broker;

import java.time.Instant;

/**
 * The latest quote of a symbol as the broker or feed reported it, unchecked: bid, ask or last may be
 * zero, NaN or stale, so trading code passes it through a quote guard first.
 */
public record Quote(String symbol, double bid, double ask, double last, Instant at) {
    /** Midpoint of bid and ask (meaningless for a quote the guard has not accepted). */
    public double mid() {
        return (bid + ask) / 2;
    }
}
