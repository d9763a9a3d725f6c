package org.leverdesk.app.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.Callable;
import org.leverdesk.app.context.TradingRuntime;
import org.leverdesk.config.AppConfig;
import org.leverdesk.config.ConfigFile;
import org.leverdesk.market.calendar.NyseCalendar;
import org.leverdesk.schedule.DayPlan;
import org.leverdesk.schedule.JobCalendar;
import org.leverdesk.schedule.JobDefinition;
import org.leverdesk.schedule.ScheduleDefaults;
import org.leverdesk.strategy.catalog.StrategyCatalog;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code leverdesk schedule --date D}: the jobs the scheduler plans for one day, in New York time. */
@Command(name = "schedule", mixinStandardHelpOptions = true,
        description = {"Print the jobs planned for --date, one per line as 'HH:MM <strategy> <job>' in New York time",
                "(ET), sorted; nothing on a weekend or holiday. The jobs are those of the enabled strategies in the",
                "config file; when none is enabled, every strategy's default schedule is shown. The built-in",
                "daily summary (account daily-summary, 20 minutes after the close) is listed too."})
public final class ScheduleCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--date", required = true, paramLabel = "DATE", converter = CalendarCommand.IsoDate.class,
            description = "The day, ISO format (e.g. 2026-11-27).")
    LocalDate date;

    @Option(names = "--config", paramLabel = "FILE",
            description = "The config file (default: config.json in the per-user config folder).")
    Path configFile;

    @Override
    public Integer call() {
        if (date.isBefore(NyseCalendar.FIRST_DATE) || date.isAfter(NyseCalendar.LAST_DATE)) {
            throw new ParameterException(spec.commandLine(), "date " + date + " is outside the NYSE calendar's range "
                    + NyseCalendar.FIRST_DATE + ".." + NyseCalendar.LAST_DATE);
        }
        ConfigFile file = configFile == null ? ConfigFile.inDefaultDirectory() : new ConfigFile(configFile);
        AppConfig config = file.load();
        List<JobDefinition> jobs = config.jobs();
        if (jobs.isEmpty()) {
            spec.commandLine().getErr().println("note: no strategy is enabled in " + file.path()
                    + "; showing every strategy's default schedule");
            jobs = java.util.stream.Stream.concat(ScheduleDefaults.allDefaults(StrategyCatalog.builtIn()).stream(),
                    java.util.stream.Stream.of(TradingRuntime.SUMMARY_JOB)).toList();
        } else {
            // The daemon and the app also run the follow-ups of after-close decisions and the daily summary.
            jobs = TradingRuntime.jobsOf(config);
        }
        PrintWriter out = spec.commandLine().getOut();
        DayPlan.of(date, jobs, new JobCalendar(new NyseCalendar())).lines().forEach(out::println);
        out.flush();
        return 0;
    }
}
