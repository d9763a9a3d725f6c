package org.leverdesk.research.walkforward;

import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;

/**
 * The in-sample / out-of-sample windows of a walk-forward, in calendar periods. Window k's
 * out-of-sample part starts the day after its in-sample part ends and lasts {@code outOfSample}
 * (the last one is cut at the end of the range); the next window moves forward by {@code outOfSample},
 * so the out-of-sample parts tile the range after the first in-sample part without gaps or overlaps.
 * Rolling windows keep the in-sample length; anchored ones all start at the first day.
 */
public record WindowPlan(LocalDate isFrom, LocalDate isTo, LocalDate oosFrom, LocalDate oosTo) {

    /** The windows over [from, to]; throws IllegalArgumentException (one line) when not even one fits. */
    public static List<WindowPlan> of(LocalDate from, LocalDate to, Period inSample, Period outOfSample, boolean anchored) {
        if (inSample.isNegative() || inSample.isZero() || outOfSample.isNegative() || outOfSample.isZero()) {
            throw new IllegalArgumentException("walk-forward needs positive in-sample and out-of-sample lengths");
        }
        List<WindowPlan> out = new ArrayList<>();
        for (int k = 0; ; k++) {
            LocalDate start = from.plus(outOfSample.multipliedBy(k));
            LocalDate oosFrom = start.plus(inSample);
            if (oosFrom.isAfter(to)) {
                break;
            }
            LocalDate oosEnd = oosFrom.plus(outOfSample).minusDays(1);
            out.add(new WindowPlan(anchored ? from : start, oosFrom.minusDays(1), oosFrom, oosEnd.isAfter(to) ? to : oosEnd));
            if (k > 10_000) {
                throw new IllegalArgumentException("walk-forward would have more than 10,000 windows; use longer windows");
            }
        }
        if (out.isEmpty()) {
            throw new IllegalArgumentException("the range " + from + " .. " + to + " is too short for an in-sample period of "
                    + inSample + " followed by out-of-sample data");
        }
        return out;
    }
}
