package org.leverdesk.app.cli;

import java.io.PrintWriter;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.concurrent.Callable;
import org.leverdesk.market.calendar.NyseCalendar;
import org.leverdesk.market.calendar.TradingCalendar.Session;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code leverdesk calendar}: lists NYSE trading days and their close times (ET). */
@Command(name = "calendar", mixinStandardHelpOptions = true,
        description = {"Print each NYSE trading day from --from to --to (inclusive) as YYYY-MM-DD,HH:MM,",
                "where HH:MM is the session's close in New York time (earlier than 16:00 on early-close days).",
                "Dates from 1990-01-01 to 2035-12-31."})
public final class CalendarCommand implements Callable<Integer> {
    private static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm");

    @Spec
    CommandSpec spec;

    @Option(names = "--from", required = true, paramLabel = "DATE", converter = IsoDate.class,
            description = "First date, ISO format (e.g. 2024-11-27).")
    LocalDate from;

    @Option(names = "--to", required = true, paramLabel = "DATE", converter = IsoDate.class,
            description = "Last date, ISO format (e.g. 2024-12-03).")
    LocalDate to;

    @Override
    public Integer call() {
        NyseCalendar calendar = new NyseCalendar();
        List<LocalDate> days;
        try {
            days = calendar.tradingDays(from, to);
        } catch (IllegalArgumentException e) {
            // Out-of-range or reversed dates are a usage mistake, so they get the usage-error handling.
            throw new ParameterException(spec.commandLine(), e.getMessage(), e);
        }
        PrintWriter out = spec.commandLine().getOut();
        for (LocalDate day : days) {
            Session session = calendar.session(day).orElseThrow();
            out.println(day + "," + HH_MM.format(session.close()));
        }
        out.flush();
        return 0;
    }

    /** Parses an ISO date with a message that says the expected form. */
    static final class IsoDate implements CommandLine.ITypeConverter<LocalDate> {
        @Override
        public LocalDate convert(String value) {
            try {
                return LocalDate.parse(value);
            } catch (DateTimeParseException e) {
                throw new CommandLine.TypeConversionException(
                        "'" + value + "' is not a valid ISO date; use YYYY-MM-DD, e.g. 2024-11-27");
            }
        }
    }
}
