package org.leverdesk.app.context;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.leverdesk.schedule.SimulatedClock.et;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.leverdesk.broker.Quote;
import org.leverdesk.broker.paper.PaperBroker;
import org.leverdesk.config.AppConfig;
import org.leverdesk.config.BrokerSettings;
import org.leverdesk.config.NotificationSettings;
import org.leverdesk.config.RiskSettings;
import org.leverdesk.config.Secrets;
import org.leverdesk.config.StrategySettings;
import org.leverdesk.notify.FakeHttpEndpoint;
import org.leverdesk.notify.NotifyOptions;
import org.leverdesk.notify.RetrySettings;
import org.leverdesk.risk.TradingState;
import org.leverdesk.schedule.SchedulerLock;
import org.leverdesk.schedule.SchedulerLockedException;
import org.leverdesk.schedule.SchedulerState;
import org.leverdesk.schedule.SimulatedClock;
import org.leverdesk.store.JournalEntry;
import org.leverdesk.store.StoredOrder;

/**
 * The trading runtime over a simulated day on the built-in paper broker, with hand-made TQQQ prices,
 * sending to a fake Telegram API, a fake Discord webhook and a GreenMail SMTP server on 127.0.0.1.
 * 2025-12-31 is December's last session, so monthly-rebalance's job (monthly-last@close-10m, set in the config)
 * decides at 15:50 ET and the daily summary follows at 16:20.
 */
class TradingRuntimeTest {
    private static final RetrySettings FAST = new RetrySettings(2, Duration.ofMillis(20), Duration.ofMillis(40), 0.25);
    private static final Instant DECISION = et("2025-12-31T15:50");

    @TempDir
    Path dir;
    private FakeHttpEndpoint telegram;
    private FakeHttpEndpoint discord;
    private GreenMail mail;
    private AppContext app;
    private TradingRuntime runtime;
    private Map<String, String> parameters = Map.of("allocation", "2000");

    @BeforeEach
    void startServers() throws Exception {
        telegram = new FakeHttpEndpoint(FakeHttpEndpoint.Reply.ok("{\"ok\":true}"));
        discord = new FakeHttpEndpoint(FakeHttpEndpoint.Reply.status(204, ""));
        ServerSetup smtp = ServerSetupTest.SMTP.dynamicPort();
        smtp.setServerStartupTimeout(15_000);
        mail = new GreenMail(smtp);
        mail.withConfiguration(GreenMailConfiguration.aConfig().withUser("bot@example.com", "botuser", "pw-123"));
        mail.start();
        Path prices = Files.createDirectories(dir.resolve("prices"));
        // TQQQ's December 2025 shape (daily bars, holiday on the 25th); the allocation is $2,000.
        Files.writeString(prices.resolve("TQQQ.csv"), """
                date,open,high,low,close,volume,adj_close
                2025-12-01,53.10,54.20,52.80,53.90,61000000,53.90
                2025-12-02,54.00,55.10,53.70,54.80,58000000,54.80
                2025-12-03,54.90,55.60,54.10,55.20,55000000,55.20
                2025-12-04,55.10,55.40,53.90,54.30,60000000,54.30
                2025-12-05,54.40,55.80,54.20,55.50,52000000,55.50
                2025-12-08,55.60,56.30,55.00,55.90,50000000,55.90
                2025-12-09,55.80,56.00,54.60,54.90,57000000,54.90
                2025-12-10,55.00,56.70,54.80,56.40,66000000,56.40
                2025-12-11,56.30,56.90,55.40,55.70,59000000,55.70
                2025-12-12,55.60,55.90,52.90,53.20,82000000,53.20
                2025-12-15,53.40,53.90,52.10,52.60,71000000,52.60
                2025-12-16,52.70,53.80,52.30,53.50,63000000,53.50
                2025-12-17,53.40,53.60,50.90,51.20,88000000,51.20
                2025-12-18,51.50,53.30,51.30,52.90,74000000,52.90
                2025-12-19,53.00,54.70,52.80,54.40,90000000,54.40
                2025-12-22,54.50,55.30,54.20,55.00,48000000,55.00
                2025-12-23,55.10,55.90,54.80,55.60,45000000,55.60
                2025-12-24,55.70,56.10,55.50,56.00,22000000,56.00
                2025-12-26,56.00,56.20,55.60,55.80,30000000,55.80
                2025-12-29,55.50,55.70,54.60,54.90,41000000,54.90
                2025-12-30,54.80,55.20,54.30,54.70,39000000,54.70
                2025-12-31,54.60,54.90,53.80,54.05,52000000,54.05
                """);
        app = AppContext.open(dir.resolve("data"), prices, 0, true);
    }

