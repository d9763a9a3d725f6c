package org.leverdesk.execution;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;
import org.leverdesk.broker.MarketClock;
import org.leverdesk.market.calendar.TradingCalendar;

/**
 * Checks the broker's market clock before orders are sent on it: its time must agree with the
 * machine's within a limit (default 2 minutes), and its open/closed must agree with the exchange
 * calendar at that time. A broker clock 5 hours off once sent market-on-open orders while the market
 * was open; one that said "open" on a Sunday got a DAY order sent. Pure: no I/O, no clock of its own.
 */
public final class BrokerClockCheck {
    /** The default largest difference between the broker's clock and the machine's. */
    public static final Duration DEFAULT_MAX_SKEW = Duration.ofMinutes(2);
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    private final Duration maxSkew;

    public BrokerClockCheck(Duration maxSkew) {
        if (maxSkew == null || maxSkew.isNegative() || maxSkew.isZero()) {
            throw new IllegalArgumentException("the broker clock's allowed skew must be positive (got " + maxSkew + ")");
        }
        this.maxSkew = maxSkew;
    }

    /** With the default limit of {@link #DEFAULT_MAX_SKEW}. */
    public static Optional<String> check(MarketClock brokerClock, Instant machineNow, TradingCalendar calendar) {
        return new BrokerClockCheck(DEFAULT_MAX_SKEW).verify(brokerClock, machineNow, calendar);
    }

    /** Empty when the broker's clock can be trusted; else one line saying what disagrees and what to do. */
    public Optional<String> verify(MarketClock brokerClock, Instant machineNow, TradingCalendar calendar) {
        if (brokerClock == null || brokerClock.timestamp() == null) {
            return Optional.of("the broker's clock gave no time; not sending orders on it - try again, and check the broker's status");
        }
        Duration skew = Duration.between(machineNow, brokerClock.timestamp());
        if (skew.abs().compareTo(maxSkew) > 0) {
            return Optional.of("the broker's clock (" + brokerClock.timestamp() + ") is " + human(skew.abs())
                    + (skew.isNegative() ? " behind" : " ahead of") + " this machine's (" + machineNow + "), more than the "
                    + human(maxSkew) + " allowed; not sending orders - check this machine's time (NTP) and the broker's status");
        }
        if (calendar == null) {
            // Told to take the broker's open/closed as the exchange's (a test's fake that is open around the clock).
            return Optional.empty();
        }
        Instant at = brokerClock.timestamp();
        boolean open = calendar.session(at.atZone(NEW_YORK).toLocalDate())
                .map(s -> !at.isBefore(s.open().toInstant()) && at.isBefore(s.close().toInstant())).orElse(false);
        if (open != brokerClock.open()) {
            return Optional.of("the broker says the market is " + (brokerClock.open() ? "open" : "closed") + " at "
                    + at.atZone(NEW_YORK).toLocalDateTime() + " New York, but the exchange calendar says "
                    + (open ? "open" : "closed") + "; not sending orders - check the broker's status (a holiday or"
                    + " early close the calendar does not know needs a Leverdesk update)");
        }
        return Optional.empty();
    }

    private static String human(Duration d) {
        long s = d.toSeconds();
        if (s >= 3600) {
            return String.format(java.util.Locale.ROOT, "%.1f h", s / 3600.0);
        }
        return s >= 60 ? String.format(java.util.Locale.ROOT, "%.1f min", s / 60.0) : s + " s";
    }
}
