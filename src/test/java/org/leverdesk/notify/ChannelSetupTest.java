package org.leverdesk.notify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.leverdesk.config.NotificationSettings;
import org.leverdesk.config.Secrets;

/** Channels built from the user's NotificationSettings and Secrets, sending to servers on 127.0.0.1. */
class ChannelSetupTest {
    static final Instant T = Instant.parse("2026-11-20T20:50:00Z");
    static final RetrySettings FAST = new RetrySettings(2, Duration.ofMillis(20), Duration.ofMillis(40), 0.25);

    @TempDir
    Path dir;
    FakeHttpEndpoint telegramServer;
    FakeHttpEndpoint discordServer;
    GreenMail greenMail;
    NotificationDispatcher dispatcher;

    @BeforeEach
    void start() throws Exception {
        telegramServer = new FakeHttpEndpoint(FakeHttpEndpoint.Reply.ok("{\"ok\":true}"));
        discordServer = new FakeHttpEndpoint(FakeHttpEndpoint.Reply.status(204, ""));
    }

    @AfterEach
    void stop() {
        if (dispatcher != null) {
            dispatcher.close();
        }
        if (greenMail != null) {
            greenMail.stop();
        }
        telegramServer.close();
        discordServer.close();
    }

    private NotifyOptions options() {
        return new NotifyOptions(telegramServer.baseUrl(), Duration.ofSeconds(2), FAST, null);
    }

    private Secrets secrets(Map<String, String> env) {
        return new Secrets(dir.resolve(Secrets.FILE_NAME), env);
    }

    @Test
    void everySwitchedOnChannelReceivesTheNotification() throws Exception {
        com.icegreen.greenmail.util.ServerSetup smtp = ServerSetupTest.SMTP.dynamicPort();
        smtp.setServerStartupTimeout(15_000);
        greenMail = new GreenMail(smtp);
        greenMail.withConfiguration(GreenMailConfiguration.aConfig().withUser("bot@example.com", "botuser", "pw-123"));
        greenMail.start();
        NotificationSettings settings = new NotificationSettings(true, true, "-100777", true, true, "127.0.0.1",
                greenMail.getSmtp().getPort(), "botuser", "bot@example.com", "trader@example.com; partner@example.org");
        Secrets secrets = secrets(Map.of(Secrets.TELEGRAM_BOT_TOKEN, "555:tok",
                Secrets.DISCORD_WEBHOOK_URL, discordServer.baseUrl() + "/api/webhooks/9/hook-token",
                Secrets.SMTP_PASSWORD, "pw-123"));
        List<Notification> popups = new CopyOnWriteArrayList<>();
        RecordingListener listener = new RecordingListener();
        dispatcher = NotificationDispatcher.fromConfig(settings, secrets, options(), popups::add, listener,
                Clock.fixed(T, ZoneOffset.UTC));

        assertEquals(Set.of(Channel.values()), dispatcher.activeChannels());
        assertEquals(List.of(), dispatcher.problems());
        Notification n = new Notification(NotificationKind.KILL_SWITCH, null, "Kill switch ENGAGED", "by you", T);
        dispatcher.send(n);

        assertTrue(dispatcher.awaitIdle(Duration.ofSeconds(10)));
        assertEquals(4, listener.all().stream().filter(RecordingListener.Outcome::delivered).count(), listener.all().toString());
        assertEquals(List.of(n), popups);
        assertEquals("/bot555:tok/sendMessage", telegramServer.requests().get(0).path());
        assertTrue(telegramServer.requests().get(0).body().startsWith("{\"chat_id\":\"-100777\",\"text\":\"Kill switch ENGAGED\\n\\nby you\""));
        assertEquals("/api/webhooks/9/hook-token", discordServer.requests().get(0).path());
        assertEquals(2, greenMail.getReceivedMessages().length);
        assertEquals("[Leverdesk] Kill switch ENGAGED", greenMail.getReceivedMessages()[0].getSubject());
    }

