package org.leverdesk.risk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.leverdesk.domain.Side;
import org.leverdesk.store.JournalEntry;
import org.leverdesk.store.JournalRepository;
import org.leverdesk.store.Store;
import org.leverdesk.store.TradingStateRepository;

class RiskGateTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-05T20:50:00Z"), ZoneOffset.UTC);

    @TempDir
    Path dir;
    private Store store;
    private JournalRepository journal;
    private RiskGate gate;

    @BeforeEach
    void open() {
        store = Store.open(dir);
        journal = new JournalRepository(store, CLOCK);
        gate = new RiskGate(new TradingStateRepository(store, CLOCK), journal);
    }

    @AfterEach
    void close() {
        store.close();
    }

    private List<JournalEntry> kind(String kind) {
        return journal.recent(100).stream().filter(e -> e.kind().equals(kind)).toList();
    }

    @Test
    void aFreshStoreIsActiveAndLetsEverythingThrough() {
        assertEquals(TradingState.ACTIVE, gate.state());
        assertTrue(gate.check("regime", "id-1", "TQQQ", Side.BUY, 100, 0).allowed());
        assertTrue(gate.check("regime", "id-2", "TQQQ", Side.SELL, 100, 0).allowed(), "opening a short is not gated in ACTIVE");
        assertTrue(kind("risk-denied").isEmpty());
    }

    @Test
    void haltedOnlyLetsClosingOrdersThroughAndRecordsEachDenial() {
        gate.setState(TradingState.HALTED, "kill switch pressed");
        assertTrue(gate.check("regime", "id-1", "TQQQ", Side.SELL, 10, 10).allowed(), "closing a long passes");
        assertTrue(gate.check("regime", "id-2", "SQQQ", Side.BUY, 5, -5).allowed(), "closing a short passes");
        GateVerdict buy = gate.check("regime", "id-3", "TQQQ", Side.BUY, 10, 10);
        assertFalse(buy.allowed());
        assertEquals("trading is HALTED (kill switch): only cancels and closing orders pass, not buy 10 TQQQ (holding 10)",
                buy.reason());
        assertFalse(gate.check("regime", "id-4", "TQQQ", Side.SELL, 20, 10).allowed(), "selling past flat opens a short");
        List<JournalEntry> denied = kind("risk-denied");
        assertEquals(2, denied.size());
        assertEquals("id-4: trading is HALTED (kill switch): only cancels and closing orders pass, not sell 20 TQQQ (holding 10)",
                denied.get(0).message());
        assertEquals("regime", denied.get(0).strategyId());
        assertTrue(denied.get(0).detailsJson().contains("\"clientOrderId\":\"id-4\""), denied.get(0).detailsJson());
        assertEquals(1, kind("trading-state").size());
    }

    @Test
    void reducingLetsPartialSellsThroughButNoBuys() {
        gate.setState(TradingState.REDUCING, "winding down");
        assertTrue(gate.check("regime", "id-1", "TQQQ", Side.SELL, 4, 10).allowed());
        GateVerdict buy = gate.check("regime", "id-2", "TQQQ", Side.BUY, 1, 10);
        assertFalse(buy.allowed());
        assertEquals("trading is REDUCING: only position-reducing orders pass, not buy 1 TQQQ (holding 10)", buy.reason());
        assertFalse(gate.check("regime", "id-3", "QQQ", Side.SELL, 1, 0).allowed(), "nothing to reduce when flat");
    }

    @Test
    void evaluatingForADryRunRecordsNothing() {
        gate.setState(TradingState.HALTED, "kill switch");
        assertFalse(gate.evaluate("TQQQ", Side.BUY, 1, 0).allowed());
        assertTrue(kind("risk-denied").isEmpty());
    }

    @Test
    void theStateSurvivesARestart() {
        gate.setState(TradingState.HALTED, "kill switch");
        store.close();
        store = Store.open(dir);
        RiskGate reopened = new RiskGate(new TradingStateRepository(store, CLOCK), new JournalRepository(store, CLOCK));
        assertEquals(TradingState.HALTED, reopened.state());
        reopened.setState(TradingState.ACTIVE, "resumed");
        assertEquals(TradingState.ACTIVE, reopened.state());
    }
}
