package org.leverdesk.broker;

import java.time.Instant;

/** The broker's view of the market now: open or not, and the next open and close. */
public record MarketClock(Instant timestamp, boolean open, Instant nextOpen, Instant nextClose) {
}
