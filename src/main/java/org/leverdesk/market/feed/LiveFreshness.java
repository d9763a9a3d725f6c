package org.leverdesk.market.feed;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;
import org.leverdesk.market.calendar.NyseCalendar;
import org.leverdesk.market.calendar.TradingCalendar;
import org.leverdesk.market.calendar.TradingCalendar.Session;
import org.leverdesk.market.data.BarStatus;

/**
 * The stale-data rule of live decisions: a decision during a session decides on today's bar, as a backtest
 * decides on the close, so it needs today's provisional bar (built from the session so far, at most
 * {@code maxProvisionalAge} before the decision); after the close it needs today's final bar, or a
 * provisional bar built after the close; before the open, or on a day without a session, the last
 * session's final bar. Anything older gets a one-line reason and no order.
 */
public final class LiveFreshness {
    /** How old the latest trade of a provisional bar may be at a decision during the session. */
    public static final Duration DEFAULT_MAX_PROVISIONAL_AGE = Duration.ofMinutes(30);
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.ROOT);
    private static final String FIX = "; run 'leverdesk data update'";

    private final TradingCalendar calendar;
    private final Duration maxProvisionalAge;

    public LiveFreshness(TradingCalendar calendar) {
        this(calendar, DEFAULT_MAX_PROVISIONAL_AGE);
    }

    public LiveFreshness(TradingCalendar calendar, Duration maxProvisionalAge) {
        if (maxProvisionalAge.isNegative()) {
            throw new IllegalArgumentException("the provisional bar's age limit cannot be negative (got " + maxProvisionalAge + ")");
        }
        this.calendar = calendar;
        this.maxProvisionalAge = maxProvisionalAge;
    }

    /** The session whose bar a decision at {@code decisionTime} needs: today's from its open on, else the last one before. */
    public LocalDate requiredSession(Instant decisionTime) {
        ZonedDateTime t = decisionTime.atZone(NyseCalendar.ZONE);
        Optional<Session> today = calendar.session(t.toLocalDate());
        if (today.isPresent() && !decisionTime.isBefore(today.get().open().toInstant())) {
            return t.toLocalDate();
        }
        return calendar.previousTradingDay(t.toLocalDate());
    }

    /**
     * Empty when a live decision at {@code decisionTime} may use {@code symbol}'s prices whose last bar is
     * {@code last} (empty when there are none); otherwise the one-line reason, e.g. "TQQQ: prices end on
     * 2026-12-03, the decision at 2026-12-04 15:50 ET needs today's bar; run 'leverdesk data update'".
     */
    public Optional<String> problem(String symbol, Optional<BarStatus> last, Instant decisionTime) {
        LocalDate need = requiredSession(decisionTime);
        ZonedDateTime t = decisionTime.atZone(NyseCalendar.ZONE);
        boolean today = need.equals(t.toLocalDate());
        String decision = "the decision at " + WHEN.format(t) + " ET";
        String needs = today ? "today's bar" : "the final bar of " + need;
        if (last.isEmpty()) {
            return Optional.of(symbol + ": there are no prices, " + decision + " needs " + needs + FIX);
        }
        BarStatus bar = last.get();
        if (bar.date().isBefore(need)) {
            return Optional.of(symbol + ": prices end on " + bar.date() + ", " + decision + " needs " + needs + FIX);
        }
        if (!bar.provisional() || bar.date().isAfter(need)) {
            return Optional.empty();
        }
        String upTo = "holds trades up to " + TIME.format(bar.asOf().atZone(NyseCalendar.ZONE)) + " ET";
        if (!today) {
            return Optional.of(symbol + ": the bar of " + need + " is still provisional (it " + upTo + "), " + decision
                    + " needs its final bar" + FIX);
        }
        Instant close = calendar.session(need).orElseThrow().close().toInstant();
        if (!decisionTime.isBefore(close)) {
            return bar.asOf().isBefore(close)
                    ? Optional.of(symbol + ": today's bar is provisional (it " + upTo + "), " + decision
                            + " after the close needs today's final bar" + FIX)
                    : Optional.empty();
        }
        Duration age = Duration.between(bar.asOf(), decisionTime);
        if (age.compareTo(maxProvisionalAge) > 0) {
            return Optional.of(symbol + ": today's provisional bar " + upTo + ", " + age.toMinutes() + " minutes before "
                    + decision + " (at most " + maxProvisionalAge.toMinutes() + " allowed)" + FIX);
        }
        return Optional.empty();
    }
}
