package org.leverdesk.domain;

/** What a strategy wants to hold of one symbol: a whole-share quantity (0 means flat). */
public record Target(String symbol, long quantity) {
}
