package org.leverdesk.config;

/** Which broker receives live orders: the built-in paper broker or Alpaca. */
public enum BrokerKind {
    PAPER, ALPACA
}
