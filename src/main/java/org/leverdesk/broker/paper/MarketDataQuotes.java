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
 * last = its close and bid/ask = close -/+ the half-spread, stamped with that session's close, so a
 * replay never sees a price from after its "now".
 */
final class MarketDataQuotes {
    private static final Logger LOG = LoggerFactory.getLogger(MarketDataQuotes.class);
    // A window that holds the latest bar in normal data; a longer gap falls back to the whole history.
    private static final int WINDOW_DAYS = 14;

    private final MarketData data;
    private final TradingCalendar calendar;
    private final double halfSpread;

    MarketDataQuotes(MarketData data, TradingCalendar calendar, double halfSpread) {
        this.data = data;
        this.calendar = calendar;
        this.halfSpread = halfSpread;
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
        for (int i = bars.size() - 1; i >= 0; i--) {
            Instant close = closeOf(bars.date(i));
            if (!close.isAfter(at)) {
                double c = bars.close(i);
                return Optional.of(new Quote(symbol, c * (1 - halfSpread), c * (1 + halfSpread), c, close));
            }
        }
        return Optional.empty();
    }

    /** When a bar's session closed (16:00 New York for a bar on a day the calendar calls closed). */
    private Instant closeOf(LocalDate date) {
        LocalTime close = calendar.sessionClose(date);
        return ZonedDateTime.of(date, close == null ? LocalTime.of(16, 0) : close, NyseCalendar.ZONE).toInstant();
    }
}
