package org.leverdesk.domain;

import java.time.LocalDate;

/** One daily bar: split-adjusted OHLC, volume, and the close adjusted for splits and dividends. */
public record Bar(LocalDate date, double open, double high, double low, double close, long volume, double adjClose) {
}
