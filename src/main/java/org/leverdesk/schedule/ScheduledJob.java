package org.leverdesk.schedule;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;

/**
 * One occurrence of a job: the trading day, the New York time it is planned for, and the end of its
 * catch-up window (the latest instant it may still start if the scheduler was not running at its minute).
 *
 * @param definition the configured job
 * @param tradingDay the trading day it belongs to
 * @param at         when it is planned, in America/New_York
 * @param windowEnd  the next session edge after {@code at}: the open for a pre-open job, the close for
 *                   an intraday job, the next trading day's open for an after-close job
 */
public record ScheduledJob(JobDefinition definition, LocalDate tradingDay, ZonedDateTime at, Instant windowEnd) {
    /** The strategy this job belongs to. */
    public String strategyId() {
        return definition.strategyId();
    }

    /** The job's name within its strategy. */
    public String name() {
        return definition.name();
    }

    /** The planned New York time of day. */
    public LocalTime time() {
        return at.toLocalTime();
    }

    /** The planned instant. */
    public Instant instant() {
        return at.toInstant();
    }

    @Override
    public String toString() {
        return definition.key() + " @ " + tradingDay + " " + time() + " ET";
    }
}
