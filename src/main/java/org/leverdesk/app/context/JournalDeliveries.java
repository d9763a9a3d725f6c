package org.leverdesk.app.context;

import org.leverdesk.notify.Channel;
import org.leverdesk.notify.DeliveryListener;
import org.leverdesk.notify.Notification;
import org.leverdesk.store.JournalRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Records each notification's delivery (or the channel giving up) in the journal, kind {@code notification}. */
final class JournalDeliveries implements DeliveryListener {
    /** The journal kind of delivery entries. */
    static final String KIND = "notification";
    private static final Logger LOG = LoggerFactory.getLogger(JournalDeliveries.class);

    private final JournalRepository journal;

    JournalDeliveries(JournalRepository journal) {
        this.journal = journal;
    }

    @Override
    public void delivered(Channel channel, Notification notification, int attempts) {
        append(notification, channel.displayName() + ": sent " + notification.kind() + " '" + notification.title() + "'"
                + (attempts > 1 ? " after " + attempts + " attempts" : ""));
    }

    @Override
    public void gaveUp(Channel channel, Notification notification, int attempts, String reason) {
        append(notification, channel.displayName() + ": gave up on " + notification.kind() + " '" + notification.title()
                + "' after " + attempts + " attempt(s): " + reason);
    }

    private void append(Notification notification, String message) {
        try {
            journal.append(KIND, notification.strategyId(), message, null);
        } catch (RuntimeException e) {
            // Called on a notification thread, possibly while the store closes: never throw there.
            LOG.warn("could not journal a notification delivery ({}): {}", message, e.getMessage());
        }
    }
}
