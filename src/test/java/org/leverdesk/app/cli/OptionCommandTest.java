package org.leverdesk.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.leverdesk.app.context.AppContext;
import org.leverdesk.app.context.Brokers;
import org.leverdesk.app.context.StoreOwner;
import org.leverdesk.app.control.ControlServer;
import org.leverdesk.broker.OrderRequest;
import org.leverdesk.broker.alpaca.AlpacaBroker;
import org.leverdesk.broker.alpaca.FakeAlpacaServer;
import org.leverdesk.config.ConfigFile;
import org.leverdesk.domain.OrderType;
import org.leverdesk.domain.Side;
import org.leverdesk.domain.TimeInForce;
import org.leverdesk.options.contract.OptionContract;
import org.leverdesk.options.contract.OptionRight;
import org.leverdesk.store.JournalEntry;
import org.leverdesk.store.JournalQuery;

/**
 * {@code leverdesk option exercise} and {@code option do-not-exercise} against the fake Alpaca server: run here on a
 * store nobody owns, and forwarded over the control channel to the process that owns the store; the one-line errors
 * for a contract not held, a short, a non-OCC symbol, the paper broker and Alpaca's refusal; the journal's entries.
 */
class OptionCommandTest {
    private static final LocalDate EXPIRY = LocalDate.of(2026, 3, 20);
    private static final String CALL_490 = OptionContract.of("QQQ", EXPIRY, OptionRight.CALL, "490").occSymbol();
    private static final String CALL_500 = OptionContract.of("QQQ", EXPIRY, OptionRight.CALL, "500").occSymbol();
    private static final String PUT_480 = OptionContract.of("QQQ", EXPIRY, OptionRight.PUT, "480").occSymbol();

    @TempDir
    Path tmp;

    private FakeAlpacaServer server;
    private AlpacaBroker broker;
    private Path config;
    private Path data;

    @BeforeEach
    void start() throws Exception {
        // The Alpaca keys must come from the secrets file next to the config, not from the machine's environment.
        Assumptions.assumeTrue(System.getenv("ALPACA_KEY_ID") == null, "ALPACA_KEY_ID is set in the environment");
        server = FakeAlpacaServer.start();
        broker = AlpacaBroker.create(server.settings());
        server.setQuote("QQQ", 489.99, 490.01);
        server.setQuote(CALL_490, 6.00, 6.20);
        server.setQuote(CALL_500, 1.50, 1.60);
        server.setQuote(PUT_480, 2.00, 2.10);
        System.setProperty(Brokers.ALPACA_URL_PROPERTY, server.baseUrl().toString());
        config = tmp.resolve("etc/config.json");
        Files.createDirectories(config.getParent());
        Files.writeString(config, "{\"broker\": {\"kind\": \"ALPACA\", \"alpacaEndpoint\": \"PAPER\"}}");
        Path secrets = config.resolveSibling("secrets.properties");
        Files.writeString(secrets, "ALPACA_KEY_ID=" + FakeAlpacaServer.KEY_ID + "\nALPACA_SECRET_KEY="
                + FakeAlpacaServer.SECRET_KEY + "\n");
        Files.setPosixFilePermissions(secrets, PosixFilePermissions.fromString("rw-------"));
        data = tmp.resolve("data");
    }

    @AfterEach
    void stop() {
        System.clearProperty(Brokers.ALPACA_URL_PROPERTY);
        if (broker != null) {
            broker.close();
            server.close();
        }
    }

    private void buy(String id, String symbol, Side side) {
        broker.submit(new OrderRequest(id, symbol, side, BigDecimal.ONE, OrderType.MARKET, TimeInForce.DAY, null, null));
        server.settle();
    }

    private CliRun cli(String... head) {
        CliRun c = new CliRun();
        c.run(with(head, "--data-dir", data.toString(), "--create", "--config", config.toString()));
        return c;
    }

    private static String[] with(String[] head, String... tail) {
        String[] all = java.util.Arrays.copyOf(head, head.length + tail.length);
        System.arraycopy(tail, 0, all, head.length, tail.length);
        return all;
    }

    private List<String> journal(AppContext app) {
        return app.journal().find(new JournalQuery(null, OptionInstructionCommand.KIND, null, null, null, null, 20)).stream()
                .map(JournalEntry::message).sorted().toList();
    }

    private List<String> journal() {
        try (AppContext app = AppContext.open(data, null, 0, true)) {
            return journal(app);
        }
    }

    @Test
    void exerciseOnAStoreNobodyOwnsBuysTheSharesAtTheStrikeAndIsJournalled() {
        buy("ex-1", CALL_490, Side.BUY);
        CliRun run = cli("option", "exercise", "QQQ260320C00490000");
        assertEquals(0, run.code, run.out + " " + run.err);
        assertEquals("exercise sent: QQQ   260320C00490000, 1 contract at alpaca-paper; buys 100 QQQ at 490; recorded from"
                + " Alpaca's OPEXC activity at the next run or 'leverdesk reconcile'\n", run.out.toString());
        assertEquals(0, new BigDecimal("100").compareTo(server.held("QQQ")));
        assertEquals(0, BigDecimal.ZERO.compareTo(server.held(CALL_490)));
        // 100,000 − 620 (the call at the ask × 100) − 49,000 (100 shares at the strike)
        assertEquals(0, new BigDecimal("50380").compareTo(broker.account().cash()));
        assertEquals(1, server.count("POST", "/v2/positions/QQQ260320C00490000/exercise"));
        assertEquals(List.of("exercise QQQ   260320C00490000 (1 contract) at alpaca-paper: accepted",
                "exercise QQQ   260320C00490000 (1 contract) at alpaca-paper: sending (by cli)"), journal());
    }

