package org.leverdesk.schedule;

/** A schedule text that does not follow the notation; the message is one line saying what to write. */
public final class ScheduleSyntaxException extends IllegalArgumentException {
    public ScheduleSyntaxException(String message) {
        super(message);
    }
}
