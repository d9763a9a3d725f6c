package org.leverdesk.broker.alpaca;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.leverdesk.options.chain.ChainFilter;
import org.leverdesk.options.chain.OptionChain;
import org.leverdesk.options.contract.OptionContract;
import org.leverdesk.options.contract.OptionRight;
import org.leverdesk.options.data.OptionMarketFiles;
import org.leverdesk.options.market.RiskFreeRate;

/**
 * Alpaca's chains carry no rate: the strategies' chain ({@link AlpacaOptionMarket}) takes the stored DGS3MO T-bill rate
 * of the day, as the synthetic chains do; the 3% fallback only without one (no file, or a value older than 10 days),
 * and its label says so. Hand-checked: 4.20% bond-equivalent is ln(1 + 0.042 × 91/365) × 365/91 = 4.1782% continuous.
 */
class AlpacaChainRateTest {
    private static final LocalDate DAY = LocalDate.of(2026, 3, 4);
    private static final LocalDate EXPIRY = LocalDate.of(2026, 3, 20);
    private static final String PUT_480 = OptionContract.of("QQQ", EXPIRY, OptionRight.PUT, "480").occSymbol();
    private static final String CALL_490 = OptionContract.of("QQQ", EXPIRY, OptionRight.CALL, "490").occSymbol();

    @TempDir
    Path tmp;

    private FakeAlpacaServer server;
    private AlpacaBroker broker;

    @BeforeEach
    void start() {
        server = FakeAlpacaServer.start();
        broker = AlpacaBroker.create(server.settings());
        server.setQuote("QQQ", 489.99, 490.01);
        server.setQuote(PUT_480, 2.00, 2.10);
        server.setQuote(CALL_490, 6.00, 6.20);
        server.setGreeks(PUT_480, 0.21, -0.30, 0.012, -0.25, 0.45, -0.07);
        server.setGreeks(CALL_490, 0.19, 0.52, 0.015, -0.30, 0.50, 0.10);
    }

    @AfterEach
    void stop() {
        broker.close();
        server.close();
    }

    /** DGS3MO.csv in a rates folder beside the prices, as the synthetic chains read it. */
    private RiskFreeRate rates(String csv) throws Exception {
        Path prices = Files.createDirectories(tmp.resolve("data/prices"));
        Path file = Files.createDirectories(tmp.resolve("data/rates")).resolve("DGS3MO.csv");
        Files.writeString(file, csv);
        return OptionMarketFiles.treasuryBillRates(OptionMarketFiles.besidePrices(prices));
    }

    @Test
    void theStoredTBillRateOfTheDayIsTheChainsRate() throws Exception {
        RiskFreeRate rates = rates("date,rate_percent\n2026-03-02,4.25\n2026-03-03,4.20\n");
        OptionChain chain = new AlpacaOptionMarket(broker.options(), DAY, rates).chain("QQQ", 490, new ChainFilter(7, 30, 4, 5))
                .orElseThrow();
        RiskFreeRate.Observation r = chain.inputs().rate();
        assertEquals("DGS3MO", r.source());
        assertEquals(LocalDate.of(2026, 3, 3), r.observed(), "the latest value on or before the day");
        assertEquals(Math.log1p(0.042 * 91 / 365.0) * 365 / 91, r.continuous(), 1e-15);
        assertEquals(0.041782, r.continuous(), 5e-7);
        // a held contract's quote reads the same chain and rate
        assertTrue(new AlpacaOptionMarket(broker.options(), DAY, rates).quote(OptionContract.parse(PUT_480), 490).isPresent());
    }

    @Test
    void withoutAStoredRateTheFallbackIsLabelled() throws Exception {
        OptionChain none = new AlpacaOptionMarket(broker.options(), DAY).chain("QQQ", 490, new ChainFilter(7, 30, 4, 5)).orElseThrow();
        assertEquals(0.03, none.inputs().rate().continuous());
        assertNull(none.inputs().rate().observed());
        assertEquals("fallback 3%: Alpaca's chain gives no rate and no DGS3MO T-bill rate is stored for the day",
                none.inputs().rate().source());
        // a file whose last value is more than 10 days old is no rate for the day either
        RiskFreeRate stale = rates("date,rate_percent\n2026-02-13,4.30\n");
        OptionChain old = new AlpacaOptionMarket(broker.options(), DAY, stale).chain("QQQ", 490, new ChainFilter(7, 30, 4, 5))
                .orElseThrow();
        assertTrue(old.inputs().rate().isFallback());
        assertTrue(old.inputs().rate().source().startsWith("fallback 3%"), old.inputs().rate().source());
        // no file beside the prices: the constant, and the chain says fallback
        assertTrue(OptionMarketFiles.treasuryBillRates(OptionMarketFiles.besidePrices(tmp.resolve("nowhere"))).on(DAY).isFallback());
    }
}
