package org.leverdesk.backtest;

import java.time.LocalDate;

/** A cash dividend a backtest's account received on the ex-date: shares held, per share, amount credited. */
public record DividendPayment(LocalDate date, String symbol, long shares, double perShare, double amount) {
}