    @Test
    void incompleteSwitchedOnChannelsBecomeOneLineProblemsAndGetNothing() {
        NotificationSettings settings = new NotificationSettings(true, true, " ", true, true, "smtp.example.com", 587,
                null, "bot@example.com", "trader(at)example.com");
        Secrets secrets = secrets(Map.of(Secrets.DISCORD_WEBHOOK_URL, "discord-hook-secret-but-no-url"));

        dispatcher = NotificationDispatcher.fromConfig(settings, secrets, options(), null, DeliveryListener.NONE, Clock.systemUTC());

        assertEquals(Set.of(), dispatcher.activeChannels());
        assertEquals(List.of(
                "Telegram: no chat id; enter it in Settings > Notifications",
                "Discord: the webhook URL (secret DISCORD_WEBHOOK_URL) is not an http(s) address; copy it again from Discord",
                "E-mail: 'trader(at)example.com' is not an e-mail address; correct it in Settings > Notifications",
                "Desktop: no window in headless mode; pop-ups are skipped"), dispatcher.problems());
        dispatcher.problems().forEach(p -> assertFalse(p.contains("discord-hook-secret"), p));
        assertEquals("Telegram: no chat id; enter it in Settings > Notifications", dispatcher.sendTest(Channel.TELEGRAM));
    }

    @Test
    void missingSecretsAreNamedSoTheUserKnowsWhatToEnter() {
        NotificationSettings settings = new NotificationSettings(false, true, "42", true, true, "smtp.example.com", 587,
                "botuser", "bot@example.com", "trader@example.com");

        ChannelSetup setup = ChannelSetup.fromConfig(settings, secrets(Map.of()), options(), null);

        assertEquals(List.of(
                "Telegram: the bot token (secret TELEGRAM_BOT_TOKEN) is not set; enter it in Settings > Notifications",
                "Discord: the webhook URL (secret DISCORD_WEBHOOK_URL) is not set; copy it from the Discord channel's Integrations > Webhooks",
                "E-mail: the SMTP password (secret SMTP_PASSWORD) is not set; enter it in Settings > Notifications"),
                setup.enabledProblems());
    }

    @Test
    void aCompleteChannelThatIsSwitchedOffGetsNothingButCanBeTested() throws Exception {
        NotificationSettings settings = new NotificationSettings(false, false, "42", false, false, null, 587, null, null, null);
        dispatcher = NotificationDispatcher.fromConfig(settings, secrets(Map.of(Secrets.TELEGRAM_BOT_TOKEN, "1:t")), options(),
                null, DeliveryListener.NONE, Clock.fixed(T, ZoneOffset.UTC));

        dispatcher.send(new Notification(NotificationKind.FILL, "s", "not sent", "", T));
        assertTrue(dispatcher.awaitIdle(Duration.ofSeconds(1)));
        assertEquals(0, telegramServer.requests().size());
        assertEquals(List.of(), dispatcher.problems(), "switched-off channels are no problem");

        assertEquals("Telegram: test message sent", dispatcher.sendTest(Channel.TELEGRAM));
        assertEquals(1, telegramServer.requests().size());
    }

    @Test
    void aSecretsFileOthersCanReadIsAProblemNotACrash() throws Exception {
        Assumptions.assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"),
                "file modes exist only on POSIX systems; skipping");
        Path file = dir.resolve(Secrets.FILE_NAME);
        Files.writeString(file, "TELEGRAM_BOT_TOKEN=1:t\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        NotificationSettings settings = new NotificationSettings(false, true, "42", false, false, null, 587, null, null, null);

        ChannelSetup setup = ChannelSetup.fromConfig(settings, new Secrets(file, Map.of()), options(), null);

        assertEquals(List.of("Telegram: " + file + " can be read by other users; run 'chmod 600 " + file + "' and start again"),
                setup.enabledProblems());
    }

    @Test
    void smtpSecurityFollowsThePortAndWhetherTheServerIsThisMachine() {
        assertEquals(SmtpSecurity.STARTTLS, SmtpSecurity.forServer("smtp.gmail.com", 587));
        assertEquals(SmtpSecurity.STARTTLS, SmtpSecurity.forServer("smtp.example.com", 25));
        assertEquals(SmtpSecurity.SMTPS, SmtpSecurity.forServer("smtp.gmail.com", 465));
        assertEquals(SmtpSecurity.SMTPS, SmtpSecurity.forServer("localhost", 465));
        assertEquals(SmtpSecurity.NONE, SmtpSecurity.forServer("localhost", 25));
        assertEquals(SmtpSecurity.NONE, SmtpSecurity.forServer("127.0.0.1", 3025));
        assertEquals(SmtpSecurity.STARTTLS, SmtpSecurity.forServer("127.example.com", 587));
    }
}
