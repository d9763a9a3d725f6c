package org.leverdesk.schedule;

/** Another scheduler holds the store's lock; the message says who (pid, host, start time) in one line. */
public final class SchedulerLockedException extends RuntimeException {
    public SchedulerLockedException(String message) {
        super(message);
    }
}
