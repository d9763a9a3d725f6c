package org.leverdesk.strategy;

import java.time.LocalDate;
import org.leverdesk.domain.MarketSnapshot;
import org.leverdesk.domain.PortfolioView;
import org.leverdesk.market.calendar.TradingCalendar;

/**
 * Everything a strategy may look at for one decision. {@code firstDay} is true on the first trading
 * day of a run (a backtest's start, or a live strategy's first run). {@code explain} is false when
 * nobody will read the decision's explanation (a backtest that records no decisions): the strategy
 * may then leave out its signals, gates and text, but must decide exactly as when explaining.
 * {@code options} gives the option chains of {@code today} ({@link OptionMarket#NONE} when none are set up).
 * {@code exitsOnly} is true for the scheduler's intraday exit checks ({@code exits=every:10m}): the strategy
 * decides only the exits of what it holds, never a new position (strategies without intraday exits hold).
 */
public record DecisionContext(LocalDate today, MarketSnapshot market, PortfolioView portfolio,
                              TradingCalendar calendar, boolean firstDay, boolean explain, OptionMarket options,
                              boolean exitsOnly) {
    public DecisionContext {
        options = options == null ? OptionMarket.NONE : options;
    }

    /** A full decision (exits and entries) with {@code options}. */
    public DecisionContext(LocalDate today, MarketSnapshot market, PortfolioView portfolio, TradingCalendar calendar,
                           boolean firstDay, boolean explain, OptionMarket options) {
        this(today, market, portfolio, calendar, firstDay, explain, options, false);
    }

    /** A context without option chains (equity strategies). */
    public DecisionContext(LocalDate today, MarketSnapshot market, PortfolioView portfolio, TradingCalendar calendar,
                           boolean firstDay, boolean explain) {
        this(today, market, portfolio, calendar, firstDay, explain, OptionMarket.NONE);
    }

    /** A context whose decision is explained in full (live runs, recorded backtests). */
    public DecisionContext(LocalDate today, MarketSnapshot market, PortfolioView portfolio, TradingCalendar calendar,
                           boolean firstDay) {
        this(today, market, portfolio, calendar, firstDay, true);
    }
}
