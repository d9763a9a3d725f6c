package org.leverdesk.schedule;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The jobs planned for one date, by New York time (then strategy, then job name); empty on a holiday
 * or weekend.
 *
 * @param date the date
 * @param jobs its occurrences, sorted
 */
public record DayPlan(LocalDate date, List<ScheduledJob> jobs) {
    private static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm");
    private static final Comparator<ScheduledJob> ORDER = Comparator.comparing(ScheduledJob::instant)
            .thenComparing(ScheduledJob::strategyId).thenComparing(ScheduledJob::name);

    public DayPlan {
        jobs = List.copyOf(jobs);
    }

    /** The plan of {@code date} for {@code definitions}. */
    public static DayPlan of(LocalDate date, List<JobDefinition> definitions, JobCalendar calendar) {
        List<ScheduledJob> all = new ArrayList<>();
        for (JobDefinition d : definitions) {
            all.addAll(calendar.on(d, date));
        }
        all.sort(ORDER);
        return new DayPlan(date, all);
    }

    /** One line per job: {@code HH:MM <strategy> <job>}, in ET. */
    public List<String> lines() {
        return jobs.stream().map(j -> HH_MM.format(j.at()) + " " + j.strategyId() + " " + j.name()).toList();
    }
}
