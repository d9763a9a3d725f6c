package org.leverdesk.notify;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.leverdesk.config.ConfigException;
import org.leverdesk.config.NotificationSettings;
import org.leverdesk.config.Secrets;

/**
 * The channels built from the user's settings and secrets: every channel whose settings are
 * complete (enabled or not, so Settings can "send test" before switching one on), which of them
 * are switched on, and for each incomplete channel one line saying what is missing.
 */
public record ChannelSetup(Map<Channel, NotificationChannel<?>> configured, Set<Channel> enabled, Map<Channel, String> problems) {
    public ChannelSetup {
        configured = Collections.unmodifiableMap(copy(configured));
        enabled = Collections.unmodifiableSet(enabled.isEmpty() ? EnumSet.noneOf(Channel.class) : EnumSet.copyOf(enabled));
        problems = Collections.unmodifiableMap(copy(problems));
    }

    /** A setup with exactly these channels, all switched on (for code and tests that build channels themselves). */
    public static ChannelSetup of(List<? extends NotificationChannel<?>> channels) {
        Map<Channel, NotificationChannel<?>> map = new EnumMap<>(Channel.class);
        channels.forEach(c -> map.put(c.channel(), c));
        return new ChannelSetup(map, map.keySet(), Map.of());
    }

    /**
     * Builds the channels from {@code settings} and {@code secrets}; {@code desktop} is null when
     * there is no window (the daemon). Never throws for incomplete settings: those become problems.
     */
    public static ChannelSetup fromConfig(NotificationSettings settings, Secrets secrets, NotifyOptions options,
                                          DesktopNotifications desktop) {
        Map<Channel, NotificationChannel<?>> configured = new EnumMap<>(Channel.class);
        Map<Channel, String> problems = new EnumMap<>(Channel.class);
        HttpClient http = JsonPoster.newClient(options.timeout());

        if (desktop != null) {
            configured.put(Channel.DESKTOP, new DesktopChannel(desktop));
        } else {
            problems.put(Channel.DESKTOP, "Desktop: no window in headless mode; pop-ups are skipped");
        }

        try {
            Optional<String> token = secrets.get(Secrets.TELEGRAM_BOT_TOKEN);
            if (blank(settings.telegramChatId())) {
                problems.put(Channel.TELEGRAM, "Telegram: no chat id; enter it in Settings > Notifications");
            } else if (token.isEmpty()) {
                problems.put(Channel.TELEGRAM, "Telegram: the bot token (secret " + Secrets.TELEGRAM_BOT_TOKEN
                        + ") is not set; enter it in Settings > Notifications");
            } else {
                configured.put(Channel.TELEGRAM, new TelegramChannel(http, options.telegramBaseUrl(), token.get(),
                        settings.telegramChatId(), options.timeout()));
            }
        } catch (ConfigException e) {
            problems.put(Channel.TELEGRAM, "Telegram: " + e.getMessage());
        }

        try {
            Optional<String> url = secrets.get(Secrets.DISCORD_WEBHOOK_URL);
            Optional<URI> webhook = url.flatMap(ChannelSetup::httpUri);
            if (url.isEmpty()) {
                problems.put(Channel.DISCORD, "Discord: the webhook URL (secret " + Secrets.DISCORD_WEBHOOK_URL
                        + ") is not set; copy it from the Discord channel's Integrations > Webhooks");
            } else if (webhook.isEmpty()) {
                problems.put(Channel.DISCORD, "Discord: the webhook URL (secret " + Secrets.DISCORD_WEBHOOK_URL
                        + ") is not an http(s) address; copy it again from Discord");
            } else {
                configured.put(Channel.DISCORD, new DiscordChannel(http, webhook.get(), options.timeout()));
            }
        } catch (ConfigException e) {
            problems.put(Channel.DISCORD, "Discord: " + e.getMessage());
        }

        try {
            String problem = emailProblem(settings);
            if (problem != null) {
                problems.put(Channel.EMAIL, problem);
            } else {
                String password = blank(settings.smtpUser()) ? null : secrets.get(Secrets.SMTP_PASSWORD).orElse(null);
                if (!blank(settings.smtpUser()) && password == null) {
                    problems.put(Channel.EMAIL, "E-mail: the SMTP password (secret " + Secrets.SMTP_PASSWORD
                            + ") is not set; enter it in Settings > Notifications");
                } else {
                    SmtpServer server = new SmtpServer(settings.smtpHost().strip(), settings.smtpPort(),
                            SmtpSecurity.forServer(settings.smtpHost(), settings.smtpPort()), settings.smtpUser(), settings.emailFrom().strip(),
                            addresses(settings.emailTo()));
                    configured.put(Channel.EMAIL, new EmailChannel(server, password, options.timeout(), options.smtpSslSocketFactory()));
                }
            }
        } catch (ConfigException e) {
            problems.put(Channel.EMAIL, "E-mail: " + e.getMessage());
        }

        Set<Channel> enabled = EnumSet.noneOf(Channel.class);
        if (settings.desktop()) enabled.add(Channel.DESKTOP);
        if (settings.telegram()) enabled.add(Channel.TELEGRAM);
        if (settings.discord()) enabled.add(Channel.DISCORD);
        if (settings.email()) enabled.add(Channel.EMAIL);
        return new ChannelSetup(configured, enabled, problems);
    }

    /** The channels that are switched on and complete, i.e. the ones that receive notifications. */
    public Map<Channel, NotificationChannel<?>> active() {
        Map<Channel, NotificationChannel<?>> active = new EnumMap<>(Channel.class);
        configured.forEach((channel, impl) -> {
            if (enabled.contains(channel)) {
                active.put(channel, impl);
            }
        });
        return active;
    }

    /** The problems of the channels that are switched on (an incomplete channel that is off is no problem). */
    public List<String> enabledProblems() {
        return problems.entrySet().stream().filter(e -> enabled.contains(e.getKey())).map(Map.Entry::getValue).toList();
    }

    private static String emailProblem(NotificationSettings s) {
        if (blank(s.smtpHost())) {
            return "E-mail: no SMTP host; enter it in Settings > Notifications";
        }
        if (s.smtpPort() < 1 || s.smtpPort() > 65535) {
            return "E-mail: SMTP port " + s.smtpPort() + " is not a port; use 587 (STARTTLS) or 465 (TLS)";
        }
        if (blank(s.emailFrom()) || blank(s.emailTo())) {
            return "E-mail: the sender or recipient address is empty; enter both in Settings > Notifications";
        }
        for (String address : addresses(s.emailFrom() + "," + s.emailTo())) {
            try {
                new InternetAddress(address, true).validate();
            } catch (AddressException e) {
                return "E-mail: '" + address + "' is not an e-mail address; correct it in Settings > Notifications";
            }
        }
        return null;
    }

    private static <V> Map<Channel, V> copy(Map<Channel, V> map) {
        Map<Channel, V> out = new EnumMap<>(Channel.class);
        out.putAll(map);
        return out;
    }

    private static List<String> addresses(String list) {
        return Arrays.stream(list.split("[,;]")).map(String::strip).filter(a -> !a.isEmpty()).toList();
    }

    private static Optional<URI> httpUri(String text) {
        try {
            URI uri = URI.create(text.strip());
            String scheme = uri.getScheme();
            return uri.getHost() != null && ("https".equalsIgnoreCase(scheme) || "http".equalsIgnoreCase(scheme))
                    ? Optional.of(uri) : Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
