package org.leverdesk.strategy;

import java.time.LocalDate;
import org.leverdesk.domain.MarketSnapshot;
import org.leverdesk.domain.PortfolioView;
import org.leverdesk.market.calendar.TradingCalendar;

/**
 * Everything a strategy may look at for one decision. {@code firstDay} is true on the first trading
 * day of a run (a backtest's start, or a live strategy's first run).
 */
public record DecisionContext(LocalDate today, MarketSnapshot market, PortfolioView portfolio,
                              TradingCalendar calendar, boolean firstDay) {
}
