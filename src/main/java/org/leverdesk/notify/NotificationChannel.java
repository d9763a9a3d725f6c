package org.leverdesk.notify;

import java.util.List;

/**
 * One delivery channel. {@link #render} turns a notification into the messages the channel sends
 * (more than one only when the text exceeds the channel's size limit); {@link #deliver} sends one
 * of them and blocks until the far side accepted it or a timeout expired. Splitting the two lets
 * the dispatcher retry a failed part without sending the parts that already arrived twice.
 *
 * @param <P> the channel's payload type
 */
public interface NotificationChannel<P> {
    /** Which channel this is. */
    Channel channel();

    /** The payloads to send for {@code notification}, in order; pure, no I/O. */
    List<P> render(Notification notification);

    /** Sends one payload; throws {@link NotificationException} (with a message free of secrets) when it did not arrive. */
    void deliver(P payload);
}
