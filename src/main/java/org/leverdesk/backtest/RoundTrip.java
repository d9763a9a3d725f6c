package org.leverdesk.backtest;

import java.time.LocalDate;

/**
 * A closed round trip: shares bought and later sold (FIFO matching of fills), with the profit net
 * of the commissions of both legs.
 */
public record RoundTrip(String symbol, LocalDate entryDate, double entryPrice, LocalDate exitDate, double exitPrice,
                        long quantity, double profit) {
}
