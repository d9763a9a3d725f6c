package org.leverdesk.config;

/** Alpaca's paper (sandbox) or live (real money) trading endpoint. */
public enum AlpacaEndpoint {
    PAPER, LIVE
}
