package org.leverdesk.backtest;

import java.time.LocalDate;

/** Account value at one day's close: equity = cash + market value of positions. */
public record EquityPoint(LocalDate date, double equity, double cash, double positionValue) {
}
