package org.leverdesk.config;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Arrays;
import java.util.List;

/**
 * Chat commands (off by default): whether the store's owner (the daemon or the window) listens to
 * Telegram and Discord, and who may command it. Only the listed Telegram chat ids / Discord user ids
 * are obeyed; messages from anyone else are ignored and journalled. The bot tokens are secrets
 * ({@code TELEGRAM_BOT_TOKEN}, {@code DISCORD_BOT_TOKEN}) and live in {@link Secrets}, not here.
 *
 * @param telegram            listen to the Telegram bot (long polling, outbound only)
 * @param telegramChatIds     comma-separated chat ids whose messages are commands (a private chat's id is the user's id)
 * @param discord             listen on the Discord gateway (slash commands)
 * @param discordUserIds      comma-separated Discord user ids who may command
 * @param discordApplicationId the bot's application id (Developer Portal), under which the slash commands are registered
 * @param discordGuildId      the server the slash commands are registered in (at once; empty: global, which Discord
 *                            takes up to an hour to show)
 */
public record ChatSettings(boolean telegram, String telegramChatIds, boolean discord, String discordUserIds,
                           String discordApplicationId, String discordGuildId) {
    public ChatSettings {
        telegramChatIds = clean(telegramChatIds);
        discordUserIds = clean(discordUserIds);
        discordApplicationId = clean(discordApplicationId);
        discordGuildId = clean(discordGuildId);
    }

    public static ChatSettings defaults() {
        return new ChatSettings(false, "", false, "", "", "");
    }

    @JsonCreator
    static ChatSettings fromJson(@JsonProperty("telegram") Boolean telegram,
                                 @JsonProperty("telegramChatIds") String telegramChatIds,
                                 @JsonProperty("discord") Boolean discord,
                                 @JsonProperty("discordUserIds") String discordUserIds,
                                 @JsonProperty("discordApplicationId") String discordApplicationId,
                                 @JsonProperty("discordGuildId") String discordGuildId) {
        return new ChatSettings(telegram != null && telegram, telegramChatIds, discord != null && discord, discordUserIds,
                discordApplicationId, discordGuildId);
    }

    /** The Telegram chat ids allowed to command. */
    @JsonIgnore
    public List<String> telegramChats() {
        return ids(telegramChatIds);
    }

    /** The Discord user ids allowed to command. */
    @JsonIgnore
    public List<String> discordUsers() {
        return ids(discordUserIds);
    }

    static List<String> ids(String csv) {
        return csv.isEmpty() ? List.of() : Arrays.stream(csv.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    private static String clean(String s) {
        return s == null ? "" : s.strip();
    }
}
