package org.leverdesk.schedule;

/** The moment of a trading day a job's time is measured from: a session edge, or the evening. */
public enum Anchor {
    /** The session's open (09:30 ET, later on a late-open day). */
    OPEN,
    /** The session's close (16:00 ET, 13:00 on an early-close day). */
    CLOSE,
    /**
     * 19:00 ET on each trading day, whatever its close: when Alpaca takes market-on-open orders for the
     * next session again (see {@code broker.AuctionWindows}).
     */
    EVENING
}
