package org.leverdesk.notify;

/** Sends notifications; implementations return at once and never throw for a failing channel. */
public interface Notifier {
    /** Queues {@code notification} for every active channel. */
    void send(Notification notification);
}
