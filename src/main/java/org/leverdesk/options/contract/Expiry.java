package org.leverdesk.options.contract;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/** A listed expiry: the last trading day of the series, and whether it is the standard monthly (third Friday). */
public record Expiry(LocalDate date, boolean monthly) implements Comparable<Expiry> {
    /** Calendar days from {@code asOf} to this expiry (DTE). */
    public int daysFrom(LocalDate asOf) {
        return (int) ChronoUnit.DAYS.between(asOf, date);
    }

    @Override
    public int compareTo(Expiry o) {
        return date.compareTo(o.date);
    }
}
