package org.leverdesk.notify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class NotificationTest {
    static final Instant T = Instant.parse("2026-11-20T20:50:00Z");

    @Test
    void plainTextIsTitleBlankLineBody() {
        assertEquals("Title\n\nline 1\nline 2", new Notification(NotificationKind.FILL, "s", "Title", "line 1\nline 2", T).plainText());
    }

    @Test
    void anEmptyBodyLeavesJustTheTitle() {
        Notification n = new Notification(NotificationKind.TEST, null, "Only a title", null, T);
        assertEquals("", n.body());
        assertEquals("Only a title", n.plainText());
    }

    @Test
    void aTitleIsRequired() {
        assertThrows(IllegalArgumentException.class, () -> new Notification(NotificationKind.ERROR, null, " ", "b", T));
    }

    @Test
    void redactorMasksEverySecretAndTheLongestFirst() {
        Redactor redactor = new Redactor("https://discord.test/api/webhooks/1/s3cr3t", "s3cr3t", null, "");
        assertEquals("posted to *** failed; key ***",
                redactor.redact("posted to https://discord.test/api/webhooks/1/s3cr3t failed; key s3cr3t"));
    }
}
