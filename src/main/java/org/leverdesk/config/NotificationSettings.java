package org.leverdesk.config;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;

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

    /** Reads the settings from the config file: what a partial object leaves out keeps its default. */
    @JsonCreator
    static NotificationSettings fromJson(@JsonProperty("desktop") Boolean desktop, @JsonProperty("telegram") Boolean telegram,
                                         @JsonProperty("telegramChatId") String telegramChatId,
                                         @JsonProperty("discord") Boolean discord, @JsonProperty("email") Boolean email,
                                         @JsonProperty("smtpHost") String smtpHost, @JsonProperty("smtpPort") Integer smtpPort,
                                         @JsonProperty("smtpUser") String smtpUser, @JsonProperty("emailFrom") String emailFrom,
                                         @JsonProperty("emailTo") String emailTo) {
        NotificationSettings d = defaults();
        return new NotificationSettings(desktop == null ? d.desktop : desktop, telegram != null && telegram, telegramChatId,
                discord != null && discord, email != null && email, smtpHost, smtpPort == null ? d.smtpPort : smtpPort,
                smtpUser, emailFrom, emailTo);
    }
}
