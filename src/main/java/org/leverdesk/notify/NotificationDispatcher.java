package org.leverdesk.notify;

import dev.failsafe.Failsafe;
import dev.failsafe.RetryPolicy;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.leverdesk.common.SecretMask;
import org.leverdesk.config.NotificationSettings;
import org.leverdesk.config.Secrets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fans each notification out to the active channels without ever blocking the caller. Each
 * channel has its own lane (one daemon thread, messages in order), so a slow or broken Telegram
 * delays only Telegram. Each part of a message is retried with exponential backoff and jitter
 * (Failsafe); after the last attempt, or at once for an error that retrying cannot fix, the
 * {@link DeliveryListener} hears about it and the lane moves on to the next message.
 */
public final class NotificationDispatcher implements Notifier, AutoCloseable {
    /** Messages a lane holds before it drops new ones (a channel that is down for hours must not eat the memory). */
    public static final int MAX_QUEUED_PER_CHANNEL = 500;

    private static final Logger LOG = LoggerFactory.getLogger(NotificationDispatcher.class);

    private final ChannelSetup setup;
    private final RetryPolicy<Object> retryPolicy;
    private final DeliveryListener listener;
    private final Clock clock;
    private final Map<Channel, Lane> lanes = new EnumMap<>(Channel.class);

    /** A dispatcher for the active channels of {@code setup}. */
    public NotificationDispatcher(ChannelSetup setup, RetrySettings retry, DeliveryListener listener, Clock clock) {
        this.setup = setup;
        this.listener = listener;
        this.clock = clock;
        this.retryPolicy = RetryPolicy.builder()
                .handleIf(e -> !(e instanceof NotificationException ne) || ne.retryable())
                .withBackoff(retry.initialDelay(), retry.maxDelay())
                // A 429 names its wait: use it (up to maxDelay); a negative answer means "use the backoff".
                .withDelayFnOn(context -> serverWait(context.getLastException(), retry), NotificationException.class)
                .withJitter(retry.jitter())
                .withMaxAttempts(retry.maxAttempts())
                .build();
        setup.active().forEach((channel, impl) -> lanes.put(channel, new Lane(channel, impl)));
        setup.enabledProblems().forEach(problem -> LOG.warn("Notifications: {}", problem));
    }

    /** The server's requested wait, raised so that jitter (applied after) never shortens it, capped at maxDelay. */
    private static Duration serverWait(Throwable failure, RetrySettings retry) {
        Duration wait = failure instanceof NotificationException ne ? ne.retryAfter() : null;
        if (wait == null) {
            return Duration.ofMillis(-1);
        }
        Duration raised = Duration.ofMillis((long) Math.ceil(wait.toMillis() / (1 - Math.min(retry.jitter(), 0.9))));
        return raised.compareTo(retry.maxDelay()) > 0 ? retry.maxDelay() : raised;
    }

    /** The dispatcher the app uses: channels from the user's settings and secrets; {@code desktop} null when headless. */
    public static NotificationDispatcher fromConfig(NotificationSettings settings, Secrets secrets, NotifyOptions options,
                                                    DesktopNotifications desktop, DeliveryListener listener, Clock clock) {
        return new NotificationDispatcher(ChannelSetup.fromConfig(settings, secrets, options, desktop), options.retry(),
                listener, clock);
    }

    /** Queues {@code notification} on every active channel and returns at once. */
    @Override
    public void send(Notification notification) {
        // Error texts from a broker may carry a credential it echoed; no channel ever sends one.
        Notification masked = new Notification(notification.kind(), notification.strategyId(),
                SecretMask.redact(notification.title()), SecretMask.redact(notification.body()), notification.time(),
                notification.image());
        for (Lane lane : lanes.values()) {
            lane.enqueue(masked);
        }
    }

    /**
     * Sends a test message through {@code channel} now, once, without retries, even if the channel
     * is switched off, and says in one line how it went. Blocks up to the channel's timeout: call it
     * off the FX thread.
     */
    public String sendTest(Channel channel) {
        NotificationChannel<?> impl = setup.configured().get(channel);
        if (impl == null) {
            String problem = setup.problems().get(channel);
            return problem != null ? problem : channel.displayName() + ": not set up";
        }
        Notification test = new Notification(NotificationKind.TEST, null, "Leverdesk test message",
                "If you can read this, " + channel.displayName() + " notifications work.", clock.instant());
        try {
            deliverOnce(impl, test);
            return channel.displayName() + ": test message sent";
        } catch (NotificationException e) {
            return "Test failed: " + e.getMessage();
        } catch (RuntimeException e) {
            return "Test failed: " + channel.displayName() + ": unexpected " + e.getClass().getSimpleName();
        }
    }

    private static <P> void deliverOnce(NotificationChannel<P> channel, Notification notification) {
        for (P part : channel.render(notification)) {
            channel.deliver(part);
        }
    }

    /** The channels that receive notifications. */
    public Set<Channel> activeChannels() {
        return lanes.keySet();
    }

