package org.leverdesk.research.advisor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.leverdesk.domain.TradingMode;
import org.leverdesk.store.Store;
import org.leverdesk.store.StrategyVersionRepository;
import org.leverdesk.strategy.catalog.StrategyCatalog;
import org.leverdesk.strategy.catalog.StrategyVersion;

class AdvisorTest {
    @TempDir
    Path dir;

    private record Fixture(StrategyVersionRepository versions, AdvisorSuggestionRepository suggestions, Advisor advisor) {
    }

    private static Fixture fixture(Store store) {
        StrategyVersionRepository v = new StrategyVersionRepository(store, Clock.systemUTC(), StrategyCatalog.builtIn());
        AdvisorSuggestionRepository s = new AdvisorSuggestionRepository(store, Clock.systemUTC());
        return new Fixture(v, s, new Advisor(v, s));
    }

    private static Suggestion suggestion(long against, String entry, double confidence) {
        return new Suggestion("rsi2", Map.of("entryRsi", entry), against, confidence, "beat the active version in 13 of 20",
                Suggestion.SIMILAR_SESSIONS);
    }

    @Test
    void applyingCreatesAnAdvisorVersionThatTheTraderMakesActive() {
        try (Store store = Store.open(dir)) {
            Fixture f = fixture(store);
            StrategyVersion active = f.versions().active("rsi2");
            Advisor.Applied a = f.advisor().apply(suggestion(active.id(), "25", 0.65), TradingMode.PAPER, false);
            assertFalse(a.activated());
            assertEquals("advisor", a.version().createdBy());
            assertEquals(active.id(), a.version().parentId());
            assertEquals("25", a.version().parameters().get("entryRsi"));
            assertEquals(active.id(), f.versions().active("rsi2").id(), "nothing changes what trades");
            assertTrue(a.message().contains("make it active in the Strategies view"), a.message());
            var recorded = f.suggestions().list("rsi2").get(0);
            assertEquals(a.version().id(), recorded.versionId());
            assertEquals(0.65, recorded.confidence());
            assertEquals("similar-sessions", recorded.source());
            assertFalse(recorded.autoApplied());
        }
    }

    @Test
    void autoApplyOnlyEverActivatesOnAPaperAccountAboveHalfConfidence() {
        try (Store store = Store.open(dir)) {
            Fixture f = fixture(store);
            long v1 = f.versions().active("rsi2").id();
            Advisor.Applied live = f.advisor().apply(suggestion(v1, "25", 0.9), TradingMode.LIVE, true);
            assertFalse(live.activated());
            assertTrue(live.message().contains("paper accounts only"), live.message());
            assertEquals(v1, f.versions().active("rsi2").id());

            Advisor.Applied low = f.advisor().apply(suggestion(v1, "20", 0.5), TradingMode.PAPER, true);
            assertFalse(low.activated(), "0.5 is not above 0.5");
            assertEquals(v1, f.versions().active("rsi2").id());

            Advisor.Applied paper = f.advisor().apply(suggestion(v1, "15", 0.55), TradingMode.PAPER, true);
            assertTrue(paper.activated());
            assertEquals(paper.version().id(), f.versions().active("rsi2").id());
            assertTrue(f.suggestions().list("rsi2").get(0).autoApplied());
        }
    }

    @Test
    void aSuggestionEqualToTheActiveVersionOrInvalidIsRefused() {
        try (Store store = Store.open(dir)) {
            Fixture f = fixture(store);
            long v1 = f.versions().active("rsi2").id();
            assertThrows(IllegalArgumentException.class, () -> f.advisor().apply(suggestion(v1, "30.0", 0.7), TradingMode.PAPER, false));
            assertThrows(IllegalArgumentException.class, () -> f.advisor().apply(suggestion(v1, "95", 0.7), TradingMode.PAPER, false));
            assertTrue(f.suggestions().list("rsi2").isEmpty(), "nothing recorded for a refused suggestion");
        }
    }
}
