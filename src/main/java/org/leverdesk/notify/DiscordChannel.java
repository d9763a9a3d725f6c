package org.leverdesk.notify;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Discord through an incoming webhook: {@code {"content": ...}} with the title in bold, Markdown
 * characters in the text escaped so prices and ids show as written, mentions switched off (an
 * error text containing "@everyone" must not ping a server), split at Discord's 2000-character
 * limit. The webhook URL is a secret and never appears in an error message.
 */
public final class DiscordChannel implements NotificationChannel<ObjectNode> {
    /** Discord's longest message content. */
    public static final int MAX_CONTENT = 2000;

    /** The payload field (never sent) that names a file to attach. */
    static final String FILE = "_file";
    private final URI webhook;
    private final JsonPoster poster;

    /** A channel posting to {@code webhookUrl}. */
    public DiscordChannel(HttpClient client, URI webhookUrl, Duration timeout) {
        this.webhook = webhookUrl;
        this.poster = new JsonPoster(client, timeout, new Redactor(webhookUrl.toString(), secretPath(webhookUrl)), "Discord");
    }

    @Override
    public Channel channel() {
        return Channel.DISCORD;
    }

    @Override
    public List<ObjectNode> render(Notification notification) {
        String text = "**" + escape(notification.title()) + "**"
                + (notification.body().isBlank() ? "" : "\n" + escape(notification.body()));
        List<ObjectNode> payloads = new ArrayList<>();
        for (String content : TextChunks.split(text, MAX_CONTENT)) {
            ObjectNode body = JsonPoster.JSON.createObjectNode();
            body.put("content", content);
            body.putObject("allowed_mentions").putArray("parse");
            payloads.add(body);
        }
        if (notification.image() != null) {
            // The chart goes with the last part, as an attachment.
            ObjectNode last = payloads.get(payloads.size() - 1);
            last.put(FILE, notification.image().toString());
            last.putArray("attachments").addObject().put("id", 0).put("filename", notification.image().getFileName().toString());
        }
        return payloads;
    }

    @Override
    public void deliver(ObjectNode payload) {
        HttpResponse<String> response;
        if (payload.has(FILE)) {
            ObjectNode json = payload.deepCopy();
            java.nio.file.Path file = java.nio.file.Path.of(json.remove(FILE).asText());
            Multipart form = new Multipart().field("payload_json", json.toString(), "application/json")
                    .file("files[0]", file.getFileName().toString(), "image/png", poster.image(file));
            response = poster.postMultipart(webhook, form);
        } else {
            response = poster.post(webhook, payload);
        }
        int status = response.statusCode();
        if (status / 100 == 2) {
            return;
        }
        String hint = status == 401 || status == 404 ? "; the webhook was deleted or DISCORD_WEBHOOK_URL is wrong" : "";
        throw new NotificationException("Discord answered " + status + ": " + poster.excerpt(response.body()) + hint,
                JsonPoster.retryableStatus(status), status == 429 ? retryAfter(response) : null);
    }

    /** Discord's wait on 429: {@code retry_after} seconds in the JSON body, else the Retry-After header. */
    private static Duration retryAfter(HttpResponse<String> response) {
        try {
            double seconds = JsonPoster.JSON.readTree(response.body()).path("retry_after").asDouble(0);
            if (seconds > 0) {
                return JsonPoster.retryAfter(seconds);
            }
        } catch (java.io.IOException | RuntimeException e) {
            // not JSON: fall back to the header
        }
        return response.headers().firstValue("Retry-After").map(v -> {
            try {
                return JsonPoster.retryAfter(Double.parseDouble(v.strip()));
            } catch (NumberFormatException e) {
                return null;
            }
        }).orElse(null);
    }

    /** {@code text} with Discord's Markdown characters escaped by a backslash. */
    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if ("\\*_~`|>".indexOf(c) >= 0) {
                out.append('\\');
            }
            out.append(c);
        }
        return out.toString();
    }

    /** The path of a Discord webhook URL holds the webhook's token; short paths (a test server's "/") are not secret. */
    private static String secretPath(URI url) {
        String path = url.getRawPath();
        return path != null && path.length() > 8 ? path : null;
    }

    @Override
    public String toString() {
        return "DiscordChannel[webhook " + Redactor.MASK + "]";
    }
}
