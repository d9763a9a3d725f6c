package org.leverdesk.store;

import org.leverdesk.domain.TradingMode;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.leverdesk.domain.Decision;
import org.leverdesk.domain.Explanation;
import org.leverdesk.domain.GateResult;
import org.leverdesk.domain.Target;

class DecisionRepositoryTest {
    private static final Instant NOW = Instant.parse("2026-03-02T20:50:00Z");
    private static final LocalDate MON = LocalDate.of(2026, 3, 2);
    private static final LocalDate TUE = LocalDate.of(2026, 3, 3);
    private static final LocalDate WED = LocalDate.of(2026, 3, 4);

    @TempDir
    Path dir;
    private Store store;
    private DecisionRepository repo;

    @BeforeEach
    void open() {
        store = Store.open(dir);
        repo = new DecisionRepository(store, Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @AfterEach
    void close() {
        store.close();
    }

    private static Decision decision(LocalDate day, String strategy) {
        Map<String, Double> signals = new LinkedHashMap<>();
        signals.put("close", 512.25);
        signals.put("sma200", 480.0);
        signals.put("rsi14", Double.NaN); // not warmed up yet
        return new Decision(day, strategy, true, List.of(new Target("TQQQ", 120), new Target("SQQQ", 0)),
                new Explanation("switch to TQQQ: QQQ above its 200-day average", signals,
                        List.of(GateResult.pass("trend", "close=512.25 sma200=480.0", "close above average"),
                                GateResult.fail("volatility", "vix=31.2", "VIX above 30")),
                        "BULL"));
    }

    @Test
    void decisionRoundTripsWithSignalsInOrderGatesAndTargets() {
        Decision d = decision(MON, "lev-trend");
        long id = repo.save(d, TradingMode.PAPER, null);
        List<StoredDecision> out = repo.list("lev-trend", MON, MON);
        assertEquals(List.of(new StoredDecision(id, TradingMode.PAPER, null, NOW, d)), out);
        assertEquals(List.of("close", "sma200", "rsi14"), List.copyOf(out.get(0).decision().explanation().signals().keySet()));
        assertTrue(Double.isNaN(out.get(0).decision().explanation().signals().get("rsi14")));
    }

    @Test
    void targetStopPricesRoundTrip() {
        Decision d = new Decision(MON, "rsi2", true, List.of(new Target("TQQQ", 857, 9.975), new Target("SQQQ", 0)),
                Explanation.of("entry 857 TQQQ at 10.5: RSI(2) 0 ≤ 30, stop 9.975"));
        repo.save(d, TradingMode.PAPER, null);
        Decision back = repo.list("rsi2", MON, MON).get(0).decision();
        assertEquals(d, back);
        assertEquals(9.975, back.targets().get(0).stopPrice(), 0);
        assertTrue(Double.isNaN(back.targets().get(1).stopPrice()));
    }

    @Test
    void holdDecisionWithoutRegimeRoundTrips() {
        Decision hold = Decision.hold(TUE, "lev-trend", "no change: still above average");
        repo.save(hold, TradingMode.LIVE, null);
        assertEquals(hold, repo.list("lev-trend", TUE, TUE).get(0).decision());
    }

    @Test
    void listFiltersByStrategyAndInclusiveDayRangeOrderedByDay() {
        long wed = repo.save(decision(WED, "lev-trend"), TradingMode.PAPER, null);
        long mon = repo.save(decision(MON, "lev-trend"), TradingMode.PAPER, null);
        long tue = repo.save(decision(TUE, "lev-trend"), TradingMode.LIVE, null);
        repo.save(decision(TUE, "other"), TradingMode.PAPER, null);
        assertEquals(List.of(mon, tue, wed), repo.list("lev-trend", MON, WED).stream().map(StoredDecision::id).toList());
        assertEquals(List.of(tue, wed), repo.list("lev-trend", TUE, WED.plusDays(3)).stream().map(StoredDecision::id).toList());
    }

    @Test
    void latestIsTheNewestDayOfThatStrategyOnly() {
        assertTrue(repo.latest("regime").isEmpty());
        repo.save(decision(TUE, "regime"), TradingMode.PAPER, null);
        repo.save(decision(WED, "rsi2"), TradingMode.PAPER, null);
        repo.save(decision(MON, "regime"), TradingMode.PAPER, null);
        assertEquals(TUE, repo.latest("regime").orElseThrow().decision().date());
        assertEquals(WED, repo.latest("rsi2").orElseThrow().decision().date());
    }

    @Test
    void versionIdLinksToAStoredStrategyVersion() {
        long versionId = store.inTransaction("seed", c -> {
            c.createStatement().executeUpdate("INSERT INTO strategy_configs VALUES ('lev-trend', 'Leveraged trend', CURRENT_TIMESTAMP)");
            c.createStatement().executeUpdate("INSERT INTO strategy_versions (id, strategy_id, version, created_by, created_at,"
                    + " parameters_json, active) VALUES (7, 'lev-trend', 1, 'user', CURRENT_TIMESTAMP, '{\"slow\":\"200\"}', TRUE)");
            return 7L;
        });
        repo.save(decision(MON, "lev-trend"), TradingMode.LIVE, versionId);
        assertEquals(7L, repo.list("lev-trend", MON, MON).get(0).versionId());
        // A version id that does not exist is refused by the foreign key.
        assertThrows(StoreException.class, () -> repo.save(decision(TUE, "lev-trend"), TradingMode.LIVE, 8L));
    }
}
