package org.leverdesk.schedule;

/** The session edge a job's time is measured from. */
public enum Anchor {
    /** The session's open (09:30 ET, later on a late-open day). */
    OPEN,
    /** The session's close (16:00 ET, 13:00 on an early-close day). */
    CLOSE
}
