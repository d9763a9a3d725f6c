package org.leverdesk.schedule;

import java.time.DayOfWeek;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses the compact schedule notation of {@code StrategySettings.schedule}:
 *
 * <pre>
 * schedule := job ( (';' | ',') job )*
 * job      := [ name '=' ] trigger                 name: lower case letters, digits, '-'; default "run"
 * trigger  := time                                 every trading day, e.g. close-10m
 *           | 'weekly:' DAY '@' time               DAY = MON..FRI, e.g. weekly:MON@open+30m
 *           | 'monthly-last@' time                 last trading day of the month
 *           | 'every:' N ('m' | 'h')               every N minutes during the session, e.g. every:10m
 * time     := ('open' | 'close' | 'evening') [ ('+' | '-') N ('m' | 'h') ]   at most 6h from it
 *                                                  (evening = 19:00 ET on a trading day)
 * </pre>
 *
 * Examples: {@code close-10m}, {@code close+15m}, {@code open-30m}, {@code monthly-last@close-10m},
 * {@code buy=weekly:MON@open+30m; exits=every:10m}.
 */
public final class ScheduleNotation {
    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9-]{0,31}");
    private static final Pattern TIME = Pattern.compile("(open|close|evening)(?:([+-])(\\d{1,4})([mh]))?");
    private static final Pattern EVERY = Pattern.compile("every:(\\d{1,4})([mh])");
    private static final Pattern WEEKLY = Pattern.compile("weekly:([a-z]{3})@(.*)");
    private static final String MONTHLY = "monthly-last@";
    private static final String EXAMPLES = "e.g. close-10m, close+15m, open-30m, weekly:MON@open+30m,"
            + " monthly-last@close-10m, every:10m";
    private static final Map<String, DayOfWeek> DAYS = Map.of("mon", DayOfWeek.MONDAY, "tue", DayOfWeek.TUESDAY,
            "wed", DayOfWeek.WEDNESDAY, "thu", DayOfWeek.THURSDAY, "fri", DayOfWeek.FRIDAY);
    /** The name a job gets when the text does not name it. */
    public static final String DEFAULT_JOB_NAME = "run";

    private ScheduleNotation() {
    }

    /** The jobs of {@code strategyId} described by {@code text}; a one-line {@link ScheduleSyntaxException} if malformed. */
    public static List<JobDefinition> parse(String strategyId, String text) {
        if (text == null || text.isBlank()) {
            throw error(strategyId, text, "the schedule is empty; write one, " + EXAMPLES);
        }
        List<JobDefinition> jobs = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (String part : text.split("[;,]", -1)) {
            String item = part.strip();
            if (item.isEmpty()) {
                throw error(strategyId, text, "there is an empty job between separators; remove the extra ';' or ','");
            }
            String name = DEFAULT_JOB_NAME;
            String spec = item;
            int eq = item.indexOf('=');
            if (eq >= 0) {
                name = item.substring(0, eq).strip();
                spec = item.substring(eq + 1).strip();
                if (!NAME.matcher(name).matches()) {
                    throw error(strategyId, text, "job name '" + name + "' must be lower-case letters, digits or '-'"
                            + " starting with a letter (at most 32), e.g. exits=every:10m");
                }
            }
            if (!names.add(name)) {
                throw error(strategyId, text, "job name '" + name + "' appears twice; give each job its own name,"
                        + " e.g. run=close-10m; exits=every:10m");
            }
            jobs.add(new JobDefinition(strategyId, name, trigger(strategyId, text, spec)));
        }
        return List.copyOf(jobs);
    }

    private static Trigger trigger(String strategyId, String text, String raw) {
        String spec = raw.toLowerCase(Locale.ROOT);
        Matcher m = EVERY.matcher(spec);
        if (m.matches()) {
            int minutes = minutes(m.group(1), m.group(2));
            if (minutes < 1 || minutes > 390) {
                throw error(strategyId, text, "'" + raw + "': the interval must be 1m to 390m (a whole session)");
            }
            return Trigger.every(minutes);
        }
        if (spec.startsWith("every")) {
            throw error(strategyId, text, "'" + raw + "' is not an interval; write every:<N>m, e.g. every:10m");
        }
        m = WEEKLY.matcher(spec);
        if (m.matches()) {
            DayOfWeek day = DAYS.get(m.group(1));
            if (day == null) {
                throw error(strategyId, text, "'" + raw + "': the weekly day must be MON, TUE, WED, THU or FRI,"
                        + " e.g. weekly:MON@open+30m");
            }
            int[] t = time(strategyId, text, raw, m.group(2));
            return Trigger.weekly(day, Anchor.values()[t[0]], t[1]);
        }
        if (spec.startsWith("weekly")) {
            throw error(strategyId, text, "'" + raw + "' is not a weekly job; write weekly:<DAY>@<time>,"
                    + " e.g. weekly:MON@open+30m");
        }
        if (spec.startsWith(MONTHLY)) {
            int[] t = time(strategyId, text, raw, spec.substring(MONTHLY.length()));
            return Trigger.monthlyLast(Anchor.values()[t[0]], t[1]);
        }
        if (spec.startsWith("monthly")) {
            throw error(strategyId, text, "'" + raw + "' is not a monthly job; write monthly-last@<time>,"
                    + " e.g. monthly-last@close-10m");
        }
        int[] t = time(strategyId, text, raw, spec);
        return Trigger.daily(Anchor.values()[t[0]], t[1]);
    }

    /** {anchor ordinal, offset minutes} of a time like close-10m. */
    private static int[] time(String strategyId, String text, String raw, String time) {
        Matcher m = TIME.matcher(time);
        if (!m.matches()) {
            throw error(strategyId, text, "'" + raw + "' is not a schedule; " + EXAMPLES);
        }
        Anchor anchor = Anchor.valueOf(m.group(1).toUpperCase(java.util.Locale.ROOT));
        int offset = m.group(2) == null ? 0 : minutes(m.group(3), m.group(4)) * (m.group(2).equals("-") ? -1 : 1);
        if (Math.abs(offset) > Trigger.MAX_OFFSET_MINUTES) {
            throw error(strategyId, text, "'" + raw + "': the offset must be at most 6h (360m) from the "
                    + m.group(1));
        }
        return new int[] {anchor.ordinal(), offset};
    }

    private static int minutes(String number, String unit) {
        int n = Integer.parseInt(number);
        return unit.equals("h") ? n * 60 : n;
    }

    private static ScheduleSyntaxException error(String strategyId, String text, String reason) {
        return new ScheduleSyntaxException("schedule '" + (text == null ? "" : text.strip()) + "' of strategy "
                + strategyId + ": " + reason);
    }
}
