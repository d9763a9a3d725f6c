package org.leverdesk.notify;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * A multipart/form-data body (RFC 7578) for the uploads the chat services take: Telegram's
 * {@code sendPhoto} and a Discord message with an attached file. Small bodies only (a chart of a few
 * kilobytes), built in memory.
 */
public final class Multipart {
    private final String boundary = "leverdesk-" + UUID.randomUUID();
    private final ByteArrayOutputStream body = new ByteArrayOutputStream();

    /** Adds a text field. */
    public Multipart field(String name, String value, String contentType) {
        head("Content-Disposition: form-data; name=\"" + name + "\"" + (contentType == null ? "" : "\r\nContent-Type: "
                + contentType));
        body.writeBytes(value.getBytes(StandardCharsets.UTF_8));
        body.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
        return this;
    }

    /** Adds a file. */
    public Multipart file(String name, String fileName, String contentType, byte[] bytes) {
        head("Content-Disposition: form-data; name=\"" + name + "\"; filename=\"" + fileName.replace("\"", "")
                + "\"\r\nContent-Type: " + contentType);
        body.writeBytes(bytes);
        body.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
        return this;
    }

    private void head(String headers) {
        body.writeBytes(("--" + boundary + "\r\n" + headers + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
    }

    /** The Content-Type header's value. */
    public String contentType() {
        return "multipart/form-data; boundary=" + boundary;
    }

    /** The finished body. */
    public HttpRequest.BodyPublisher publisher() {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        all.writeBytes(body.toByteArray());
        all.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII));
        return HttpRequest.BodyPublishers.ofByteArray(all.toByteArray());
    }
}
