package org.leverdesk.notify;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** A DeliveryListener that records outcomes and lets a test wait for the next one. */
final class RecordingListener implements DeliveryListener {
    /** One outcome; {@code reason} is null for a delivery. */
    record Outcome(Channel channel, String title, int attempts, String reason) {
        boolean delivered() {
            return reason == null;
        }
    }

    private final LinkedBlockingQueue<Outcome> pending = new LinkedBlockingQueue<>();
    private final List<Outcome> all = new CopyOnWriteArrayList<>();

    @Override
    public void delivered(Channel channel, Notification notification, int attempts) {
        record(new Outcome(channel, notification.title(), attempts, null));
    }

    @Override
    public void gaveUp(Channel channel, Notification notification, int attempts, String reason) {
        record(new Outcome(channel, notification.title(), attempts, reason));
    }

    private void record(Outcome outcome) {
        all.add(outcome);
        pending.add(outcome);
    }

    /** The next outcome, failing the test when none comes within {@code timeout}. */
    Outcome next(Duration timeout) throws InterruptedException {
        Outcome outcome = pending.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
        if (outcome == null) {
            throw new AssertionError("no delivery outcome within " + timeout + "; so far: " + all);
        }
        return outcome;
    }

    List<Outcome> all() {
        return List.copyOf(all);
    }
}