    /** One line per switched-on channel that cannot work, saying what to fix. */
    public List<String> problems() {
        return setup.enabledProblems();
    }

    /** Waits until every queued message was delivered or given up; false when {@code timeout} passed first. */
    public boolean awaitIdle(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        for (Lane lane : lanes.values()) {
            long left = deadline - System.nanoTime();
            try {
                lane.tail().get(Math.max(0, left), TimeUnit.NANOSECONDS);
            } catch (TimeoutException e) {
                return false;
            } catch (ExecutionException e) {
                // Lanes swallow failures; nothing to report here.
            }
        }
        return true;
    }

    /** Stops the lanes: queued messages that did not start are dropped, a message in flight is interrupted. */
    @Override
    public void close() {
        lanes.values().forEach(lane -> lane.executor.shutdownNow());
    }

    /** One channel's queue: a single thread, a chain of futures so messages go out in order. */
    private final class Lane {
        private final Channel channel;
        private final NotificationChannel<?> impl;
        private final ScheduledExecutorService executor;
        private final AtomicInteger queued = new AtomicInteger();
        private CompletableFuture<Void> tail = CompletableFuture.completedFuture(null);

        Lane(Channel channel, NotificationChannel<?> impl) {
            this.channel = channel;
            this.impl = impl;
            this.executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
                Thread thread = new Thread(runnable, "notify-" + channel.name().toLowerCase());
                thread.setDaemon(true);
                return thread;
            });
        }

        synchronized CompletableFuture<Void> tail() {
            return tail;
        }

        void enqueue(Notification notification) {
            if (queued.incrementAndGet() > MAX_QUEUED_PER_CHANNEL) {
                queued.decrementAndGet();
                report(notification, 0, null, channel.displayName() + ": " + MAX_QUEUED_PER_CHANNEL
                        + " messages are waiting already; this one was dropped");
                return;
            }
            synchronized (this) {
                try {
                    // exceptionally(): even a broken link must not stop the messages queued behind it.
                    tail = tail.exceptionally(ignored -> null).thenComposeAsync(ignored -> deliver(notification), executor);
                } catch (java.util.concurrent.RejectedExecutionException e) {
                    queued.decrementAndGet();
                    report(notification, 0, null, channel.displayName() + ": notifications are shut down");
                }
            }
        }

        /** Delivers all parts in order; the returned future always completes normally so the lane continues. */
        private CompletableFuture<Void> deliver(Notification notification) {
            AtomicInteger attempts = new AtomicInteger();
            CompletableFuture<Void> result;
            try {
                result = deliverParts(impl, notification, attempts);
            } catch (RuntimeException e) {
                result = CompletableFuture.failedFuture(e);
            }
            return result.handle((ok, failure) -> {
                queued.decrementAndGet();
                report(notification, attempts.get(), failure, null);
                return null;
            });
        }

        private <P> CompletableFuture<Void> deliverParts(NotificationChannel<P> channel, Notification notification,
                                                         AtomicInteger attempts) {
            List<P> parts = new ArrayList<>(channel.render(notification));
            CompletableFuture<Void> chain = CompletableFuture.completedFuture(null);
            for (int i = 0; i < parts.size(); i++) {
                P part = parts.get(i);
                String label = parts.size() == 1 ? "" : " (part " + (i + 1) + " of " + parts.size() + ")";
                chain = chain.thenCompose(ignored -> Failsafe.with(retryPolicy).with(executor).runAsync(() -> {
                    attempts.incrementAndGet();
                    try {
                        channel.deliver(part);
                    } catch (NotificationException e) {
                        throw new NotificationException(e.getMessage() + label, e.retryable(), e.retryAfter());
                    }
                }));
            }
            return chain;
        }

        private void report(Notification notification, int attempts, Throwable failure, String reason) {
            try {
                if (failure == null && reason == null) {
                    LOG.debug("{} delivered '{}' after {} attempt(s)", channel.displayName(), notification.title(), attempts);
                    listener.delivered(channel, notification, attempts);
                    return;
                }
                String why = reason != null ? reason : reasonOf(failure);
                LOG.warn("Notification '{}' not delivered by {} after {} attempt(s): {}", notification.title(),
                        channel.displayName(), attempts, why);
                listener.gaveUp(channel, notification, attempts, why);
            } catch (RuntimeException e) {
                LOG.error("The notification listener failed for {}: {}", channel.displayName(), e.toString());
            }
        }

        private String reasonOf(Throwable failure) {
            Throwable cause = failure;
            while ((cause instanceof CompletionException || cause instanceof dev.failsafe.FailsafeException)
                    && cause.getCause() != null) {
                cause = cause.getCause();
            }
            if (cause instanceof NotificationException ne) {
                return ne.getMessage();
            }
            // Unknown exceptions may carry anything in their message; name only the type.
            return channel.displayName() + ": unexpected " + cause.getClass().getSimpleName();
        }
    }
}