    @Test
    void aContractNotHeldAShortAndAShareAreOneLineErrorsAndNothingIsSent() {
        buy("ex-2", CALL_500, Side.BUY);
        CliRun none = cli("option", "exercise", CALL_490);
        assertEquals(2, none.code);
        assertEquals("error: QQQ   260320C00490000 is not an option position at alpaca-paper (options held: QQQ   260320C00500000 1)",
                none.err.toString().strip());
        buy("ex-3", PUT_480, Side.SELL);
        CliRun shortPut = cli("option", "do-not-exercise", PUT_480);
        assertEquals(2, shortPut.code);
        assertEquals("error: QQQ   260320P00480000 is a short position at alpaca-paper (-1): only the holder can"
                + " do-not-exercise; a short is assigned, not exercised", shortPut.err.toString().strip());
        CliRun share = cli("option", "exercise", "QQQ");
        assertEquals(2, share.code);
        assertEquals("error: 'QQQ' is not an OCC option symbol (e.g. QQQ260320C00490000); 'leverdesk positions' lists what is"
                + " held", share.err.toString().strip());
        assertEquals(0, server.count("POST", "/v2/positions/"));
        assertEquals(List.of(), journal());
    }

    @Test
    void alpacasRefusalIsPrintedInOneLineAndJournalled() {
        buy("ex-4", CALL_490, Side.BUY);
        server.setRejectReason("options exercise is not allowed for this account");
        server.inject("POST", "/v2/positions/", FakeAlpacaServer.Fault.REJECT, 1);
        CliRun run = cli("option", "exercise", CALL_490);
        assertEquals(2, run.code);
        assertEquals("error: exercise QQQ260320C00490000 was refused by Alpaca (HTTP 403): options exercise is not allowed"
                + " for this account", run.err.toString().strip());
        assertEquals(0, BigDecimal.ONE.compareTo(server.held(CALL_490)));
        assertEquals(List.of("exercise QQQ   260320C00490000 (1 contract) at alpaca-paper: refused: exercise"
                        + " QQQ260320C00490000 was refused by Alpaca (HTTP 403): options exercise is not allowed for this account",
                "exercise QQQ   260320C00490000 (1 contract) at alpaca-paper: sending (by cli)"), journal());
    }

    @Test
    void theLiveAccountNeedsConfirmLive() throws Exception {
        buy("ex-6", CALL_490, Side.BUY);
        Files.writeString(config, "{\"broker\": {\"kind\": \"ALPACA\", \"alpacaEndpoint\": \"LIVE\"}}");
        CliRun run = cli("option", "exercise", CALL_490);
        assertEquals(1, run.code, run.out + " " + run.err);
        assertEquals("not sent: the account is Alpaca's live one; add --confirm-live to exercise QQQ   260320C00490000\n",
                run.out.toString());
        assertEquals(0, server.count("POST", "/v2/positions/"));
        CliRun confirmed = cli("option", "exercise", CALL_490, "--confirm-live");
        assertEquals(0, confirmed.code, confirmed.out + " " + confirmed.err);
        assertEquals(0, new BigDecimal("100").compareTo(server.held("QQQ")));
    }

    @Test
    void thePaperBrokerExercisesOnlyWhatItHoldsAndHasNoDoNotExercise() throws Exception {
        Files.writeString(config, "{\"broker\": {\"kind\": \"PAPER\"}}");
        CliRun run = cli("option", "exercise", CALL_490);
        assertEquals(2, run.code);
        assertEquals("error: QQQ   260320C00490000 is not held; only a held long option can be exercised", run.err.toString().strip());
        CliRun not = cli("option", "do-not-exercise", CALL_490);
        assertEquals(2, not.code);
        assertEquals("error: do-not-exercise is only available on Alpaca accounts: the paper broker exercises a long option in"
                + " the money by $0.01 or more at expiry; sell it before the close of its expiry day instead", not.err.toString().strip());
    }

    @Test
    void whileAnotherProcessOwnsTheStoreTheInstructionIsSentThereAndDoneWithItsBroker() throws Exception {
        buy("ex-5", CALL_500, Side.BUY);
        try (AppContext owner = AppContext.open(data, null, 0, true);
             ControlServer channel = ControlServer.start(data, argv -> {
                 // The owner's side, as the daemon serves it: its store, its config.
                 try (AutoCloseable registered = StoreOwner.register(new StoreOwner(data, "daemon", owner,
                         new ConfigFile(config), null, "no trading runtime in this test"))) {
                     return ControlCommands.run(argv);
                 } catch (Exception e) {
                     throw new IllegalStateException(e);
                 }
             })) {
            CliRun run = cli("option", "do-not-exercise", "QQQ260320C00500000");
            assertEquals(0, run.code, run.out + " " + run.err);
            assertEquals("do-not-exercise sent: QQQ   260320C00500000, 1 contract at alpaca-paper; it expires worthless on"
                    + " 2026-03-20 even in the money (Alpaca's OPEXP activity)\n", run.out.toString());
            assertEquals(List.of("do-not-exercise QQQ   260320C00500000 (1 contract) at alpaca-paper: accepted",
                    "do-not-exercise QQQ   260320C00500000 (1 contract) at alpaca-paper: sending (by cli)"), journal(owner));
        }
        assertEquals(1, server.count("POST", "/v2/positions/QQQ260320C00500000/do-not-exercise"));
        server.expireOptions(EXPIRY, "QQQ", 510.00);
        assertEquals(0, BigDecimal.ZERO.compareTo(server.held(CALL_500)), "told not to exercise: expired in the money");
        assertEquals(0, BigDecimal.ZERO.compareTo(server.held("QQQ")), "no shares delivered");
    }
}
