package org.leverdesk.domain;

/** Order types a broker accepts; LIMIT and STOP_LIMIT need a limit price, STOP and STOP_LIMIT a stop price. */
public enum OrderType {
    MARKET, LIMIT, STOP, STOP_LIMIT, MARKET_ON_OPEN, MARKET_ON_CLOSE;

    public boolean needsLimitPrice() {
        return this == LIMIT || this == STOP_LIMIT;
    }

    public boolean needsStopPrice() {
        return this == STOP || this == STOP_LIMIT;
    }
}
