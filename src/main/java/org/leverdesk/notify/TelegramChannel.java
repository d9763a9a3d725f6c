package org.leverdesk.notify;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

/**
 * Telegram through the Bot API's {@code sendMessage}: plain text (no parse mode, so nothing in a
 * strategy's text can break the markup), split at Telegram's 4096-character limit. The bot token
 * is part of the URL, so every error message is redacted.
 */
public final class TelegramChannel implements NotificationChannel<ObjectNode> {
    /** The Bot API's address. */
    public static final URI DEFAULT_BASE_URL = URI.create("https://api.telegram.org");
    /** Telegram's longest message text. */
    public static final int MAX_TEXT = 4096;

    /** The payload field (never sent) that marks a photo upload and names its file. */
    static final String PHOTO = "_photo";
    private final URI sendMessageUri;
    private final URI sendPhotoUri;
    private final String chatId;
    private final JsonPoster poster;

    /** A channel posting to {@code baseUrl}/bot{@code token}/sendMessage for {@code chatId}. */
    public TelegramChannel(HttpClient client, URI baseUrl, String token, String chatId, Duration timeout) {
        if (token == null || token.isBlank() || chatId == null || chatId.isBlank()) {
            throw new IllegalArgumentException("Telegram needs a bot token and a chat id");
        }
        String base = baseUrl.toString().replaceAll("/+$", "");
        this.sendMessageUri = URI.create(base + "/bot" + token + "/sendMessage");
        this.sendPhotoUri = URI.create(base + "/bot" + token + "/sendPhoto");
        this.chatId = chatId.strip();
        this.poster = new JsonPoster(client, timeout, new Redactor(token), "Telegram");
    }

    @Override
    public Channel channel() {
        return Channel.TELEGRAM;
    }

    @Override
    public List<ObjectNode> render(Notification notification) {
        List<ObjectNode> payloads = new java.util.ArrayList<>(TextChunks.split(notification.plainText(), MAX_TEXT).stream().map(text -> {
            ObjectNode body = JsonPoster.JSON.createObjectNode();
            body.put("chat_id", chatId);
            body.put("text", text);
            body.put("disable_web_page_preview", true);
            return body;
        }).toList());
        if (notification.image() != null) {
            // The chart after the text, as a photo with the title as its caption.
            ObjectNode photo = JsonPoster.JSON.createObjectNode();
            photo.put("chat_id", chatId);
            photo.put("caption", TextChunks.split(notification.title(), 1024).get(0));
            photo.put(PHOTO, notification.image().toString());
            payloads.add(photo);
        }
        return List.copyOf(payloads);
    }

    @Override
    public void deliver(ObjectNode payload) {
        HttpResponse<String> response;
        if (payload.has(PHOTO)) {
            java.nio.file.Path file = java.nio.file.Path.of(payload.get(PHOTO).asText());
            Multipart form = new Multipart().field("chat_id", payload.get("chat_id").asText(), null)
                    .field("caption", payload.path("caption").asText(""), null)
                    .file("photo", file.getFileName().toString(), "image/png", poster.image(file));
            response = poster.postMultipart(sendPhotoUri, form);
        } else {
            response = poster.post(sendMessageUri, payload);
        }
        int status = response.statusCode();
        JsonNode answer = parse(response.body());
        if (status == 200 && answer != null && answer.path("ok").asBoolean(false)) {
            return;
        }
        // Telegram explains errors in "description"; anything else (a proxy's HTML page) is quoted as is.
        String why = answer != null && answer.hasNonNull("description")
                ? poster.excerpt(answer.get("description").asText()) : poster.excerpt(response.body());
        String hint = switch (status) {
            case 401, 404 -> "; check TELEGRAM_BOT_TOKEN";
            case 400, 403 -> "; check the chat id and that the bot may write to that chat";
            default -> "";
        };
        // On 429 Telegram says how long to wait in parameters.retry_after (seconds).
        Duration wait = answer == null ? null : JsonPoster.retryAfter(answer.path("parameters").path("retry_after").asDouble(0));
        throw new NotificationException("Telegram answered " + status + ": " + why + hint, JsonPoster.retryableStatus(status), wait);
    }

    /** The answer as JSON, or null when it is not JSON. */
    private static JsonNode parse(String body) {
        try {
            return body == null || body.isBlank() ? null : JsonPoster.JSON.readTree(body);
        } catch (java.io.IOException e) {
            return null;
        }
    }

    @Override
    public String toString() {
        return "TelegramChannel[chat " + chatId + "]";
    }
}
