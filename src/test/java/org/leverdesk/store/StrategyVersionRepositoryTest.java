package org.leverdesk.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.leverdesk.strategy.catalog.ParameterChange;
import org.leverdesk.strategy.catalog.StrategyCatalog;
import org.leverdesk.strategy.catalog.StrategyVersion;

class StrategyVersionRepositoryTest {
    private static final Instant T1 = Instant.parse("2025-03-04T15:50:00Z");
    private static final String RSI2 = "rsi2";
    private static final String REBALANCE = "monthly-rebalance";

    @TempDir
    Path dir;
    private Store store;
    private StrategyVersionRepository repo;

    @BeforeEach
    void open() {
        store = Store.open(dir);
        repo = new StrategyVersionRepository(store, Clock.fixed(T1, ZoneOffset.UTC), StrategyCatalog.builtIn());
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void theFirstVersionIsTheActiveDefaultsCreatedOnFirstUse() {
        List<StrategyVersion> versions = repo.list(REBALANCE);
        assertEquals(1, versions.size());
        StrategyVersion v = versions.get(0);
        assertEquals(1, v.number());
        assertNull(v.parentId());
        assertEquals("defaults", v.createdBy());
        assertEquals(T1, v.createdAt());
        assertTrue(v.active());
        assertEquals(Map.of("allocation", "2000", "limitOffsetBps", "50", "orderStyle", "limit"), v.parameters());
        assertEquals(v, repo.active(REBALANCE));
        assertEquals(1, repo.list(REBALANCE).size(), "listing again creates nothing");
    }

    @Test
    void savingChangedParametersCreatesAChildOfTheActiveVersionStoredAsCanonicalJson() throws Exception {
        StrategyVersion defaults = repo.active(RSI2);
        StrategyVersion v = repo.save(RSI2, Map.of("entryRsi", " 25.0 ", "smaFilter", "TRUE"), null, "user");
        assertEquals(2, v.number());
        assertEquals(defaults.id(), v.parentId());
        assertEquals("user", v.createdBy());
        assertFalse(v.active(), "a new version waits to be made active");
        assertEquals("25", v.parameters().get("entryRsi"));
        assertEquals("true", v.parameters().get("smaFilter"));
        assertEquals("75", v.parameters().get("exitRsi"), "missing parameters take the defaults");
        assertEquals(defaults.parameters().keySet(), v.parameters().keySet());
        String json = store.read("read", c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT parameters_json FROM strategy_versions WHERE id = ?")) {
                ps.setLong(1, v.id());
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getString(1);
                }
            }
        });
        assertTrue(json.startsWith("{\"bollingerDays\":\"20\",\"bollingerFilter\":\"false\","), json);
        assertTrue(json.contains("\"entryRsi\":\"25\",\"exitRsi\":\"75\","), json);
        assertEquals(List.of(v.id(), defaults.id()), repo.list(RSI2).stream().map(StrategyVersion::id).toList(),
                "newest first");
    }

    @Test
    void identicalParametersCreateNothingAndReturnTheExistingVersion() {
        StrategyVersion defaults = repo.active(RSI2);
        assertEquals(defaults.id(), repo.save(RSI2, Map.of(), null, "user").id());
        assertEquals(defaults.id(), repo.save(RSI2, Map.of("entryRsi", "30.00", "minVolume", "1e6"), null, "cli").id(),
                "the same values in another spelling are the same version");
        StrategyVersion v = repo.save(RSI2, Map.of("entryRsi", "20"), null, "user");
        assertEquals(v.id(), repo.save(RSI2, Map.of("entryRsi", "20"), null, "backtest").id());
        assertEquals(2, repo.list(RSI2).size());
    }

    @Test
    void parentsFormAChainFromTheVersionEachWasDerivedFrom() {
        StrategyVersion v1 = repo.active(REBALANCE);
        StrategyVersion v2 = repo.save(REBALANCE, Map.of("allocation", "3000"), v1.id(), "user");
        StrategyVersion v3 = repo.save(REBALANCE, Map.of("allocation", "3000", "limitOffsetBps", "25"), v2.id(), "research");
        StrategyVersion v4 = repo.save(REBALANCE, Map.of("allocation", "1500"), v1.id(), "user");
        assertEquals(List.of(4, 3, 2, 1), repo.list(REBALANCE).stream().map(StrategyVersion::number).toList());
        assertEquals(v2.id(), v3.parentId());
        assertEquals(v1.id(), v2.parentId());
        assertEquals(v1.id(), v4.parentId(), "a branch from the defaults");
        assertEquals("research", repo.get(v3.id()).orElseThrow().createdBy());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> repo.save(RSI2, Map.of("entryRsi", "10"), v2.id(), "user"));
        assertEquals("parent version " + v2.id() + " belongs to monthly-rebalance, not rsi2", e.getMessage());
    }

    @Test
    void exactlyOneVersionIsActiveAndActivatingMovesIt() {
        StrategyVersion v1 = repo.active(REBALANCE);
        StrategyVersion v2 = repo.save(REBALANCE, Map.of("allocation", "3000"), null, "user");
        StrategyVersion rsiDefaults = repo.active(RSI2);
        assertTrue(repo.activate(v2.id()).active());
        assertEquals(v2.id(), repo.active(REBALANCE).id());
        assertEquals(List.of(true, false), repo.list(REBALANCE).stream().map(StrategyVersion::active).toList());
        assertEquals(rsiDefaults.id(), repo.active(RSI2).id(), "other strategies keep theirs");
        repo.activate(v1.id());
        assertEquals(List.of(false, true), repo.list(REBALANCE).stream().map(StrategyVersion::active).toList());
        repo.activate(v1.id());
        assertEquals(v1.id(), repo.active(REBALANCE).id(), "activating the active version changes nothing");
        assertThrows(IllegalArgumentException.class, () -> repo.activate(999));
    }

    @Test
    void savingTheActiveVersionsParametersAfterActivatingReturnsIt() {
        StrategyVersion v2 = repo.save(REBALANCE, Map.of("allocation", "3000"), null, "user");
        repo.activate(v2.id());
        StrategyVersion v3 = repo.save(REBALANCE, Map.of("allocation", "4000"), null, "user");
        assertEquals(v2.id(), v3.parentId(), "without a parent the new version derives from the active one");
        assertEquals(v2.id(), repo.save(REBALANCE, Map.of("allocation", "3000.0"), null, "user").id());
    }

    @Test
    void diffListsChangedParametersByName() {
        StrategyVersion v1 = repo.active(RSI2);
        StrategyVersion v2 = repo.save(RSI2, Map.of("entryRsi", "25", "hedge", "false", "stopLossPercent", "7.5"), null, "user");
        assertEquals(List.of(new ParameterChange("entryRsi", "30", "25", ParameterChange.Kind.CHANGED),
                        new ParameterChange("hedge", "true", "false", ParameterChange.Kind.CHANGED),
                        new ParameterChange("stopLossPercent", "5", "7.5", ParameterChange.Kind.CHANGED)),
                repo.diff(v1.id(), v2.id()));
        assertEquals(List.of(), repo.diff(v2.id(), v2.id()));
        assertEquals("25", repo.diff(v2.id(), v1.id()).get(0).oldValue(), "reversed order swaps old and new");
    }

    @Test
    void diffReportsParametersOnlyOneSideHas() {
        assertEquals(List.of(new ParameterChange("a", "1", null, ParameterChange.Kind.REMOVED),
                        new ParameterChange("b", "2", "3", ParameterChange.Kind.CHANGED),
                        new ParameterChange("c", null, "4", ParameterChange.Kind.ADDED)),
                StrategyVersionRepository.diff(Map.of("a", "1", "b", "2", "d", "5"), Map.of("b", "3", "c", "4", "d", "5")));
    }

    @Test
    void invalidParametersAreNeverSaved() {
        repo.active(RSI2);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> repo.save(RSI2, Map.of("entryRsi", "abc"), null, "user"));
        assertFalse(e.getMessage().contains("\n"), e.getMessage());
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
                () -> repo.save(REBALANCE, Map.of("allocaton", "10"), null, "user"));
        assertEquals("unknown parameter 'allocaton' for monthly-rebalance; known: allocation, limitOffsetBps, orderStyle", unknown.getMessage());
        assertEquals(1, repo.list(RSI2).size());
        assertEquals(1, repo.list(REBALANCE).size());
    }

    @Test
    void repositoriesSavingAtOnceNumberVersionsWithoutGapsOrClashes() throws Exception {
        // The app holds several repositories over one store (saved runs, the Strategies view).
        StrategyVersionRepository other = new StrategyVersionRepository(store, Clock.systemUTC(), StrategyCatalog.builtIn());
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            List<java.util.concurrent.Future<StrategyVersion>> saves = new java.util.ArrayList<>();
            for (int i = 0; i < 12; i++) {
                StrategyVersionRepository r = i % 2 == 0 ? repo : other;
                String allocation = Integer.toString(1000 + i % 6); // each value twice: six new versions
                saves.add(pool.submit(() -> r.save(REBALANCE, Map.of("allocation", allocation), null, "research")));
            }
            for (java.util.concurrent.Future<StrategyVersion> f : saves) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        List<StrategyVersion> versions = repo.list(REBALANCE);
        assertEquals(List.of(7, 6, 5, 4, 3, 2, 1), versions.stream().map(StrategyVersion::number).toList());
        assertEquals(1, versions.stream().filter(StrategyVersion::active).count());
    }
}
