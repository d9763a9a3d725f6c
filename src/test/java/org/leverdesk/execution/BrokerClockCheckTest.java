package org.leverdesk.execution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.leverdesk.broker.MarketClock;
import org.leverdesk.market.calendar.NyseCalendar;

/** The broker's clock against the machine's and the NYSE calendar (issue #14, defect 7). */
class BrokerClockCheckTest {
    private final NyseCalendar calendar = new NyseCalendar();
    // Wednesday 2026-03-04 10:00 New York (EST, UTC-5): a regular session.
    private final Instant wednesdayTen = Instant.parse("2026-03-04T15:00:00Z");

    private static MarketClock clock(Instant at, boolean open) {
        return new MarketClock(at, open, at.plus(Duration.ofHours(20)), at.plus(Duration.ofHours(6)));
    }

    @Test
    void aClockThatAgreesWithTheMachineAndTheCalendarPasses() {
        assertEquals(Optional.empty(), BrokerClockCheck.check(clock(wednesdayTen, true), wednesdayTen.plusSeconds(3), calendar));
        // 19:00 New York that evening: closed, and the broker says so.
        Instant evening = Instant.parse("2026-03-05T00:00:00Z");
        assertEquals(Optional.empty(), BrokerClockCheck.check(clock(evening, false), evening, calendar));
    }

    @Test
    void aClockFiveHoursOffIsRefusedWithOneLine() {
        // The broker thinks it is 15:00 New York (open) while it is 10:00 on the machine.
        Optional<String> reason = BrokerClockCheck.check(clock(wednesdayTen.plus(Duration.ofHours(5)), true), wednesdayTen, calendar);
        assertTrue(reason.isPresent());
        assertTrue(reason.get().contains("is 5.0 h ahead of this machine's"), reason.get());
        assertTrue(reason.get().contains("not sending orders"), reason.get());
        assertEquals(1, reason.get().lines().count());
        Optional<String> behind = BrokerClockCheck.check(clock(wednesdayTen.minus(Duration.ofHours(5)), false), wednesdayTen, calendar);
        assertTrue(behind.orElseThrow().contains("5.0 h behind"), behind.orElseThrow());
    }

    @Test
    void theSkewLimitIsTwoMinutesByDefaultAndConfigurable() {
        assertEquals(Optional.empty(), BrokerClockCheck.check(clock(wednesdayTen.plusSeconds(119), true), wednesdayTen, calendar));
        assertTrue(BrokerClockCheck.check(clock(wednesdayTen.plusSeconds(121), true), wednesdayTen, calendar).isPresent());
        BrokerClockCheck strict = new BrokerClockCheck(Duration.ofSeconds(10));
        assertTrue(strict.verify(clock(wednesdayTen.plusSeconds(11), true), wednesdayTen, calendar).orElseThrow()
                .contains("more than the 10 s allowed"));
        assertThrows(IllegalArgumentException.class, () -> new BrokerClockCheck(Duration.ZERO));
    }

    @Test
    void openOnASundayIsRefused() {
        // Sunday 2026-03-08 04:04 New York (EDT from 2:00 that night): no session.
        Instant sunday = Instant.parse("2026-03-08T08:04:00Z");
        Optional<String> reason = BrokerClockCheck.check(clock(sunday, true), sunday, calendar);
        assertTrue(reason.isPresent());
        assertTrue(reason.get().contains("the broker says the market is open at 2026-03-08T04:04 New York, but the exchange"
                + " calendar says closed"), reason.get());
    }

    @Test
    void closedDuringASessionIsRefusedToo() {
        assertTrue(BrokerClockCheck.check(clock(wednesdayTen, false), wednesdayTen, calendar).orElseThrow()
                .contains("says the market is closed"));
        // Thanksgiving 2026 (Thursday 26 November) at noon: closed.
        Instant thanksgiving = Instant.parse("2026-11-26T17:00:00Z");
        assertTrue(BrokerClockCheck.check(clock(thanksgiving, true), thanksgiving, calendar).isPresent());
        assertEquals(Optional.empty(), BrokerClockCheck.check(clock(thanksgiving, false), thanksgiving, calendar));
    }

    @Test
    void aClockWithoutTimeIsRefused() {
        assertTrue(BrokerClockCheck.check(new MarketClock(null, true, null, null), wednesdayTen, calendar).isPresent());
    }
}
