package org.leverdesk.broker.alpaca;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.leverdesk.config.AlpacaEndpoint;

/** The first-run dialog's key check: one real account call, one line saying what it found. */
class AlpacaKeyCheckTest {
    private final FakeAlpacaServer server = FakeAlpacaServer.start();

    @AfterEach
    void stop() {
        server.close();
    }

    private AlpacaSettings keys(String keyId, String secret) {
        return new AlpacaSettings(AlpacaEndpoint.PAPER, keyId, secret, server.baseUrl(), 190, Duration.ofSeconds(2), 2,
                Duration.ofMillis(20), Duration.ofMillis(40));
    }

    @Test
    void rightKeysNameTheAccountAndItsEquity() {
        AlpacaKeyCheck.Result r = AlpacaKeyCheck.check(server.settings());
        assertTrue(r.ok());
        assertEquals("connected to Alpaca paper account PA3KX7Q1TEST, equity $100,000.00", r.message());
        assertEquals(1, server.count("GET", "/v2/account"));
    }

    @Test
    void equityAfterATradeIsShownWithCents() {
        server.setQuote("QQQ", 400.00, 400.10);
        try (AlpacaBroker broker = AlpacaBroker.create(server.settings())) {
            broker.submit(new org.leverdesk.broker.OrderRequest("k-1", "QQQ", org.leverdesk.domain.Side.BUY,
                    java.math.BigDecimal.TEN, org.leverdesk.domain.OrderType.MARKET, org.leverdesk.domain.TimeInForce.DAY,
                    null, null));
        }
        server.settle(); // Alpaca fills a market order a moment after answering it
        // 100,000 - 10 x 400.10 + 10 x 400.05
        assertEquals("connected to Alpaca paper account PA3KX7Q1TEST, equity $99,999.50",
                AlpacaKeyCheck.check(server.settings()).message());
    }

    @Test
    void wrongSecretSaysTheKeysAreWrong() {
        AlpacaKeyCheck.Result r = AlpacaKeyCheck.check(keys(FakeAlpacaServer.KEY_ID, "wrong"));
        assertFalse(r.ok());
        assertTrue(r.message().startsWith("the key id or secret is wrong; "), r.message());
        assertTrue(r.message().contains("paper keys only work on the paper endpoint"), r.message());
        assertFalse(r.message().contains("\n"));
    }

    @Test
    void unreachableServerSaysSoInOneLine() {
        AlpacaSettings settings = keys(FakeAlpacaServer.KEY_ID, FakeAlpacaServer.SECRET_KEY);
        server.close();
        AlpacaKeyCheck.Result r = AlpacaKeyCheck.check(settings);
        assertFalse(r.ok());
        assertTrue(r.message().contains("Alpaca could not be reached"), r.message());
        assertFalse(r.message().contains("\n"));
    }

    @Test
    void serverErrorIsReportedWithAlpacasMessage() {
        server.inject("GET", "/v2/account", FakeAlpacaServer.Fault.SERVER_ERROR, 5);
        AlpacaKeyCheck.Result r = AlpacaKeyCheck.check(keys(FakeAlpacaServer.KEY_ID, FakeAlpacaServer.SECRET_KEY));
        assertFalse(r.ok());
        assertEquals("Alpaca answered HTTP 500 (internal server error occurred); try again later or check Alpaca's status page",
                r.message());
    }

    @Test
    void missingKeysAreRefusedBeforeAnyCall() {
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> AlpacaSettings.of(AlpacaEndpoint.PAPER, "", "x"));
        assertTrue(e.getMessage().contains("ALPACA_KEY_ID and ALPACA_SECRET_KEY"), e.getMessage());
    }
}
