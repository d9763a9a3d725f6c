package org.leverdesk.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.leverdesk.schedule.SimulatedClock.et;

import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.leverdesk.app.context.TestBrokers;
import org.leverdesk.broker.paper.PaperBroker;
import org.leverdesk.chat.ChatCommands;
import org.leverdesk.chat.ChatServices;
import org.leverdesk.chat.FakeTelegramBot;
import org.leverdesk.chat.TelegramListener;
import org.leverdesk.config.AppConfig;
import org.leverdesk.config.BrokerSettings;
import org.leverdesk.config.ChatSettings;
import org.leverdesk.config.ConfigFile;
import org.leverdesk.config.NotificationSettings;
import org.leverdesk.config.RiskSettings;
import org.leverdesk.config.Secrets;
import org.leverdesk.config.StrategySettings;
import org.leverdesk.notify.NotifyOptions;
import org.leverdesk.risk.RiskGate;
import org.leverdesk.risk.TradingState;
import org.leverdesk.schedule.SimulatedClock;
import org.leverdesk.store.ChatOffsetRepository;
import org.leverdesk.store.JournalEntry;
import org.leverdesk.store.JournalRepository;
import org.leverdesk.store.OrderRepository;
import org.leverdesk.store.Store;
import org.leverdesk.store.TradingStateRepository;

/**
 * Telegram commands in the daemon, against a fake Bot API on 127.0.0.1: a listed user's /status and
 * /closeall + its code leave the paper account flat and HALTED (and the 15:50 run sends nothing); a
 * stranger's /closeall does nothing but a journal line; a replayed code does nothing; two dropped polls
 * are retried; and a restarted listener asks from the stored offset, so no update is answered twice.
 */
class ChatCommandsDaemonTest {
    private static final long OWNER = 1001;
    private static final long STRANGER = 666;
    private static final Duration WAIT = Duration.ofSeconds(30);

    @TempDir
    Path tmp;

    @AfterEach
    void tearDown() {
        TestBrokers.reset();
        ChatControl.telegramBase = org.leverdesk.notify.TelegramChannel.DEFAULT_BASE_URL;
        ChatControl.pollTimeout = Duration.ofSeconds(25);
        ChatControl.firstRetry = Duration.ofSeconds(1);
    }

