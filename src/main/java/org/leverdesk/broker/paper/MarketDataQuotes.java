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
 * live paper account never sees a price from after its "now".
 *
 * <p>A replay of a past day ({@code run --as-of D}) decides at 15:50 on D's own bar, as a backtest
 * decides on the day's close; for it ({@code sessionBarKnown}) the bar of the session in progress is
 * known too: its open at the opening moment, its close (the replay's stand-in for the 15:50 price)
 * during the session, stamped with the moment asked, so the quote guard judges it against the
 * replayed time and the fill matches the backtest's.
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
        if (sessionBarKnown && !bars.isEmpty()) {
            Optional<Quote> current = inSession(bars, symbol, at);
            if (current.isPresent()) {
                return current;
            }
        }
        for (int i = bars.size() - 1; i >= 0; i--) {
            Instant close = closeOf(bars.date(i));
            if (!close.isAfter(at)) {
                double c = bars.close(i);
                return Optional.of(new Quote(symbol, c * (1 - halfSpread), c * (1 + halfSpread), c, close));
            }
        }
        return Optional.empty();
    }

    /** The bar of the session open at {@code at}: its open at the opening moment, its close after it. */
    private Optional<Quote> inSession(BarSeries bars, String symbol, Instant at) {
        int i = bars.size() - 1;
        LocalDate date = bars.date(i);
        LocalDate day = at.atZone(NyseCalendar.ZONE).toLocalDate();
        Optional<TradingCalendar.Session> session = date.equals(day) ? calendar.session(date) : Optional.empty();
        if (session.isEmpty()) {
            return Optional.empty();
        }
        Instant opens = session.get().open().toInstant();
        if (at.isBefore(opens) || !at.isBefore(closeOf(date))) {
            return Optional.empty();
        }
        double price = at.equals(opens) ? bars.open(i) : bars.close(i);
        return Optional.of(new Quote(symbol, price * (1 - halfSpread), price * (1 + halfSpread), price, at));
    }

    /** When a bar's session closed (16:00 New York for a bar on a day the calendar calls closed). */
    private Instant closeOf(LocalDate date) {
        LocalTime close = calendar.sessionClose(date);
        return ZonedDateTime.of(date, close == null ? LocalTime.of(16, 0) : close, NyseCalendar.ZONE).toInstant();
    }
}
