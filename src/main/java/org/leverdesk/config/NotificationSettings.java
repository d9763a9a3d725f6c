package org.leverdesk.config;

/**
 * Which notification channels are on and where they go. The Telegram bot token, the Discord webhook
 * URL and the SMTP password are secrets and live in {@link Secrets}, not here.
 */
public record NotificationSettings(boolean desktop, boolean telegram, String telegramChatId, boolean discord,
                                   boolean email, String smtpHost, int smtpPort, String smtpUser, String emailFrom,
                                   String emailTo) {
    public static NotificationSettings defaults() {
        return new NotificationSettings(true, false, null, false, false, null, 587, null, null, null);
    }
}
