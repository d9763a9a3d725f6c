package org.leverdesk.chat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.leverdesk.common.SecretMask;
import org.leverdesk.notify.Multipart;
import org.leverdesk.notify.TextChunks;
import org.leverdesk.store.ChatOffsetRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Telegram commands by long polling ({@code getUpdates}): only outbound HTTPS, no open port. Each update's
 * offset is stored before its command runs, so a restart (or a crash mid-command) never runs an update
 * twice; a lost answer is the price, never a second close-all. Only the allowed chat ids are obeyed (in a
 * group, the sender's own id must be listed as well). A failed poll (network down, Telegram 5xx, a wrong
 * token) is logged and retried with growing pauses up to a minute: the listener never ends on its own.
 */
public final class TelegramListener implements AutoCloseable {
    /** The channel name under which the offset is stored. */
    public static final String OFFSET_KEY = "telegram";
    private static final Logger LOG = LoggerFactory.getLogger(TelegramListener.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_TEXT = 4096;
    private static final int MAX_CAPTION = 1024;

    private final HttpClient client;
    private final String api;
    private final ChatCommands commands;
    private final Set<String> allowed;
    private final ChatOffsetRepository offsets;
    private final Duration pollTimeout;
    private final Backoff backoff;
    private final Thread thread;
    private volatile boolean closed;

    /**
     * A listener on {@code baseUrl}/bot{@code token}/getUpdates whose long polls wait up to {@code pollTimeout};
     * failed polls wait from {@code firstRetry} up to a minute.
     */
    public TelegramListener(HttpClient client, URI baseUrl, String token, ChatCommands commands, Set<String> allowedChats,
                            ChatOffsetRepository offsets, Duration pollTimeout, Duration firstRetry) {
        if (token == null || token.isBlank()) {
            throw new IllegalArgumentException("Telegram commands need TELEGRAM_BOT_TOKEN (from @BotFather) in the environment"
                    + " or secrets.properties");
        }
        SecretMask.register(token);
        this.client = client;
        this.api = baseUrl.toString().replaceAll("/+$", "") + "/bot" + token;
        this.commands = commands;
        this.allowed = Set.copyOf(allowedChats);
        this.offsets = offsets;
        this.pollTimeout = pollTimeout;
        this.backoff = new Backoff(firstRetry, Duration.ofMinutes(1));
        this.thread = new Thread(this::loop, "leverdesk-telegram-commands");
        thread.setDaemon(true);
    }

    /** Starts polling on a thread of its own. */
    public TelegramListener start() {
        thread.start();
        LOG.info("Telegram commands: listening for {} allowed chat(s)", allowed.size());
        return this;
    }

    private void loop() {
        while (!closed) {
            try {
                pollOnce();
                backoff.reset();
            } catch (InterruptedException e) {
                if (closed) {
                    return;
                }
            } catch (IOException | RuntimeException e) {
                if (closed) {
                    return;
                }
                Duration wait = backoff.next();
                // The URL holds the token: every message passes the mask.
                LOG.warn("Telegram commands: polling failed ({} in a row): {}; retrying in {} ms", backoff.failures(),
                        SecretMask.redact(String.valueOf(e.getMessage())), wait.toMillis());
                try {
                    Thread.sleep(wait.toMillis());
                } catch (InterruptedException stop) {
                    return;
                }
            }
        }
    }

    /** One long poll and the commands it brought. */
    void pollOnce() throws IOException, InterruptedException {
        long offset = offsets.next(OFFSET_KEY).orElse(0);
        String query = "?timeout=" + pollTimeout.toSeconds() + "&allowed_updates="
                + URLEncoder.encode("[\"message\"]", StandardCharsets.UTF_8) + (offset > 0 ? "&offset=" + offset : "");
        HttpRequest request = HttpRequest.newBuilder(URI.create(api + "/getUpdates" + query))
                .timeout(pollTimeout.plusSeconds(15)).GET().build();
        JsonNode answer = call(request);
        for (JsonNode update : answer.path("result")) {
            long id = update.path("update_id").asLong();
            if (id < offset) {
                continue; // Telegram sent it again although we confirmed it: never run it twice
            }
            offset = id + 1;
            offsets.save(OFFSET_KEY, offset); // before the command runs
            JsonNode message = update.path("message");
            if (message.isMissingNode() || !message.hasNonNull("text")) {
                continue;
            }
            String chatId = message.path("chat").path("id").asText();
            String fromId = message.path("from").path("id").asText();
            boolean isPrivate = "private".equals(message.path("chat").path("type").asText());
            // In a group every member writes in the group's chat: the sender must be listed too.
            String sender = isPrivate || allowed.contains(fromId) ? chatId : chatId + " user " + fromId;
            String name = message.path("from").path("username").asText(message.path("from").path("first_name").asText(""));
            ChatAnswer reply = commands.handle(new ChatRequest("Telegram", sender, name, message.get("text").asText()), allowed);
            if (reply != null) {
                send(chatId, reply);
            }
        }
    }

    private void send(String chatId, ChatAnswer reply) throws IOException, InterruptedException {
        for (String text : TextChunks.split(reply.text(), MAX_TEXT)) {
            ObjectNode body = JSON.createObjectNode();
            body.put("chat_id", chatId);
            body.put("text", text);
            body.put("disable_web_page_preview", true);
            call(HttpRequest.newBuilder(URI.create(api + "/sendMessage")).timeout(Duration.ofSeconds(30))
                    .header("Content-Type", "application/json; charset=utf-8")
                    .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body), StandardCharsets.UTF_8)).build());
        }
        if (reply.image() != null) {
            Multipart form = new Multipart().field("chat_id", chatId, null)
                    .field("caption", TextChunks.split(reply.image().getFileName().toString(), MAX_CAPTION).get(0), null)
                    .file("photo", reply.image().getFileName().toString(), "image/png", Files.readAllBytes(reply.image()));
            call(HttpRequest.newBuilder(URI.create(api + "/sendPhoto")).timeout(Duration.ofSeconds(60))
                    .header("Content-Type", form.contentType()).POST(form.publisher()).build());
        }
    }

    /** Sends and returns Telegram's JSON answer; anything but {@code ok: true} is an IOException saying why. */
    private JsonNode call(HttpRequest request) throws IOException, InterruptedException {
        HttpResponse<String> response;
        try {
            // Asynchronous so that close() can interrupt a long poll at once.
            response = client.sendAsync(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8))
                    .get(request.timeout().orElse(Duration.ofMinutes(1)).toMillis() + 1000, TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            throw new IOException("Telegram could not be reached (" + cause.getClass().getSimpleName()
                    + (cause.getMessage() == null ? "" : ": " + cause.getMessage()) + ")", cause);
        } catch (TimeoutException e) {
            throw new IOException("Telegram did not answer in time");
        }
        JsonNode answer;
        try {
            answer = JSON.readTree(response.body());
        } catch (IOException e) {
            throw new IOException("Telegram answered " + response.statusCode() + " with something that is not JSON");
        }
        if (response.statusCode() != 200 || !answer.path("ok").asBoolean(false)) {
            String hint = response.statusCode() == 401 || response.statusCode() == 404 ? "; check TELEGRAM_BOT_TOKEN"
                    : response.statusCode() == 409 ? "; another program polls this bot (a webhook or a second Leverdesk)" : "";
            throw new IOException("Telegram answered " + response.statusCode() + ": "
                    + answer.path("description").asText("") + hint);
        }
        return answer;
    }

    /** Stops polling (an open long poll is abandoned). */
    @Override
    public void close() {
        closed = true;
        thread.interrupt();
        try {
            thread.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
