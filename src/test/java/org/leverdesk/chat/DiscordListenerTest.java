package org.leverdesk.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.leverdesk.config.AppConfig;
import org.leverdesk.store.JournalEntry;
import org.leverdesk.store.JournalRepository;
import org.leverdesk.store.Store;

/**
 * Slash commands over a fake Discord gateway on 127.0.0.1: registration, identify and heartbeats, a stranger
 * ignored (journalled, no answer), an allowed user's status, closeall + confirm reaching the close-all command
 * once, the report's chart attached, and a dropped connection followed by a new session.
 */
class DiscordListenerTest {
    private static final Duration WAIT = Duration.ofSeconds(20);

    @TempDir
    Path tmp;

    @Test
    void slashCommandsFromTheAllowedUserOnlyAndReconnectAfterADrop() throws Exception {
        Path chart = tmp.resolve("reports/daily-2026-12-04.png");
        Files.createDirectories(chart.getParent());
        ImageIO.write(new BufferedImage(40, 20, BufferedImage.TYPE_INT_RGB), "png", chart.toFile());
        List<List<String>> ran = new CopyOnWriteArrayList<>();
        ChatServices services = new ChatServices() {
            @Override
            public Result run(List<String> argv) {
                ran.add(argv);
                if (argv.get(0).equals("report")) {
                    return new Result(0, "# Daily report\nequity $10,000.00\nwritten to " + chart.resolveSibling("daily-2026-12-04.md")
                            + " (chart daily-2026-12-04.png)\n", "");
                }
                if (argv.contains("--options")) {
                    return new Result(0, "Close every option position at paper: 0 orders cancelled, 2 positions closed, flat\n"
                            + "QQQ260116P00600000 -3: closed - multi-leg ld-emergency-mleg-1\n", "");
                }
                return new Result(0, "Close the whole account at paper: 0 orders cancelled, 1 position closed, flat; trading HALTED\n", "");
            }

            @Override
            public String status() {
                return "the Leverdesk daemon: trading ACTIVE, scheduler RUNNING";
            }

            @Override
            public String pnl() {
                return "day P&L $1.00";
            }

            @Override
            public AppConfig config() {
                return AppConfig.defaults();
            }
        };
        try (Store store = Store.open(tmp.resolve("data")); FakeDiscord discord = new FakeDiscord()) {
            JournalRepository journal = new JournalRepository(store, Clock.systemUTC());
            ChatCommands commands = new ChatCommands(services, journal, Clock.systemUTC());
            try (DiscordListener listener = new DiscordListener(HttpClient.newHttpClient(), discord.api(), FakeDiscord.TOKEN, "777",
                    "888", commands, Set.of("42"), Duration.ofMillis(100)).start()) {
                FakeDiscord.await(() -> discord.identifies() == 1, WAIT, "IDENTIFY");
                FakeDiscord.Request put = discord.requests(r -> r.method().equals("PUT")).get(0);
                assertEquals("/api/v10/applications/777/guilds/888/commands", put.path());
                for (ChatCommand c : ChatCommand.values()) {
                    assertTrue(put.body().contains("\"name\":\"" + c.word() + "\""), c.word());
                }
                assertTrue(put.body().contains("\"name\":\"scope\""), "closeall's optional scope: " + put.body());
                assertTrue(discord.received().stream().anyMatch(p -> p.path("op").asInt() == 2
                        && p.path("d").path("intents").asInt(-1) == 0), "identify without privileged intents");

                discord.interaction("i1", "666", "closeall", null, null);
                discord.interaction("i2", "42", "status", null, null);
                FakeDiscord.await(() -> edits(discord, "i2").size() == 1, WAIT, "the status answer");
                assertTrue(edits(discord, "i2").get(0).body().contains("trading ACTIVE"));
                assertTrue(discord.requests(r -> r.path().contains("/interactions/i2/itoken-i2/callback")).get(0).body()
                        .contains("\"type\":5"), "deferred at once");
                assertTrue(discord.requests(r -> r.path().contains("i1")).isEmpty(), "a stranger gets nothing");

                discord.interaction("i3", "42", "closeall", null, null);
                FakeDiscord.await(() -> edits(discord, "i3").size() == 1, WAIT, "the code");
                Matcher m = Pattern.compile("/confirm (\\d{6})").matcher(edits(discord, "i3").get(0).body());
                assertTrue(m.find());
                assertTrue(ran.isEmpty(), "nothing runs before the code");

                // The connection drops: a new session identifies again, and the code still works.
                discord.drop();
                FakeDiscord.await(() -> discord.identifies() == 2, WAIT, "a new session");
                discord.interaction("i4", "42", "confirm", "code", m.group(1));
                FakeDiscord.await(() -> edits(discord, "i4").size() == 1, WAIT, "the close-all answer");
                assertTrue(edits(discord, "i4").get(0).body().contains("flat; trading HALTED"));
                discord.interaction("i5", "42", "confirm", "code", m.group(1));
                FakeDiscord.await(() -> edits(discord, "i5").size() == 1, WAIT, "the replay's answer");
                assertTrue(edits(discord, "i5").get(0).body().contains("nothing done"));
                assertEquals(1, ran.stream().filter(a -> a.get(0).equals("close-all")).count());

                discord.interaction("i6", "42", "report", "kind", "daily");
                FakeDiscord.await(() -> edits(discord, "i6").size() == 1, WAIT, "the report");
                FakeDiscord.Request report = edits(discord, "i6").get(0);
                assertTrue(report.contentType().startsWith("multipart/form-data"), report.contentType());
                assertTrue(report.body().contains("name=\"files[0]\"; filename=\"daily-2026-12-04.png\""));
                assertTrue(report.body().contains("\u0089PNG"));
                // /closeall with its scope option 'options': the same code rule, then the options-only close-all's report.
                discord.interaction("i7", "42", "closeall", "scope", "options");
                FakeDiscord.await(() -> edits(discord, "i7").size() == 1, WAIT, "the options code");
                String ask = edits(discord, "i7").get(0).body();
                assertTrue(ask.contains("closeall options will cancel every open option order"), ask);
                Matcher o = Pattern.compile("/confirm (\\d{6})").matcher(ask);
                assertTrue(o.find(), ask);
                assertEquals(1, ran.stream().filter(a -> a.get(0).equals("close-all")).count(), "nothing more before the code");
                discord.interaction("i8", "42", "confirm", "code", o.group(1));
                FakeDiscord.await(() -> edits(discord, "i8").size() == 1, WAIT, "the options report");
                assertTrue(edits(discord, "i8").get(0).body().contains("QQQ260116P00600000 -3: closed - multi-leg"),
                        edits(discord, "i8").get(0).body());
                assertEquals(List.of("close-all", "--options", "--reason", "closeall options from Discord user 42"),
                        ran.get(ran.size() - 1));

                // The gateway asks for a heartbeat every 500 ms: on a quick machine the test gets here before the first.
                FakeDiscord.await(() -> discord.received().stream().anyMatch(p -> p.path("op").asInt() == 1), WAIT, "heartbeats");
            }
            List<String> lines = journal.recent(50).stream().filter(e -> e.kind().equals(ChatCommands.KIND))
                    .map(JournalEntry::message).toList();
            assertTrue(lines.contains("Discord 666 (u666) is not allowed to command; ignored: /closeall"), lines.toString());
            assertTrue(lines.stream().anyMatch(l -> l.startsWith("Discord 42 (u42): /confirm") && l.contains("flat; trading HALTED")),
                    lines.toString());
            assertFalse(lines.stream().anyMatch(l -> l.contains(FakeDiscord.TOKEN)));
        }
    }

    private static List<FakeDiscord.Request> edits(FakeDiscord discord, String interaction) {
        return discord.requests(r -> r.method().equals("PATCH") && r.path().contains("itoken-" + interaction));
    }
}
