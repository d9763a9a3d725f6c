package org.leverdesk.notify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class NotificationDispatcherTest {
    static final String TOKEN = "987654:TOKEN-must-not-leak";
    static final Instant T = Instant.parse("2026-11-20T20:50:00Z");
    static final Clock CLOCK = Clock.fixed(T, ZoneOffset.UTC);
    /** Short delays so a test of five attempts takes well under a second. */
    static final RetrySettings FAST = new RetrySettings(3, Duration.ofMillis(20), Duration.ofMillis(80), 0.25);

    FakeHttpEndpoint telegramServer;
    FakeHttpEndpoint discordServer;
    RecordingListener listener = new RecordingListener();
    NotificationDispatcher dispatcher;

    @BeforeEach
    void start() throws Exception {
        telegramServer = new FakeHttpEndpoint(FakeHttpEndpoint.Reply.ok("{\"ok\":true}"));
        discordServer = new FakeHttpEndpoint(FakeHttpEndpoint.Reply.status(204, ""));
    }

    @AfterEach
    void stop() {
        if (dispatcher != null) {
            dispatcher.close();
        }
        telegramServer.close();
        discordServer.close();
    }

    private TelegramChannel telegram(Duration timeout) {
        return new TelegramChannel(HttpClient.newHttpClient(), telegramServer.baseUrl(), TOKEN, "42", timeout);
    }

    private DiscordChannel discord() {
        return new DiscordChannel(HttpClient.newHttpClient(), URI.create(discordServer.baseUrl() + "/api/webhooks/1/abc"),
                Duration.ofSeconds(2));
    }

    private NotificationDispatcher dispatcher(RetrySettings retry, NotificationChannel<?>... channels) {
        dispatcher = new NotificationDispatcher(ChannelSetup.of(List.of(channels)), retry, listener, CLOCK);
        return dispatcher;
    }

    private static Notification note(String title) {
        return new Notification(NotificationKind.ORDERS, "tqqq", title, "body", T);
    }

    @Test
    void retriesAfterAServerErrorAndThenDelivers() throws Exception {
        discordServer.thenReply(FakeHttpEndpoint.Reply.status(500, "oops"));
        dispatcher(FAST, discord());

        dispatcher.send(note("run 1"));

        assertEquals(new RecordingListener.Outcome(Channel.DISCORD, "run 1", 2, null), listener.next(Duration.ofSeconds(5)));
        List<FakeHttpEndpoint.Request> requests = discordServer.requests();
        assertEquals(2, requests.size());
        assertEquals(requests.get(0).body(), requests.get(1).body(), "the retry sends the same message");
    }

    @Test
    void sendReturnsAtOnceWhileTheServerHangsAndGivesUpAfterTheLastAttempt() throws Exception {
        telegramServer.setDefaultReply(FakeHttpEndpoint.Reply.hang(10_000));
        // A blocking send would take at least the 1 s timeout; a queued one takes a few ms (200 allows a busy machine).
        dispatcher(FAST, telegram(Duration.ofSeconds(1)));

        long started = System.nanoTime();
        dispatcher.send(note("run 1"));
        long sendMillis = (System.nanoTime() - started) / 1_000_000;

        assertTrue(sendMillis < 200, "send took " + sendMillis + " ms while the server hangs");
        RecordingListener.Outcome outcome = listener.next(Duration.ofSeconds(10));
        assertEquals(new RecordingListener.Outcome(Channel.TELEGRAM, "run 1", 3, "Telegram did not answer within 1000 ms"), outcome);
        assertEquals(3, telegramServer.requests().size());
    }

    @Test
    void anErrorThatRetryingCannotFixIsReportedAfterOneAttempt() throws Exception {
        telegramServer.setDefaultReply(FakeHttpEndpoint.Reply.status(401, "{\"ok\":false,\"description\":\"Unauthorized\"}"));
        dispatcher(FAST, telegram(Duration.ofSeconds(2)));

        dispatcher.send(note("run 1"));

        assertEquals(new RecordingListener.Outcome(Channel.TELEGRAM, "run 1", 1,
                "Telegram answered 401: Unauthorized; check TELEGRAM_BOT_TOKEN"), listener.next(Duration.ofSeconds(5)));
        assertEquals(1, telegramServer.requests().size());
    }

    @Test
    void aFailedSecondPartIsRetriedWithoutSendingTheFirstPartAgain() throws Exception {
        discordServer.thenReply(FakeHttpEndpoint.Reply.status(204, ""), FakeHttpEndpoint.Reply.status(503, "busy"));
        dispatcher(FAST, discord());
        String longBody = ("z".repeat(99) + "\n").repeat(25); // 2500 chars: two Discord posts

        dispatcher.send(new Notification(NotificationKind.DAILY_SUMMARY, null, "summary", longBody, T));

        assertEquals(new RecordingListener.Outcome(Channel.DISCORD, "summary", 3, null), listener.next(Duration.ofSeconds(5)));
        List<String> bodies = discordServer.requests().stream().map(FakeHttpEndpoint.Request::body).toList();
        assertEquals(3, bodies.size());
        assertFalse(bodies.get(0).equals(bodies.get(1)));
        assertEquals(bodies.get(1), bodies.get(2), "only the failed second part is sent again");
    }

    @Test
    void aHangingChannelDoesNotDelayTheOthers() throws Exception {
        telegramServer.setDefaultReply(FakeHttpEndpoint.Reply.hang(10_000));
        dispatcher(FAST, telegram(Duration.ofSeconds(5)), discord());

        long started = System.nanoTime();
        dispatcher.send(note("run 1"));
        RecordingListener.Outcome first = listener.next(Duration.ofSeconds(3));
        long millis = (System.nanoTime() - started) / 1_000_000;

        assertEquals(new RecordingListener.Outcome(Channel.DISCORD, "run 1", 1, null), first);
        assertTrue(millis < 2000, "Discord waited " + millis + " ms behind the hanging Telegram");
    }

    @Test
    void messagesReachAChannelInTheOrderTheyWereSent() throws Exception {
        discordServer.thenReply(FakeHttpEndpoint.Reply.status(500, "once"));
        dispatcher(FAST, discord());

        IntStream.rangeClosed(1, 5).forEach(i -> dispatcher.send(note("message " + i)));

        assertTrue(dispatcher.awaitIdle(Duration.ofSeconds(5)));
        ObjectMapper json = new ObjectMapper();
        List<String> titles = discordServer.requests().stream().map(r -> {
            try {
                return json.readTree(r.body()).get("content").asText().lines().findFirst().orElseThrow();
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        }).toList();
        // Message 1 fails once and is retried before message 2 goes out.
        assertEquals(List.of("**message 1**", "**message 1**", "**message 2**", "**message 3**", "**message 4**", "**message 5**"), titles);
    }

    @Test
    void theTokenAppearsNeitherInTheReportedReasonNorInTheLog() throws Exception {
        telegramServer.setDefaultReply(FakeHttpEndpoint.Reply.status(500, "failed POST /bot" + TOKEN + "/sendMessage"));
        Logger log = (Logger) LoggerFactory.getLogger(NotificationDispatcher.class);
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.start();
        log.addAppender(appender);
        try {
            dispatcher(FAST, telegram(Duration.ofSeconds(2)));
            dispatcher.send(note("run 1"));

            RecordingListener.Outcome outcome = listener.next(Duration.ofSeconds(5));
            assertEquals("Telegram answered 500: failed POST /bot***/sendMessage", outcome.reason());
            assertFalse(appender.list.isEmpty(), "the failure is logged");
            appender.list.forEach(e -> assertFalse(e.getFormattedMessage().contains(TOKEN), e.getFormattedMessage()));
        } finally {
            log.detachAppender(appender);
        }
    }

    @Test
    void sendTestSaysInOneLineWhetherItWorked() {
        dispatcher(FAST, telegram(Duration.ofSeconds(2)), discord());
        discordServer.setDefaultReply(FakeHttpEndpoint.Reply.status(404, "{\"message\": \"Unknown Webhook\"}"));

        assertEquals("Telegram: test message sent", dispatcher.sendTest(Channel.TELEGRAM));
        assertEquals("Test failed: Discord answered 404: {\"message\": \"Unknown Webhook\"}; the webhook was deleted or "
                + "DISCORD_WEBHOOK_URL is wrong", dispatcher.sendTest(Channel.DISCORD));
        assertEquals("E-mail: not set up", dispatcher.sendTest(Channel.EMAIL));
        assertEquals(1, discordServer.requests().size(), "a test is sent once, without retries");
        assertTrue(telegramServer.requests().get(0).body().contains("\"text\":\"Leverdesk test message\\n\\nIf you can read this, "
                + "Telegram notifications work.\""), telegramServer.requests().get(0).body());
    }

    @Test
    void aFailingListenerDoesNotStopTheLane() throws Exception {
        DeliveryListener throwing = new DeliveryListener() {
            @Override
            public void delivered(Channel channel, Notification notification, int attempts) {
                throw new IllegalStateException("journal is down");
            }

            @Override
            public void gaveUp(Channel channel, Notification notification, int attempts, String reason) {
            }
        };
        dispatcher = new NotificationDispatcher(ChannelSetup.of(List.of(discord())), FAST, throwing, CLOCK);

        dispatcher.send(note("one"));
        dispatcher.send(note("two"));

        assertTrue(dispatcher.awaitIdle(Duration.ofSeconds(5)));
        assertEquals(2, discordServer.requests().size());
    }

    @Test
    void aChannelThatIsStuckDropsMessagesBeyondItsQueueInsteadOfHoardingThem() throws Exception {
        telegramServer.setDefaultReply(FakeHttpEndpoint.Reply.hang(10_000));
        dispatcher(FAST, telegram(Duration.ofSeconds(5)));

        for (int i = 1; i <= NotificationDispatcher.MAX_QUEUED_PER_CHANNEL + 1; i++) {
            dispatcher.send(note("message " + i));
        }

        assertEquals(new RecordingListener.Outcome(Channel.TELEGRAM, "message 501", 0,
                "Telegram: 500 messages are waiting already; this one was dropped"), listener.next(Duration.ofSeconds(2)));
    }

    @Test
    void aFailingPopUpIsReportedOnceAndNotRetried() throws Exception {
        List<Notification> shown = new java.util.concurrent.CopyOnWriteArrayList<>();
        DesktopChannel desktop = new DesktopChannel(n -> {
            shown.add(n);
            throw new IllegalStateException("no tray");
        });
        dispatcher(FAST, desktop);

        dispatcher.send(note("run 1"));

        assertEquals(new RecordingListener.Outcome(Channel.DESKTOP, "run 1", 1,
                "Desktop: the pop-up failed (IllegalStateException: no tray)"), listener.next(Duration.ofSeconds(2)));
        assertEquals(1, shown.size());
    }

    @Test
    void aRateLimitIsRetriedAfterTheWaitTheServerAskedFor() throws Exception {
        // The backoff alone would wait 20 s; Telegram asks for 1 s, so the retry comes after 1 to 1.34 s (1 s / 0.75 at most).
        telegramServer.thenReply(FakeHttpEndpoint.Reply.status(429,
                "{\"ok\":false,\"error_code\":429,\"description\":\"Too Many Requests: retry after 1\",\"parameters\":{\"retry_after\":1}}"));
        dispatcher(new RetrySettings(3, Duration.ofSeconds(20), Duration.ofSeconds(30), 0.25), telegram(Duration.ofSeconds(2)));

        long started = System.nanoTime();
        dispatcher.send(note("run 1"));
        RecordingListener.Outcome outcome = listener.next(Duration.ofSeconds(10));
        long millis = (System.nanoTime() - started) / 1_000_000;

        assertEquals(new RecordingListener.Outcome(Channel.TELEGRAM, "run 1", 2, null), outcome);
        assertTrue(millis >= 1000 && millis < 5000, "retried after " + millis + " ms");
    }

    @Test
    void discordsRateLimitWaitIsReadFromItsAnswer() {
        discordServer.setDefaultReply(FakeHttpEndpoint.Reply.status(429, "{\"message\": \"You are being rate limited.\", \"retry_after\": 0.25, \"global\": false}"));
        DiscordChannel channel = discord();

        NotificationException e = org.junit.jupiter.api.Assertions.assertThrows(NotificationException.class,
                () -> channel.render(note("x")).forEach(channel::deliver));

        assertTrue(e.retryable());
        assertEquals(Duration.ofMillis(250), e.retryAfter());
    }
}
