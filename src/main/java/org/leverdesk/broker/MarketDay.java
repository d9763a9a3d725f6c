package org.leverdesk.broker;

import java.time.LocalDate;
import java.time.LocalTime;

/** One trading session; open and close are New York times (close is 13:00 on early-close days). */
public record MarketDay(LocalDate date, LocalTime open, LocalTime close) {
}
