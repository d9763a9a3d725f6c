package org.leverdesk.broker.paper;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.Optional;
import org.leverdesk.broker.Quote;
import org.leverdesk.domain.BarSeries;
import org.leverdesk.market.calendar.NyseCalendar;
import org.leverdesk.market.calendar.TradingCalendar;
import org.leverdesk.market.data.MarketData;
import org.leverdesk.market.data.MarketDataException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Quotes made from daily bars: the latest bar whose session had closed by the asked moment gives
 * last = its close and bid/ask = close -/+ the half-spread, stamped with that session's close; during a
 * session, a bar of that day (the feed's provisional bar) gives the price known now. A replay never sees
 * a price from after its "now": a day's bar is in the data only once that day has begun.
 */
final class MarketDataQuotes {
    private static final Logger LOG = LoggerFactory.getLogger(MarketDataQuotes.class);
    // A window that holds the latest bar in normal data; a longer gap falls back to the whole history.
    private static final int WINDOW_DAYS = 14;

    private final MarketData data;
    private final TradingCalendar calendar;
    private final double halfSpread;
    private final boolean sessionBarKnown;

    MarketDataQuotes(MarketData data, TradingCalendar calendar, double halfSpread) {
        this(data, calendar, halfSpread, false);
    }

    MarketDataQuotes(MarketData data, TradingCalendar calendar, double halfSpread, boolean sessionBarKnown) {
        this.data = data;
        this.calendar = calendar;
        this.halfSpread = halfSpread;
        this.sessionBarKnown = sessionBarKnown;
    }

    /** The quote of {@code symbol} as known at {@code at}, or empty when the data has no bar closed by then. */
    Optional<Quote> quoteAt(String symbol, Instant at) {
        LocalDate day = at.atZone(NyseCalendar.ZONE).toLocalDate();
        try {
            Optional<Quote> q = latest(data.bars(symbol, day.minusDays(WINDOW_DAYS), day), symbol, at);
            return q.isPresent() ? q : latest(data.barsUpTo(symbol, day), symbol, at);
        } catch (MarketDataException e) {
            LOG.debug("no price of {} at {} from {}: {}", symbol, at, data.sourceLabel(), e.getMessage());
            return Optional.empty();
        }
    }

    private Optional<Quote> latest(BarSeries bars, String symbol, Instant at) {
        LocalDate today = at.atZone(NyseCalendar.ZONE).toLocalDate();
        for (int i = bars.size() - 1; i >= 0; i--) {
            LocalDate date = bars.date(i);
            Instant close = closeOf(date);
            double c = bars.close(i);
            if (!close.isAfter(at)) {
                return Optional.of(new Quote(symbol, c * (1 - halfSpread), c * (1 + halfSpread), c, close));
            }
            if (date.equals(today) && isOpenAt(date, at)) {
                // Today's bar during the session (a provisional bar of the feed): the price known now.
                return Optional.of(new Quote(symbol, c * (1 - halfSpread), c * (1 + halfSpread), c, at));
            }
        }
        return Optional.empty();
    }

    private boolean isOpenAt(LocalDate date, Instant at) {
        return calendar.session(date).map(s -> !at.isBefore(s.open().toInstant())).orElse(false);
    }

    /** When a bar's session closed (16:00 New York for a bar on a day the calendar calls closed). */
    private Instant closeOf(LocalDate date) {
        LocalTime close = calendar.sessionClose(date);
        return ZonedDateTime.of(date, close == null ? LocalTime.of(16, 0) : close, NyseCalendar.ZONE).toInstant();
    }
}
