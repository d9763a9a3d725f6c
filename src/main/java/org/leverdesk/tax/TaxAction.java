package org.leverdesk.tax;

/**
 * What happened to a position on a day. Buys and sells are trades (of shares, or of option contracts
 * by their OCC symbol); the last three are what happens to an option at or before its expiry.
 */
public enum TaxAction {
    BUY,
    SELL,
    /** An option expired worthless (long: the premium paid is lost; written: the premium received is a gain). */
    EXPIRED,
    /** A written option was assigned: the shares were bought (put) or delivered (call) at the strike. */
    ASSIGNED,
    /** A held option was exercised: shares bought (call) or sold (put) at the strike. */
    EXERCISED,
    /**
     * The shares split: {@code quantity} is the new shares per old share (2 for a 2:1 split, 0.1 for 1:10); every
     * open lot's shares multiply by it, its basis and holding period stay (a fraction paid in cash is a SELL).
     */
    SPLIT
}
