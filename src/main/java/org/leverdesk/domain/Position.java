package org.leverdesk.domain;

/** Holdings of one symbol: signed share count and average cost per share. */
public record Position(String symbol, long quantity, double averageCost) {
}
