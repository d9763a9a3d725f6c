package org.leverdesk.market.feed;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.leverdesk.market.calendar.NyseCalendar;
import org.leverdesk.market.data.BarStatus;

/** The stale-data rule of live decisions, minute by minute around a session. */
class LiveFreshnessTest {
    private static final LocalDate THU = LocalDate.of(2026, 12, 3);
    private static final LocalDate FRI = LocalDate.of(2026, 12, 4);
    private final LiveFreshness rule = new LiveFreshness(new NyseCalendar());

    private static Instant at(LocalDate d, int h, int m) {
        return d.atTime(LocalTime.of(h, m)).atZone(NyseCalendar.ZONE).toInstant();
    }

    private static Optional<BarStatus> fin(LocalDate d) {
        return Optional.of(BarStatus.finalBar("TQQQ", d));
    }

    private static Optional<BarStatus> prov(LocalDate d, Instant asOf) {
        return Optional.of(BarStatus.provisional("TQQQ", d, asOf));
    }

    @Test
    void aDecisionAt1550WithYesterdaysPricesIsRefusedInOneLine() {
        assertEquals(Optional.of("TQQQ: prices end on 2026-12-03, the decision at 2026-12-04 15:50 ET needs today's bar;"
                + " run 'leverdesk data update'"), rule.problem("TQQQ", fin(THU), at(FRI, 15, 50)));
    }

    @Test
    void todaysFreshProvisionalBarIsEnough() {
        assertEquals(Optional.empty(), rule.problem("TQQQ", prov(FRI, at(FRI, 15, 49)), at(FRI, 15, 50)));
        assertEquals(Optional.empty(), rule.problem("TQQQ", prov(FRI, at(FRI, 15, 20)), at(FRI, 15, 50)), "exactly 30 minutes");
    }

    @Test
    void anOldProvisionalBarIsRefused() {
        assertEquals(Optional.of("TQQQ: today's provisional bar holds trades up to 14:02 ET, 108 minutes before the decision at"
                + " 2026-12-04 15:50 ET (at most 30 allowed); run 'leverdesk data update'"),
                rule.problem("TQQQ", prov(FRI, at(FRI, 14, 2)), at(FRI, 15, 50)));
        LiveFreshness lenient = new LiveFreshness(new NyseCalendar(), Duration.ofHours(2));
        assertEquals(Optional.empty(), lenient.problem("TQQQ", prov(FRI, at(FRI, 14, 2)), at(FRI, 15, 50)));
    }

    @Test
    void afterTheCloseTodaysFinalBarOrAProvisionalBarBuiltAfterTheCloseIsNeeded() {
        assertEquals(Optional.empty(), rule.problem("TQQQ", fin(FRI), at(FRI, 16, 15)));
        assertEquals(Optional.empty(), rule.problem("TQQQ", prov(FRI, at(FRI, 16, 0)), at(FRI, 16, 10)));
        assertEquals(Optional.of("TQQQ: today's bar is provisional (it holds trades up to 15:49 ET), the decision at 2026-12-04"
                + " 16:15 ET after the close needs today's final bar; run 'leverdesk data update'"),
                rule.problem("TQQQ", prov(FRI, at(FRI, 15, 49)), at(FRI, 16, 15)));
    }

    @Test
    void beforeTheOpenAndOnDaysWithoutASessionTheLastSessionsFinalBarIsNeeded() {
        assertEquals(THU, rule.requiredSession(at(FRI, 9, 0)));
        assertEquals(Optional.empty(), rule.problem("TQQQ", fin(THU), at(FRI, 9, 0)));
        assertEquals(Optional.of("TQQQ: the bar of 2026-12-03 is still provisional (it holds trades up to 15:50 ET), the decision"
                + " at 2026-12-04 09:00 ET needs its final bar; run 'leverdesk data update'"),
                rule.problem("TQQQ", prov(THU, at(THU, 15, 50)), at(FRI, 9, 0)));
        LocalDate saturday = FRI.plusDays(1);
        assertEquals(FRI, rule.requiredSession(at(saturday, 12, 0)));
        assertEquals(Optional.of("TQQQ: prices end on 2026-12-03, the decision at 2026-12-05 12:00 ET needs the final bar of"
                + " 2026-12-04; run 'leverdesk data update'"), rule.problem("TQQQ", fin(THU), at(saturday, 12, 0)));
    }

    @Test
    void theEarlyCloseDecisionMinuteNeedsTodaysBar() {
        LocalDate blackFriday = LocalDate.of(2026, 11, 27); // closes at 13:00
        assertEquals(Optional.empty(), rule.problem("TQQQ", prov(blackFriday, at(blackFriday, 12, 49)), at(blackFriday, 12, 50)));
        assertEquals(Optional.of("TQQQ: today's bar is provisional (it holds trades up to 12:49 ET), the decision at 2026-11-27"
                + " 13:15 ET after the close needs today's final bar; run 'leverdesk data update'"),
                rule.problem("TQQQ", prov(blackFriday, at(blackFriday, 12, 49)), at(blackFriday, 13, 15)));
    }

    @Test
    void noPricesAtAll() {
        assertEquals(Optional.of("TQQQ: there are no prices, the decision at 2026-12-04 15:50 ET needs today's bar;"
                + " run 'leverdesk data update'"), rule.problem("TQQQ", Optional.empty(), at(FRI, 15, 50)));
    }
}
