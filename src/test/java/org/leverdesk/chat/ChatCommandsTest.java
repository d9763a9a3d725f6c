package org.leverdesk.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.leverdesk.config.AppConfig;
import org.leverdesk.config.ChatSettings;
import org.leverdesk.store.JournalRepository;
import org.leverdesk.store.Store;

/** The transport-free rules: the allow-list, the code's expiry and single use, what each command runs, the config summary. */
class ChatCommandsTest {
    @TempDir
    Path tmp;

    private final List<List<String>> ran = new CopyOnWriteArrayList<>();

    private final ChatServices services = new ChatServices() {
        @Override
        public Result run(List<String> argv) {
            ran.add(argv);
            return new Result(0, "ran " + String.join(" ", argv) + "\n", "");
        }

        @Override
        public String status() {
            return "ok";
        }

        @Override
        public String pnl() {
            return "pnl";
        }

        @Override
        public AppConfig config() {
            return AppConfig.defaults().withChat(new ChatSettings(true, "1,2", false, "", "", ""));
        }
    };

    /** A clock the test moves. */
    private static final class Moving extends Clock {
        Instant now = Instant.parse("2026-12-04T15:00:00Z");

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    private static String code(ChatAnswer a) {
        Matcher m = Pattern.compile("/confirm (\\d{6})").matcher(a.text());
        assertTrue(m.find(), a.text());
        return m.group(1);
    }

    @Test
    void codesExpireAfterSixtySecondsWorkOnceAndOnlyForTheirSender() {
        Moving clock = new Moving();
        try (Store store = Store.open(tmp.resolve("data"))) {
            ChatCommands c = new ChatCommands(services, new JournalRepository(store, clock), clock, new SecureRandom());
            Set<String> allowed = Set.of("1", "2");
            String late = code(c.handle(new ChatRequest("Telegram", "1", "a", "/closeall"), allowed));
            clock.now = clock.now.plus(Duration.ofSeconds(60));
            assertTrue(c.handle(new ChatRequest("Telegram", "1", "a", "/confirm " + late), allowed).text().startsWith("nothing done"));
            String other = code(c.handle(new ChatRequest("Telegram", "1", "a", "/resume"), allowed));
            assertTrue(c.handle(new ChatRequest("Telegram", "2", "b", other), allowed).text().startsWith("nothing done"),
                    "another user's code");
            assertTrue(ran.isEmpty());
            clock.now = clock.now.plus(Duration.ofSeconds(59));
            assertEquals("ran resume",
                    c.handle(new ChatRequest("Telegram", "1", "a", other), allowed).text());
            String wrong = code(c.handle(new ChatRequest("Telegram", "1", "a", "/killreset"), allowed));
            String guess = wrong.equals("000000") ? "000001" : "000000";
            c.handle(new ChatRequest("Telegram", "1", "a", "/confirm " + guess), allowed);
            assertTrue(c.handle(new ChatRequest("Telegram", "1", "a", "/confirm " + wrong), allowed).text().startsWith("nothing done"),
                    "a wrong code cancels the pending command");
            assertEquals(List.of(List.of("resume")), ran);
            assertNull(c.handle(new ChatRequest("Telegram", "3", "x", "/status"), allowed));
            assertEquals("ran orders --limit 10", c.handle(new ChatRequest("Telegram", "1", "a", "/orders@leverdesk_bot"), allowed).text());
            assertEquals("ran pause", c.handle(new ChatRequest("Discord", "2", "b", "!pause"), allowed).text());
            String config = c.handle(new ChatRequest("Telegram", "1", "a", "/config"), allowed).text();
            assertTrue(config.contains("chat commands: Telegram on (2 chat(s) allowed)"), config);
            assertFalse(config.contains("TOKEN"));
            assertTrue(c.handle(new ChatRequest("Telegram", "1", "a", "/sell everything"), allowed).text().startsWith("unknown command"));
        }
    }

    @Test
    void closeallOptionsAsksForTheSameCodeAndRunsTheOptionsOnlyCloseAll() {
        Moving clock = new Moving();
        try (Store store = Store.open(tmp.resolve("data"))) {
            ChatCommands c = new ChatCommands(services, new JournalRepository(store, clock), clock, new SecureRandom());
            Set<String> allowed = Set.of("1", "2");
            // A scope that is not 'options' is refused before any code: a typo never becomes a whole-account close.
            String typo = c.handle(new ChatRequest("Discord", "2", "b", "!closeall optoins"), allowed).text();
            assertTrue(typo.startsWith("closeall takes nothing (the whole account) or 'options'"), typo);
            assertFalse(typo.contains("/confirm"), typo);
            ChatAnswer ask = c.handle(new ChatRequest("Discord", "2", "b", "!closeall OPTIONS"), allowed);
            assertTrue(ask.text().startsWith("closeall options will cancel every open option order and close every option"
                    + " position"), ask.text());
            assertTrue(ask.text().contains("shares stay and trading is not halted"), ask.text());
            String late = code(ask);
            clock.now = clock.now.plus(Confirmations.TTL);
            assertTrue(c.handle(new ChatRequest("Discord", "2", "b", "/confirm " + late), allowed).text().startsWith("nothing done"),
                    "the options close-all expires like the whole-account one");
            assertTrue(ran.isEmpty(), "nothing runs before the code");
            String code = code(c.handle(new ChatRequest("Discord", "2", "b", "!closeall options"), allowed));
            assertTrue(c.handle(new ChatRequest("Telegram", "1", "a", code), allowed).text().startsWith("nothing done"),
                    "another user's code");
            code = code(c.handle(new ChatRequest("Discord", "2", "b", "!closeall options"), allowed));
            assertEquals("ran close-all --options --reason closeall options from Discord user 2",
                    c.handle(new ChatRequest("Discord", "2", "b", "!confirm " + code), allowed).text());
            assertTrue(c.handle(new ChatRequest("Discord", "2", "b", "!confirm " + code), allowed).text().startsWith("nothing done"),
                    "the code works once");
            String whole = code(c.handle(new ChatRequest("Telegram", "1", "a", "/closeall"), allowed));
            c.handle(new ChatRequest("Telegram", "1", "a", "/confirm " + whole), allowed);
            assertEquals(List.of(List.of("close-all", "--options", "--reason", "closeall options from Discord user 2"),
                    List.of("close-all", "--reason", "closeall from Telegram user 1")), ran);
        }
    }
}
