package org.leverdesk.domain;

/** How long an order works: the day, until cancelled, at the open or close auction, immediate or cancel, fill or kill. */
public enum TimeInForce {
    DAY, GTC, OPG, CLS, IOC, FOK
}
