package org.leverdesk.market.feed;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import org.leverdesk.market.calendar.NyseCalendar;
import org.leverdesk.market.calendar.TradingCalendar;
import org.leverdesk.market.calendar.TradingCalendar.Session;

/**
 * When a session's daily bar is final: {@value #SETTLE_MINUTES} minutes after its close (16:15 ET, 13:15
 * on early closes). By then the closing auction has printed and a free Alpaca account may read the whole
 * day from the consolidated tape (it may not read the last 15 minutes). From the open until then, the
 * day can only be had as a provisional bar (the session so far).
 */
public final class FeedTiming {
    public static final long SETTLE_MINUTES = 15;
    public static final Duration SETTLE = Duration.ofMinutes(SETTLE_MINUTES);

    private final TradingCalendar calendar;

    public FeedTiming(TradingCalendar calendar) {
        this.calendar = calendar;
    }

    public TradingCalendar calendar() {
        return calendar;
    }

    /** True when {@code session}'s bar is final at {@code now}. */
    public boolean isFinal(LocalDate session, Instant now) {
        Optional<Session> s = calendar.session(session);
        return s.isPresent() && !now.isBefore(s.get().close().toInstant().plus(SETTLE));
    }

    /** The latest session whose bar is final at {@code now}. */
    public LocalDate lastFinalSession(Instant now) {
        LocalDate today = LocalDate.ofInstant(now, NyseCalendar.ZONE);
        return isFinal(today, now) ? today : calendar.previousTradingDay(today);
    }

    /**
     * The session whose provisional bar can be built at {@code now}: open, or closed less than
     * {@link #SETTLE} ago; empty otherwise.
     */
    public Optional<Session> sessionInProgress(Instant now) {
        LocalDate today = LocalDate.ofInstant(now, NyseCalendar.ZONE);
        return calendar.session(today).filter(s -> !now.isBefore(s.open().toInstant())
                && now.isBefore(s.close().toInstant().plus(SETTLE)));
    }
}
