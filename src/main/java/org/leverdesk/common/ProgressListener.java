package org.leverdesk.common;

/** Receives progress of a long task as a fraction in [0, 1] with a short message. */
@FunctionalInterface
public interface ProgressListener {
    ProgressListener NONE = (fraction, message) -> { };

    void progress(double fraction, String message);
}
