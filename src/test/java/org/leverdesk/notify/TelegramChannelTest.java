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
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TelegramChannelTest {
    static final String TOKEN = "123456789:AAH-secret_Token-xyz";
    static final Instant T = Instant.parse("2026-11-20T20:50:00Z");

    FakeHttpEndpoint server;
    TelegramChannel channel;

    @BeforeEach
    void start() throws Exception {
        server = new FakeHttpEndpoint(FakeHttpEndpoint.Reply.ok("{\"ok\":true,\"result\":{\"message_id\":1}}"));
        channel = new TelegramChannel(HttpClient.newHttpClient(), server.baseUrl(), TOKEN, "-1001234", Duration.ofSeconds(2));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private static Notification note(String title, String body) {
        return new Notification(NotificationKind.FILL, "tqqq", title, body, T);
    }

    private void send(Notification n) {
        channel.render(n).forEach(channel::deliver);
    }

    @Test
    void postsChatIdAndPlainTextAsJsonToSendMessage() throws Exception {
        send(note("Filled: BUY 120 TQQQ @ 61.20", "Value $7,344.00\nsaid \"hi\" \\ done ü"));

        assertEquals(1, server.requests().size());
        FakeHttpEndpoint.Request request = server.requests().get(0);
        assertEquals("POST", request.method());
        assertEquals("/bot" + TOKEN + "/sendMessage", request.path());
        assertTrue(request.contentType().startsWith("application/json"), request.contentType());
        // Exact bytes: quotes, backslash and newlines escaped by JSON, non-ASCII sent as UTF-8.
        assertEquals("{\"chat_id\":\"-1001234\",\"text\":\"Filled: BUY 120 TQQQ @ 61.20\\n\\nValue $7,344.00\\n"
                + "said \\\"hi\\\" \\\\ done ü\",\"disable_web_page_preview\":true}", request.body());
    }

    @Test
    void splitsTextLongerThanTelegramsLimitIntoSeveralMessages() throws Exception {
        String body = ("x".repeat(99) + "\n").repeat(50); // 5000 chars of 100-char lines
        send(note("Daily summary", body));

        assertEquals(2, server.requests().size());
        ObjectMapper json = new ObjectMapper();
        StringBuilder joined = new StringBuilder();
        for (FakeHttpEndpoint.Request r : server.requests()) {
            String text = json.readTree(r.body()).get("text").asText();
            assertTrue(text.length() <= TelegramChannel.MAX_TEXT, text.length() + " chars");
            joined.append(joined.isEmpty() ? "" : "\n").append(text);
        }
        assertEquals(("Daily summary\n\n" + body).stripTrailing(), joined.toString().stripTrailing());
    }

    @Test
    void aWrongChatIsNotRetriedAndTheMessageSaysWhatToCheck() {
        server.setDefaultReply(FakeHttpEndpoint.Reply.status(400, "{\"ok\":false,\"error_code\":400,\"description\":\"Bad Request: chat not found\"}"));

        NotificationException e = assertThrows(NotificationException.class, () -> send(note("t", "b")));

        assertFalse(e.retryable());
        assertEquals("Telegram answered 400: Bad Request: chat not found; check the chat id and that the bot may write to that chat",
                e.getMessage());
    }

    @Test
    void aServerErrorIsRetryable() {
        server.setDefaultReply(FakeHttpEndpoint.Reply.status(502, "{\"ok\":false,\"description\":\"Bad Gateway\"}"));

        NotificationException e = assertThrows(NotificationException.class, () -> send(note("t", "b")));

        assertTrue(e.retryable());
        assertEquals("Telegram answered 502: Bad Gateway", e.getMessage());
    }

    @Test
    void theTokenNeverAppearsInAnErrorEvenWhenTheServerEchoesTheUrl() {
        server.setDefaultReply(FakeHttpEndpoint.Reply.status(500, "<html>error at /bot" + TOKEN + "/sendMessage</html>"));

        NotificationException e = assertThrows(NotificationException.class, () -> send(note("t", "b")));

        assertFalse(e.getMessage().contains(TOKEN), e.getMessage());
        assertTrue(e.getMessage().contains("/bot***/sendMessage"), e.getMessage());
        assertFalse(channel.toString().contains(TOKEN));
    }

    @Test
    void anUnreachableServerIsRetryableAndTheErrorHoldsNoToken() throws Exception {
        URI closed = server.baseUrl();
        server.close();
        TelegramChannel offline = new TelegramChannel(HttpClient.newHttpClient(), closed, TOKEN, "42", Duration.ofSeconds(2));

        NotificationException e = assertThrows(NotificationException.class,
                () -> offline.render(note("t", "b")).forEach(offline::deliver));

        assertTrue(e.retryable());
        assertTrue(e.getMessage().startsWith("Telegram could not be reached"), e.getMessage());
        assertFalse(e.getMessage().contains(TOKEN));
    }

    @Test
    void aHangingServerTimesOutAsRetryable() {
        server.setDefaultReply(FakeHttpEndpoint.Reply.hang(3000));
        TelegramChannel impatient = new TelegramChannel(HttpClient.newHttpClient(), server.baseUrl(), TOKEN, "42",
                Duration.ofMillis(200));

        NotificationException e = assertThrows(NotificationException.class,
                () -> impatient.render(note("t", "b")).forEach(impatient::deliver));

        assertTrue(e.retryable());
        assertEquals("Telegram did not answer within 200 ms", e.getMessage());
    }

    @Test
    void anAnswerWithOkFalseIsAFailureEvenWithStatus200() throws Exception {
        server.setDefaultReply(FakeHttpEndpoint.Reply.ok("{\"ok\":false,\"description\":\"Forbidden: bot was blocked by the user\"}"));

        NotificationException e = assertThrows(NotificationException.class, () -> send(note("t", "b")));

        assertFalse(e.retryable());
        assertEquals("Telegram answered 200: Forbidden: bot was blocked by the user", e.getMessage());
    }

    @Test
    void aReportsChartGoesAfterTheTextAsAPhoto(@org.junit.jupiter.api.io.TempDir java.nio.file.Path tmp) throws Exception {
        java.nio.file.Path chart = tmp.resolve("daily-2026-11-20.png");
        javax.imageio.ImageIO.write(new java.awt.image.BufferedImage(60, 30, java.awt.image.BufferedImage.TYPE_INT_RGB), "png",
                chart.toFile());
        send(new Notification(NotificationKind.DAILY_SUMMARY, null, "Daily report 2026-11-20", "equity $10,000", T, chart));

        assertEquals(2, server.requests().size());
        assertEquals("/bot" + TOKEN + "/sendMessage", server.requests().get(0).path());
        FakeHttpEndpoint.Request photo = server.requests().get(1);
        assertEquals("/bot" + TOKEN + "/sendPhoto", photo.path());
        assertTrue(photo.contentType().startsWith("multipart/form-data; boundary="), photo.contentType());
        assertTrue(photo.body().contains("name=\"chat_id\"\r\n\r\n-1001234\r\n"), photo.body());
        assertTrue(photo.body().contains("name=\"caption\"\r\n\r\nDaily report 2026-11-20\r\n"));
        assertTrue(photo.body().contains("name=\"photo\"; filename=\"daily-2026-11-20.png\"\r\nContent-Type: image/png"));
        assertTrue(photo.body().contains("PNG"));
        assertFalse(photo.body().contains("_photo"), "the marker field is not sent");
    }
}
