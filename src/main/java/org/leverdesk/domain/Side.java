package org.leverdesk.domain;

public enum Side {
    BUY, SELL;

    public int sign() { return this == BUY ? 1 : -1; }
}
