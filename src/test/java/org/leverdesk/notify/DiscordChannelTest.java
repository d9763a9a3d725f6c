package org.leverdesk.notify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class DiscordChannelTest {
    static final String WEBHOOK_PATH = "/api/webhooks/1122334455/SeCrEt-WeBhOoK-ToKeN";
    static final Instant T = Instant.parse("2026-11-20T20:50:00Z");

    FakeHttpEndpoint server;
    URI webhook;
    DiscordChannel channel;

    @BeforeEach
    void start() throws Exception {
        server = new FakeHttpEndpoint(FakeHttpEndpoint.Reply.status(204, ""));
        webhook = URI.create(server.baseUrl() + WEBHOOK_PATH);
        channel = new DiscordChannel(HttpClient.newHttpClient(), webhook, Duration.ofSeconds(2));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private void send(String title, String body) {
        channel.render(new Notification(NotificationKind.ERROR, null, title, body, T)).forEach(channel::deliver);
    }

    @Test
    void postsContentWithBoldTitleEscapedMarkdownAndNoMentions() {
        send("Error in tqqq_regime", "price *61.20* said \"@everyone\" \\ ~x~ `y` a|b > c");

        assertEquals(1, server.requests().size());
        FakeHttpEndpoint.Request request = server.requests().get(0);
        assertEquals("POST", request.method());
        assertEquals(WEBHOOK_PATH, request.path());
        assertEquals("{\"content\":\"**Error in tqqq\\\\_regime**\\nprice \\\\*61.20\\\\* said \\\"@everyone\\\" \\\\\\\\ "
                + "\\\\~x\\\\~ \\\\`y\\\\` a\\\\|b \\\\> c\",\"allowed_mentions\":{\"parse\":[]}}", request.body());
    }

    @Test
    void splitsContentLongerThan2000CharactersIntoSeveralPosts() throws Exception {
        String body = ("y".repeat(79) + "\n").repeat(60); // 4800 chars of 80-char lines
        send("Long", body);

        ObjectMapper json = new ObjectMapper();
        List<String> contents = server.requests().stream().map(r -> {
            try {
                return json.readTree(r.body()).get("content").asText();
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        }).toList();
        assertEquals(3, contents.size());
        contents.forEach(c -> assertTrue(c.length() <= DiscordChannel.MAX_CONTENT, c.length() + " chars"));
        assertEquals(("**Long**\n" + body).stripTrailing(), String.join("\n", contents).stripTrailing());
    }

    @Test
    void aDeletedWebhookIsNotRetriedAndTheUrlIsNotInTheMessage() {
        server.setDefaultReply(FakeHttpEndpoint.Reply.status(404, "{\"message\": \"Unknown Webhook\", \"code\": 10015}"));

        NotificationException e = assertThrows(NotificationException.class, () -> send("t", "b"));

        assertFalse(e.retryable());
        assertEquals("Discord answered 404: {\"message\": \"Unknown Webhook\", \"code\": 10015}; the webhook was deleted or "
                + "DISCORD_WEBHOOK_URL is wrong", e.getMessage());
    }

    @Test
    void rateLimitingIsRetryableAndAnEchoedWebhookUrlIsMasked() {
        server.setDefaultReply(FakeHttpEndpoint.Reply.status(429, "slow down, " + webhook));

        NotificationException e = assertThrows(NotificationException.class, () -> send("t", "b"));

        assertTrue(e.retryable());
        assertEquals("Discord answered 429: slow down, ***", e.getMessage());
        assertFalse(channel.toString().contains("SeCrEt"));
    }

    @Test
    void escapeLeavesOrdinaryTextAlone() {
        assertEquals("BUY 120 TQQQ @ 61.20, +$744.00 (+1.19%)", DiscordChannel.escape("BUY 120 TQQQ @ 61.20, +$744.00 (+1.19%)"));
    }

    @Test
    void aReportsChartIsAttachedToTheLastPart(@org.junit.jupiter.api.io.TempDir java.nio.file.Path tmp) throws Exception {
        java.nio.file.Path chart = tmp.resolve("weekly-2026-11-20.png");
        javax.imageio.ImageIO.write(new java.awt.image.BufferedImage(60, 30, java.awt.image.BufferedImage.TYPE_INT_RGB), "png",
                chart.toFile());
        channel.render(new Notification(NotificationKind.DAILY_SUMMARY, null, "Weekly report", "equity $10,000", T, chart))
                .forEach(channel::deliver);

        assertEquals(1, server.requests().size());
        FakeHttpEndpoint.Request post = server.requests().get(0);
        assertTrue(post.contentType().startsWith("multipart/form-data; boundary="), post.contentType());
        assertTrue(post.body().contains("name=\"payload_json\"\r\nContent-Type: application/json"), post.body());
        assertTrue(post.body().contains("\"attachments\":[{\"id\":0,\"filename\":\"weekly-2026-11-20.png\"}]"), post.body());
        assertTrue(post.body().contains("\"allowed_mentions\":{\"parse\":[]}"));
        assertTrue(post.body().contains("name=\"files[0]\"; filename=\"weekly-2026-11-20.png\"\r\nContent-Type: image/png"));
        assertTrue(post.body().contains("PNG"));
        assertFalse(post.body().contains("_file"), "the marker field is not sent");
    }
}