    @Test
    void aListedUserClosesTheAccountAndAStrangerCannot() throws Exception {
        Path data = tmp.resolve("data");
        Path prices = DaemonAccountFixture.prices(tmp, "TQQQ");
        DaemonAccountFixture.holdSharesAndRestingLimit(data, prices);
        AppConfig config = new AppConfig(BrokerSettings.defaults(), RiskSettings.defaults(),
                List.of(new StrategySettings("monthly-rebalance", true, 1.0, Map.of("allocation", "2000"), null)),
                new NotificationSettings(false, false, null, false, false, null, 587, null, null, null), null,
                new ChatSettings(true, String.valueOf(OWNER), false, "", "", ""));
        ConfigFile file = new ConfigFile(tmp.resolve("config.json"));
        file.save(config);
        Secrets secrets = new Secrets(tmp.resolve("secrets.properties"), Map.of(Secrets.TELEGRAM_BOT_TOKEN, FakeTelegramBot.TOKEN));

        try (FakeTelegramBot bot = new FakeTelegramBot()) {
            ChatControl.telegramBase = bot.baseUrl();
            ChatControl.pollTimeout = Duration.ofSeconds(1);
            ChatControl.firstRetry = Duration.ofMillis(100);
            SimulatedClock clock = new SimulatedClock(et("2025-12-31T15:00"), et("2025-12-31T16:05"));
            AtomicReference<String> closeAnswer = new AtomicReference<>();
            // At 15:30 (the market is open) the conversation happens on real time while simulated time waits.
            AtomicReference<Throwable> failure = DaemonAccountFixture.atMinute(clock, et("2025-12-31T15:30"), () -> {
                bot.message(OWNER, "/status");
                assertTrue(bot.await(OWNER, s -> s.text().contains("trading ACTIVE"), WAIT).text().contains("1 position(s)"));
                bot.message(STRANGER, "/closeall");
                bot.message(OWNER, "/closeall");
                String ask = bot.await(OWNER, s -> s.text().contains("/confirm"), WAIT).text();
                Matcher m = Pattern.compile("/confirm (\\d{6})").matcher(ask);
                assertTrue(m.find(), ask);
                String code = m.group(1);
                // The network drops twice; the listener waits and polls again.
                bot.dropNext(2);
                long until = System.nanoTime() + WAIT.toNanos();
                while (bot.dropped() < 2 && System.nanoTime() < until) {
                    Thread.sleep(20);
                }
                assertEquals(2, bot.dropped());
                bot.message(OWNER, "/confirm " + code);
                closeAnswer.set(bot.await(OWNER, s -> s.text().startsWith("Close the whole account at"), WAIT).text());
                // The same code again (a replay) does nothing.
                bot.message(OWNER, "/confirm " + code);
                bot.await(OWNER, s -> s.text().startsWith("nothing done"), WAIT);
            });
            Daemon daemon = Daemon.start(data, prices, file, config, secrets, clock, NotifyOptions.defaults());
            try {
                assertTrue(clock.awaitEnd(Duration.ofSeconds(90)));
                assertTrue(daemon.requestStop());
            } finally {
                daemon.close();
            }
            DaemonAccountFixture.rethrow(failure);
            assertTrue(closeAnswer.get().contains("flat; trading HALTED"), closeAnswer.get());
            assertTrue(bot.sentTo(STRANGER).isEmpty(), "a stranger gets no answer: " + bot.sentTo(STRANGER));
            assertFalse(bot.sent().stream().anyMatch(s -> s.text().contains(FakeTelegramBot.TOKEN)));
            int answers = bot.sent().size();

            try (Store store = Store.open(data)) {
                JournalRepository journal = new JournalRepository(store, Clock.systemUTC());
                assertEquals(TradingState.HALTED, new RiskGate(new TradingStateRepository(store, Clock.systemUTC()), journal).state());
                PaperBroker paper = new PaperBroker(store, null, Clock.fixed(et("2025-12-31T16:05"), ZoneOffset.UTC));
                assertTrue(paper.positions().isEmpty());
                assertTrue(paper.openOrders().isEmpty());
                assertTrue(new OrderRepository(store, Clock.systemUTC()).recent(10).isEmpty(), "the 15:50 job sent nothing");
                List<String> chat = journal.recent(200).stream().filter(e -> e.kind().equals(ChatCommands.KIND))
                        .map(JournalEntry::message).toList();
                assertTrue(chat.stream().anyMatch(m -> m.equals("Telegram " + STRANGER + " (user" + STRANGER
                        + ") is not allowed to command; ignored: /closeall")), chat.toString());
                assertTrue(chat.stream().anyMatch(m -> m.startsWith("Telegram " + OWNER + " (user" + OWNER + "): /confirm")
                        && m.contains("-> Close the whole account at paper")), chat.toString());
                assertTrue(chat.stream().anyMatch(m -> m.contains("/status -> ")), chat.toString());
                assertEquals(1, journal.recent(200).stream().filter(e -> e.kind().equals("emergency")
                        && e.message().startsWith("Close the whole account")).count(), "one close-all, not two");

                // A restart: the listener asks from the stored offset and answers nothing again.
                long stored = new ChatOffsetRepository(store, Clock.systemUTC()).next(TelegramListener.OFFSET_KEY).orElseThrow();
                ChatServices none = new ChatServices() {
                    @Override
                    public Result run(List<String> argv) {
                        throw new AssertionError("nothing may run after the restart: " + argv);
                    }

                    @Override
                    public String status() {
                        throw new AssertionError("nothing may run after the restart");
                    }

                    @Override
                    public String pnl() {
                        throw new AssertionError("nothing may run after the restart");
                    }

                    @Override
                    public AppConfig config() {
                        return config;
                    }
                };
                int polls = bot.offsetsAsked().size();
                try (TelegramListener again = new TelegramListener(HttpClient.newHttpClient(), bot.baseUrl(), FakeTelegramBot.TOKEN,
                        new ChatCommands(none, journal, Clock.systemUTC()), Set.of(String.valueOf(OWNER)),
                        new ChatOffsetRepository(store, Clock.systemUTC()), Duration.ofSeconds(1), Duration.ofMillis(100)).start()) {
                    bot.awaitPolls(polls + 2, WAIT);
                }
                assertEquals(stored, bot.offsetsAsked().get(polls).longValue());
                assertEquals(answers, bot.sent().size(), "no update answered twice after the restart");
            }
        }
    }
}
