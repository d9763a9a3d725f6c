package org.leverdesk.notify;

/**
 * Told how each delivery ended, on a notification thread; the app records these in the journal.
 * Implementations must not block for long and must not throw.
 */
public interface DeliveryListener {
    /** {@code notification} reached {@code channel} after {@code attempts} tries. */
    default void delivered(Channel channel, Notification notification, int attempts) {
    }

    /** {@code channel} gave up on {@code notification} after {@code attempts} tries; {@code reason} holds no secret. */
    void gaveUp(Channel channel, Notification notification, int attempts, String reason);

    /** A listener that ignores everything (the dispatcher still logs failures). */
    DeliveryListener NONE = (channel, notification, attempts, reason) -> { };
}
