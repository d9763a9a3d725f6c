package org.leverdesk.app.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.leverdesk.config.StrategySettings;
import org.leverdesk.market.calendar.NyseCalendar;
import org.leverdesk.schedule.JobCalendar;
import org.leverdesk.schedule.JobDefinition;
import org.leverdesk.schedule.ScheduledJob;

/** {@code run --if-scheduled}: the strategies whose own schedule has a job close to now (cron decides less). */
final class ScheduledNow {
    /** How far from a job's minute a cron line may fire (cron starts late under load, never early). */
    static final Duration TOLERANCE = Duration.ofMinutes(5);

    private ScheduledNow() {
    }

    static List<StrategySettings> of(List<StrategySettings> chosen, Instant now, PrintWriter out) {
        JobCalendar calendar = new JobCalendar(new NyseCalendar());
        LocalDate today = now.atZone(NyseCalendar.ZONE).toLocalDate();
        List<StrategySettings> due = new ArrayList<>();
        for (StrategySettings s : chosen) {
            boolean now5 = false;
            for (JobDefinition job : s.jobs()) {
                for (ScheduledJob j : calendar.on(job, today)) {
                    Duration late = Duration.between(j.instant(), now);
                    now5 |= !late.isNegative() && late.compareTo(TOLERANCE) <= 0;
                }
            }
            if (now5) {
                due.add(s);
            } else {
                out.println(s.strategyId() + ": not scheduled now (" + now.atZone(NyseCalendar.ZONE).toLocalTime().withNano(0)
                        + " ET " + today + "); nothing to do");
            }
        }
        out.flush();
        return due;
    }
}
