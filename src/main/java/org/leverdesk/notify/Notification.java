package org.leverdesk.notify;

import java.time.Instant;
import java.util.Objects;

/**
 * One message to the user: its kind, the strategy it concerns (null for account-wide news), a
 * one-line title and a plain-text body, when the event happened, and an image (a report's equity chart,
 * a PNG) that channels taking images send beside the text (null: none).
 */
public record Notification(NotificationKind kind, String strategyId, String title, String body, Instant time,
                           java.nio.file.Path image) {
    /** A text-only notification. */
    public Notification(NotificationKind kind, String strategyId, String title, String body, Instant time) {
        this(kind, strategyId, title, body, time, null);
    }

    public Notification {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(time, "time");
        if (title == null || title.isBlank()) {
            throw new IllegalArgumentException("a notification needs a title");
        }
        body = body == null ? "" : body;
    }

    /** Title and body as one plain text, separated by a blank line (no blank line when the body is empty). */
    public String plainText() {
        return body.isBlank() ? title : title + "\n\n" + body;
    }
}
