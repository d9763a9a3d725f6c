package org.leverdesk.notify;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * POSTs a JSON body with a timeout and turns every transport failure into a
 * {@link NotificationException} whose message went through the channel's {@link Redactor}
 * (the Telegram URL holds the bot token, the Discord URL is itself a secret).
 */
final class JsonPoster {
    static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient client;
    private final Duration timeout;
    private final Redactor redactor;
    private final String channelName;

    JsonPoster(HttpClient client, Duration timeout, Redactor redactor, String channelName) {
        this.client = client;
        this.timeout = timeout;
        this.redactor = redactor;
        this.channelName = channelName;
    }

    /** The answer's status and body; throws when no answer came. */
    HttpResponse<String> post(URI uri, Object body) {
        String json;
        try {
            json = JSON.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new NotificationException(channelName + ": cannot write the message as JSON: " + e.getOriginalMessage(), false);
        }
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(timeout)
                .header("Content-Type", "application/json; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)).build();
        return send(request);
    }

    /** POSTs a multipart body (an image upload) with the same timeout and error handling as {@link #post}. */
    HttpResponse<String> postMultipart(URI uri, Multipart form) {
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(timeout.multipliedBy(3))
                .header("Content-Type", form.contentType()).POST(form.publisher()).build();
        return send(request);
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (HttpTimeoutException e) {
            throw new NotificationException(channelName + " did not answer within " + request.timeout().orElse(timeout).toMillis()
                    + " ms", true);
        } catch (IOException e) {
            throw new NotificationException(redactor.redact(channelName + " could not be reached ("
                    + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()) + ")"), true);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new NotificationException(channelName + ": sending was interrupted (shutting down)", false);
        }
    }

    /** The bytes of an image to upload; a missing file is an error that no retry mends. */
    byte[] image(java.nio.file.Path file) {
        try {
            return java.nio.file.Files.readAllBytes(file);
        } catch (IOException e) {
            throw new NotificationException(channelName + ": the image " + file.getFileName() + " cannot be read ("
                    + e.getMessage() + ")", false);
        }
    }

    /** One line of an error body, redacted and cut to 200 characters, for error messages. */
    String excerpt(String body) {
        String line = body == null ? "" : body.replaceAll("\\s+", " ").strip();
        line = redactor.redact(line);
        return line.length() > 200 ? line.substring(0, 200) + "..." : line;
    }

    /** True when an HTTP status means "try again later" rather than "this request is wrong". */
    static boolean retryableStatus(int status) {
        return status == 429 || status == 408 || status >= 500;
    }

    /** The wait a 429 answer asks for, in (possibly fractional) seconds, or null when it names none or a silly one. */
    static Duration retryAfter(double seconds) {
        return seconds > 0 && seconds < 86_400 ? Duration.ofMillis((long) Math.ceil(seconds * 1000)) : null;
    }

    /** A client with a connect timeout; one per dispatcher is enough. */
    static HttpClient newClient(Duration connectTimeout) {
        return HttpClient.newBuilder().connectTimeout(connectTimeout).followRedirects(HttpClient.Redirect.NEVER).build();
    }
}
