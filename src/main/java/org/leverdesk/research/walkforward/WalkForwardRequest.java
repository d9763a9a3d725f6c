package org.leverdesk.research.walkforward;

import java.time.LocalDate;
import java.time.Period;
import java.util.List;
import java.util.Locale;
import org.leverdesk.research.Metric;
import org.leverdesk.research.RunBase;
import org.leverdesk.research.sweep.SearchSpace;

/**
 * A walk-forward: in each window, the parameter set of {@code space} with the best {@code metric} over
 * the in-sample part runs on the out-of-sample part that follows.
 */
public record WalkForwardRequest(RunBase base, LocalDate from, LocalDate to, SearchSpace space, Metric metric,
                                 Period inSample, Period outOfSample, boolean anchored) {
    public WalkForwardRequest {
        if (base == null || space == null) {
            throw new IllegalArgumentException("a walk-forward needs a strategy and parameters to vary");
        }
        if (from == null || to == null || from.isAfter(to)) {
            throw new IllegalArgumentException("a walk-forward needs --from on or before --to (got " + from + " .. " + to + ")");
        }
        metric = metric == null ? Metric.SHARPE : metric;
        WindowPlan.of(from, to, inSample, outOfSample, anchored); // fails now, not halfway
    }

    public List<WindowPlan> windows() {
        return WindowPlan.of(from, to, inSample, outOfSample, anchored);
    }

    /** "24m", "2y", "90d" or an ISO period like P1Y6M; throws IllegalArgumentException (one line). */
    public static Period parsePeriod(String text) {
        String t = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
        try {
            if (t.startsWith("p")) {
                return Period.parse(t.toUpperCase(Locale.ROOT));
            }
            int n = Integer.parseInt(t.substring(0, t.length() - 1));
            Period p = switch (t.charAt(t.length() - 1)) {
                case 'y' -> Period.ofYears(n);
                case 'm' -> Period.ofMonths(n);
                case 'w' -> Period.ofWeeks(n);
                case 'd' -> Period.ofDays(n);
                default -> throw new IllegalArgumentException("bad unit");
            };
            if (n <= 0) {
                throw new IllegalArgumentException("not positive");
            }
            return p;
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("'" + text + "' is not a period; write e.g. 24m, 2y, 6m or 90d", e);
        }
    }
}
