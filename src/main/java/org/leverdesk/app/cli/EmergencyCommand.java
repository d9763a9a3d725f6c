package org.leverdesk.app.cli;

import java.time.Duration;

/**
 * An emergency command ({@code close-all}, {@code force-exit}): forwarded to the store's owner like any
 * {@link ForwardedCommand}, given 90 s there (cancels and closes wait for the broker), and sent to the broker
 * directly when the owner does not answer.
 */
interface EmergencyCommand extends ForwardedCommand {
    @Override
    default Duration forwardTimeout() {
        return Duration.ofSeconds(90);
    }

    @Override
    default boolean emergency() {
        return true;
    }
}