    @AfterEach
    void stopAll() {
        if (runtime != null) {
            runtime.close();
        }
        if (app != null) {
            app.close();
        }
        mail.stop();
        telegram.close();
        discord.close();
    }

    private AppConfig config() {
        NotificationSettings notify = new NotificationSettings(false, true, "-100777", true, true, "127.0.0.1",
                mail.getSmtp().getPort(), "botuser", "bot@example.com", "trader@example.com");
        return new AppConfig(BrokerSettings.defaults(), RiskSettings.defaults(),
                List.of(new StrategySettings("monthly-rebalance", true, 1.0, parameters, "monthly-last@close-10m")), notify);
    }

    private Secrets secrets() {
        return new Secrets(dir.resolve(Secrets.FILE_NAME), Map.of(Secrets.TELEGRAM_BOT_TOKEN, "555:tok",
                Secrets.DISCORD_WEBHOOK_URL, discord.baseUrl() + "/api/webhooks/9/hook-token", Secrets.SMTP_PASSWORD, "pw-123"));
    }

    private TradingRuntime open(SimulatedClock clock) {
        runtime = TradingRuntime.open(app, config(), secrets(), clock, null,
                new NotifyOptions(telegram.baseUrl(), Duration.ofSeconds(2), FAST, null));
        // The daily bars only give quotes stamped at a session's close, which the quote guard rightly
        // calls stale at 15:50; a live feed's 15:49 quote (the price the 12-31 row stands for) is pushed.
        clock.at(et("2025-12-31T15:49"), () -> liveQuote(runtime, et("2025-12-31T15:49")));
        return runtime;
    }

    /** Pushes TQQQ's 15:49 quote (last $54.05, a 2-cent spread) to the paper broker, as a live feed would. */
    static void liveQuote(TradingRuntime runtime, Instant at) {
        ((PaperBroker) runtime.broker()).onQuote(new Quote("TQQQ", 54.04, 54.06, 54.05, at));
    }

    /** Runs the simulated day to its end, then stops the scheduler and lets the notifications go out. */
    private void runToEnd(SimulatedClock clock) throws Exception {
        runtime.start();
        assertTrue(clock.awaitEnd(Duration.ofSeconds(60)), "the simulated day did not end");
        runtime.close();
    }

    private List<String> telegramTexts() {
        // The text messages; the reports' charts go to sendPhoto (see telegramPhotos).
        return telegram.requests().stream().filter(r -> r.path().endsWith("/sendMessage")).map(FakeHttpEndpoint.Request::body)
                .toList();
    }

    private List<FakeHttpEndpoint.Request> telegramPhotos() {
        return telegram.requests().stream().filter(r -> r.path().endsWith("/sendPhoto")).toList();
    }

    private List<String> journal(String kind) {
        return app.journal().recent(500).stream().filter(e -> e.kind().equals(kind)).map(JournalEntry::message).toList();
    }

