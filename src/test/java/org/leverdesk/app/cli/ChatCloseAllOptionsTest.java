package org.leverdesk.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.leverdesk.schedule.SimulatedClock.et;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.leverdesk.app.context.TestBrokers;
import org.leverdesk.broker.paper.PaperBroker;
import org.leverdesk.chat.ChatCommands;
import org.leverdesk.chat.FakeTelegramBot;
import org.leverdesk.config.AppConfig;
import org.leverdesk.config.BrokerSettings;
import org.leverdesk.config.ChatSettings;
import org.leverdesk.config.ConfigFile;
import org.leverdesk.config.NotificationSettings;
import org.leverdesk.config.RiskSettings;
import org.leverdesk.config.Secrets;
import org.leverdesk.config.StrategySettings;
import org.leverdesk.emergency.EmergencyCloseOptionsTest;
import org.leverdesk.notify.NotifyOptions;
import org.leverdesk.risk.RiskGate;
import org.leverdesk.risk.TradingState;
import org.leverdesk.schedule.SimulatedClock;
import org.leverdesk.store.JournalEntry;
import org.leverdesk.store.JournalRepository;
import org.leverdesk.store.Store;
import org.leverdesk.store.TradingStateRepository;

/**
 * Seed 003's Discord panic {@code !closeall options}, here over the fake Telegram Bot API into a daemon on a paper
 * account holding shares and a put spread: the same six-digit code as {@code closeall}, then the daemon's own
 * emergency exit with the options-only scope. The spread is closed as one multi-leg order, the shares stay,
 * trading stays ACTIVE, and the chat answer is the per-position report.
 */
class ChatCloseAllOptionsTest {
    private static final long OWNER = 1001;
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
    void closeallOptionsClosesTheSpreadKeepsTheSharesAndAnswersWithTheReport() throws Exception {
        Path data = tmp.resolve("data");
        Path prices = DaemonAccountFixture.prices(tmp, "TQQQ", "QQQ");
        DaemonAccountFixture.PutSpread legs = DaemonAccountFixture.holdSharesAndPutSpread(data, prices);
        String short60 = legs.short60();
        String long55 = legs.long55();
        AppConfig config = new AppConfig(BrokerSettings.defaults(), RiskSettings.defaults(),
                List.of(new StrategySettings("monthly-rebalance", true, 1.0, Map.of("allocation", "2000"), null)),
                new NotificationSettings(false, false, null, false, false, null, 587, null, null, null), null,
                new ChatSettings(true, String.valueOf(OWNER), false, "", "", ""));
        ConfigFile file = new ConfigFile(tmp.resolve("config.json"));
        file.save(config);
        Secrets secrets = new Secrets(tmp.resolve("secrets.properties"), Map.of(Secrets.TELEGRAM_BOT_TOKEN, FakeTelegramBot.TOKEN));

        AtomicReference<String> ask = new AtomicReference<>();
        AtomicReference<String> report = new AtomicReference<>();
        try (FakeTelegramBot bot = new FakeTelegramBot()) {
            ChatControl.telegramBase = bot.baseUrl();
            ChatControl.pollTimeout = Duration.ofSeconds(1);
            ChatControl.firstRetry = Duration.ofMillis(100);
            SimulatedClock clock = new SimulatedClock(et("2025-12-31T15:00"), et("2025-12-31T15:40"));
            AtomicReference<Throwable> failure = DaemonAccountFixture.atMinute(clock, et("2025-12-31T15:30"), () -> {
                bot.message(OWNER, "!closeall options");
                ask.set(bot.await(OWNER, s -> s.text().contains("/confirm"), WAIT).text());
                Matcher m = Pattern.compile("/confirm (\\d{6})").matcher(ask.get());
                assertTrue(m.find(), ask.get());
                bot.message(OWNER, "!confirm " + m.group(1));
                report.set(bot.await(OWNER, s -> s.text().startsWith("Close every option position at"), WAIT).text());
            });
            Daemon daemon = Daemon.start(data, prices, file, config, secrets, clock, NotifyOptions.defaults());
            try {
                assertTrue(clock.awaitEnd(Duration.ofSeconds(90)));
                assertTrue(daemon.requestStop());
            } finally {
                daemon.close();
            }
            DaemonAccountFixture.rethrow(failure);
        }
        assertTrue(ask.get().startsWith("closeall options will cancel every open option order"), ask.get());
        assertTrue(report.get().startsWith("Close every option position at paper: 0 orders cancelled, 2 positions closed, flat\n"),
                report.get());
        assertTrue(report.get().contains(short60 + " -3: closed - multi-leg ld-emergency-mleg-"), report.get());
        assertTrue(report.get().contains(long55 + " 3: closed"), report.get());
        try (Store store = Store.open(data)) {
            PaperBroker paper = new PaperBroker(store, null, Clock.fixed(et("2025-12-31T15:41"), ZoneOffset.UTC));
            assertEquals(Map.of("TQQQ", "20"), EmergencyCloseOptionsTest.held(paper), "the shares stay");
            JournalRepository journal = new JournalRepository(store, Clock.systemUTC());
            assertEquals(TradingState.ACTIVE, new RiskGate(new TradingStateRepository(store, Clock.systemUTC()), journal).state(),
                    "an options-only close does not halt");
            List<String> chat = journal.recent(200).stream().filter(e -> e.kind().equals(ChatCommands.KIND))
                    .map(JournalEntry::message).toList();
            assertTrue(chat.stream().anyMatch(m -> m.startsWith("Telegram " + OWNER + " (user" + OWNER + "): !confirm")
                    && m.contains("-> Close every option position at paper")), chat.toString());
            assertEquals(1, journal.recent(200).stream().filter(e -> e.kind().equals("emergency")
                    && e.message().startsWith("Close every option position")).count(), "one close, through the emergency path");
        }
    }
}
