package org.leverdesk.schedule;

/** What the scheduler is doing, for the Dashboard and notifications. */
public enum SchedulerState {
    /** Not started, or stopped. */
    STOPPED,
    /** Waiting for or running jobs. */
    RUNNING,
    /** Paused by the user: no new jobs start until Resume. */
    PAUSED,
    /** The kill switch is on: no new jobs start until it is released. */
    HALTED
}