    private static String subject(MimeMessage m) {
        try {
            return m.getSubject();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void theDaysOrderIsPlacedAt1550ExactlyOnceAndEveryChannelIsTold() throws Exception {
        // From the day before: its summary (no trade on the 30th) is where the 31st's day P&L counts from.
        SimulatedClock clock = new SimulatedClock(et("2025-12-30T09:00"), et("2025-12-31T17:00"));
        List<Integer> ordersAt1549 = new CopyOnWriteArrayList<>();
        clock.at(et("2025-12-31T15:48"), () -> ordersAt1549.add(app.orders().recent(10).size()
                + runtime.broker().openOrders().size()));
        open(clock);
        assertEquals(SchedulerState.STOPPED, runtime.status().scheduler());
        assertEquals(DECISION, runtime.status().nextRuns().get("monthly-rebalance").instant());
        assertEquals(et("2025-12-30T16:20"), runtime.status().nextRuns().get("account").instant());

        runToEnd(clock);

        assertEquals(List.of(0), ordersAt1549, "nothing may be sent before 15:50");
        assertEquals(1, runtime.broker().openOrders().size() + ((PaperBroker) runtime.broker()).fills().size());
        List<StoredOrder> orders = app.orders().recent(10);
        assertEquals(1, orders.size(), orders.toString());
        StoredOrder order = orders.get(0);
        assertEquals(DECISION, order.createdAt());
        // floor($2,000 / $54.05) = 37 shares.
        assertEquals("ld-monthly-rebalance-v1-20251231-buy-TQQQ", order.intent().clientOrderId());
        assertEquals(0, new java.math.BigDecimal("37").compareTo(order.intent().quantity()), order.toString());

        String title = "monthly-rebalance: BUY 37 TQQQ";
        List<String> tg = telegramTexts();
        // the 30th's summary and report, the 31st's run, the 31st's summary and report
        assertEquals(5, tg.size(), tg.toString());
        assertTrue(tg.get(0).contains("\"text\":\"Daily summary 2025-12-30: equity $100,000.00, day +$0.00 (+0.00%)"), tg.get(0));
        assertTrue(tg.get(1).contains("\"text\":\"Daily report 2025-12-30\\n\\n# Daily report 2025-12-30"), tg.get(1));
        assertTrue(tg.get(2).contains("\"text\":\"" + title + "\\n\\nRun run at 2025-12-31 15:50 ET for 2025-12-31"), tg.get(2));
        // The limit is the quote's 54.05 plus the strategy's 50 bps offset: 54.32.
        assertTrue(tg.get(2).contains("BUY 37 TQQQ limit $54.32 [ld-monthly-rebalance-v1-20251231-buy-TQQQ]"), tg.get(2));
        // Marketable on arrival, so it fills at the ask, 54.05 x 1.0001 = 54.0554: cash 100,000 - 2,000.05 =
        // 97,999.95; 37 x 54.05 = 1,999.85 held; equity 99,999.80, 0.20 below the 30th's summary.
        String summary = tg.get(3);
        assertTrue(summary.contains("\"text\":\"Daily summary 2025-12-31: equity $99,999.80, day -$0.20 (-0.00%)"), summary);
        assertTrue(summary.contains("Cash $97,999.95"), summary);
        assertTrue(summary.contains("TQQQ 37 @ $54.05 = $1,999.85 (-$0.20)"), summary);
        assertTrue(summary.contains("Regime:\\n  monthly-rebalance: n/a"), summary); // this strategy names no regime
        // The 31st's report: the order, the position under its strategy, the P&L from the 30th's summary, tomorrow's runs.
        String report = tg.get(4);
        assertTrue(report.contains("| P&L this day | -$0.20 (-0.00%) |"), report);
        assertTrue(report.contains("**monthly-rebalance**: value $1,999.85, unrealised P&L -$0.20"), report);
        assertTrue(report.contains("| monthly-rebalance | BUY 37 TQQQ LIMIT |"), report);
        // its schedule is the month's last day: the next trading day only has the summary
        assertTrue(report.contains("## Next runs\\n\\n- 2026-01-02 16:20 account daily-summary"), report);
        assertTrue(!report.contains("**notification**"), "deliveries are not the trader's news: " + report);
        assertTrue(Files.isRegularFile(dir.resolve("data/reports/daily-2025-12-31.md")), "kept in the reports folder");
        assertTrue(Files.isRegularFile(dir.resolve("data/reports/daily-2025-12-31.png")), "with its equity chart");
        // The chart also goes to the channels that take images: a Telegram photo, a Discord attachment.
        List<FakeHttpEndpoint.Request> photos = telegramPhotos();
        assertEquals(1, photos.size(), "the 31st's chart (the 30th's report has one equity point: no chart)");
        assertTrue(telegramPhotos().get(0).body().contains("name=\"photo\""));
        assertTrue(photos.get(0).body().contains("filename=\"daily-2025-12-31.png\"") && photos.get(0).body().contains("PNG"));
        assertTrue(photos.get(0).body().contains("Daily report 2025-12-31"), "captioned with the report's title");
        assertTrue(discord.requests().get(4).contentType().startsWith("multipart/form-data")
                && discord.requests().get(4).body().contains("name=\"files[0]\"; filename=\"daily-2025-12-31.png\""),
                discord.requests().get(4).contentType());
        assertEquals(5, discord.requests().size());
        assertTrue(discord.requests().get(2).body().contains(title), discord.requests().get(2).body());
        MimeMessage[] mails = mail.getReceivedMessages();
        assertEquals(5, mails.length);
        assertEquals("[Leverdesk] " + title, subject(mails[2]));
        assertTrue(GreenMailUtil.getBody(mails[2]).contains("BUY 37 TQQQ limit $54.32"), GreenMailUtil.getBody(mails[2]));

        assertEquals(15, journal(JournalDeliveries.KIND).size(), journal(JournalDeliveries.KIND).toString());
        List<String> jobs = journal(RuntimeEvents.JOB);
        assertEquals(3, jobs.size(), jobs.toString());
        assertTrue(jobs.stream().anyMatch(j -> j.startsWith("monthly-rebalance/run @ 2025-12-31 15:50 ET SUCCEEDED: ")
                && j.contains("1 order(s) placed (buy 37 TQQQ LIMIT")), jobs.toString());
        assertEquals(2, journal(TradingRuntime.SUMMARY_KIND).size());
    }

    @Test
    void aFailingChannelDoesNotStopTheOrderAndIsJournaledAsGivenUp() throws Exception {
        discord.setDefaultReply(FakeHttpEndpoint.Reply.status(500, "{\"message\":\"down\"}"));
        SimulatedClock clock = new SimulatedClock(et("2025-12-31T15:00"), et("2025-12-31T16:10"));
        open(clock);

        runToEnd(clock);

        assertEquals(1, app.orders().recent(10).size());
        assertEquals(2, discord.requests().size(), "one message, tried twice");
        assertEquals(1, telegram.requests().size());
        assertTrue(telegramTexts().get(0).contains("monthly-rebalance: BUY 37 TQQQ"));
        List<String> deliveries = journal(JournalDeliveries.KIND);
        assertTrue(deliveries.stream().anyMatch(d -> d.startsWith("Discord: gave up on ORDERS 'monthly-rebalance: BUY 37 TQQQ'"
                + " after 2 attempt(s)")), deliveries.toString());
        assertTrue(deliveries.stream().anyMatch(d -> d.startsWith("Telegram: sent ORDERS")), deliveries.toString());
    }

    @Test
    void theKillSwitchStopsTheNextJobIsNotifiedAndTheJobIsReportedMissedAfterRelease() throws Exception {
        SimulatedClock clock = new SimulatedClock(et("2025-12-31T15:00"), et("2025-12-31T17:00"));
        List<String> seen = new ArrayList<>();
        clock.at(et("2025-12-31T15:30"), () -> runtime.halt("the user", "testing the kill switch"));
        clock.at(et("2025-12-31T15:31"), () -> seen.add(runtime.status().scheduler() + " " + runtime.status().trading()));
        clock.at(et("2025-12-31T16:10"), () -> runtime.release("the user", "done testing"));
        open(clock);

        runToEnd(clock);

        assertEquals(List.of("HALTED HALTED"), seen);
        assertEquals(TradingState.ACTIVE, runtime.execution().riskGate().state());
        assertEquals(List.of(), app.orders().recent(10), "no order while the kill switch was on");
        List<String> tg = telegramTexts();
        assertTrue(tg.get(0).contains("\"text\":\"Kill switch ENGAGED: trading stopped\\n\\nEngaged by the user at"
                + " 2025-12-31 15:30 ET\\nReason: testing the kill switch"), tg.get(0));
        assertTrue(tg.get(1).contains("\"text\":\"Kill switch released: trading resumes"), tg.get(1));
        assertTrue(tg.get(2).contains("\"text\":\"Missed run: monthly-rebalance run at 15:50 ET"), tg.get(2));
        assertTrue(tg.get(3).contains("Daily summary 2025-12-31"), tg.get(3)); // 16:20, after the release
        // the day's report names the halt and the release among its events
        assertTrue(tg.get(4).contains("**trading-state**: trading state ACTIVE -> HALTED: kill switch engaged by the user"), tg.get(4));
        assertEquals(5, tg.size(), tg.toString());
        assertEquals(List.of("missed monthly-rebalance/run planned 2025-12-31 15:50 ET: its window closed at 2025-12-31 16:00 ET"
                + " before it could start (the app was closed, the machine slept, or the scheduler was paused or halted)"),
                journal(RuntimeEvents.JOB_MISSED));
    }

    @Test
    void aRunMissedWhileTheMachineSleptIsNotifiedAndJournaledNotRunLate() throws Exception {
        SimulatedClock clock = new SimulatedClock(et("2025-12-31T15:00"), et("2025-12-31T16:15"));
        clock.at(et("2025-12-31T15:40"), () -> clock.set(et("2025-12-31T16:05"))); // slept through 15:50
        open(clock);

        runToEnd(clock);

        assertEquals(List.of(), app.orders().recent(10));
        List<String> tg = telegramTexts();
        assertEquals(1, tg.size(), tg.toString());
        assertTrue(tg.get(0).contains("\"text\":\"Missed run: monthly-rebalance run at 15:50 ET\\n\\nScheduled for"
                + " 2025-12-31 15:50 ET, noticed at 2025-12-31 16:05 ET"), tg.get(0));
        assertEquals(1, mail.getReceivedMessages().length);
        assertEquals("[Leverdesk] Missed run: monthly-rebalance run at 15:50 ET", subject(mail.getReceivedMessages()[0]));
        assertEquals(1, journal(RuntimeEvents.JOB_MISSED).size());
    }

    @Test
    void aFailingJobIsJournaledAndSentAsAnError() throws Exception {
        parameters = Map.of("allocation", "lots");
        SimulatedClock clock = new SimulatedClock(et("2025-12-31T15:00"), et("2025-12-31T16:10"));
        open(clock);

        runToEnd(clock);

        assertEquals(List.of(), app.orders().recent(10));
        List<String> tg = telegramTexts();
        assertEquals(1, tg.size(), tg.toString());
        assertTrue(tg.get(0).contains("\"text\":\"Error in monthly-rebalance: scheduled job run for 2025-12-31\\n\\n"), tg.get(0));
        assertTrue(tg.get(0).contains("lots"), tg.get(0));
        List<String> failed = journal(RuntimeEvents.JOB_FAILED);
        assertEquals(1, failed.size());
        assertTrue(failed.get(0).startsWith("monthly-rebalance/run @ 2025-12-31 15:50 ET failed: "), failed.get(0));
        assertTrue(journal(RuntimeEvents.JOB).get(0).startsWith("monthly-rebalance/run @ 2025-12-31 15:50 ET FAILED: "));
    }

    @Test
    void aRunDueWhilePausedRunsOnceOnResumeWhileItsWindowIsOpen() throws Exception {
        SimulatedClock clock = new SimulatedClock(et("2025-12-31T15:00"), et("2025-12-31T16:10"));
        List<String> states = new CopyOnWriteArrayList<>();
        clock.at(et("2025-12-31T15:30"), () -> runtime.pause());
        clock.at(et("2025-12-31T15:52"), () -> states.add(runtime.status().scheduler().name()));
        clock.at(et("2025-12-31T15:55"), () -> runtime.resume());
        open(clock);

        runToEnd(clock);

        assertEquals(List.of("PAUSED"), states);
        List<StoredOrder> orders = app.orders().recent(10);
        assertEquals(1, orders.size());
        assertEquals(et("2025-12-31T15:55"), orders.get(0).createdAt(), "run late, once, within the session");
        assertTrue(telegramTexts().get(0).contains("Run run at 2025-12-31 15:55 ET for 2025-12-31"), telegramTexts().get(0));
    }

    @Test
    void aSecondRuntimeOnTheSameStoreIsRefusedNamingTheHolder() {
        SimulatedClock clock = new SimulatedClock(et("2025-12-31T15:00"), et("2025-12-31T15:10"));
        open(clock);
        SchedulerLockedException e = assertThrows(SchedulerLockedException.class, () -> TradingRuntime.open(app, config(),
                secrets(), clock, null, NotifyOptions.defaults()));
        assertTrue(e.getMessage().startsWith("another Leverdesk scheduler is running on this store (pid "
                + ProcessHandle.current().pid()), e.getMessage());
        runtime.close();
        runtime = null;
        SchedulerLock.acquire(app.dataDirectory(), clock.now()).close(); // released on close
        assertFalse(Files.exists(dir.resolve("nothing")));
    }
}
