package org.leverdesk.research.saved;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.leverdesk.backtest.CostModel;
import org.leverdesk.common.CancellationToken;
import org.leverdesk.common.ProgressListener;
import org.leverdesk.research.GrowthFunction;
import org.leverdesk.research.Metric;
import org.leverdesk.research.ParameterCheck;
import org.leverdesk.research.RunBase;
import org.leverdesk.research.sweep.ParameterAxis;
import org.leverdesk.research.sweep.SearchSpace;
import org.leverdesk.research.sweep.SweepRequest;
import org.leverdesk.research.sweep.SweepResult;
import org.leverdesk.research.sweep.SweepRunner;
import org.leverdesk.research.walkforward.WalkForward;
import org.leverdesk.research.walkforward.WalkForwardRequest;
import org.leverdesk.research.walkforward.WalkForwardResult;
import org.leverdesk.store.Store;

class ResearchRunRepositoryTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-02T21:05:00Z"), ZoneOffset.UTC);
    private static final RunBase BASE = new RunBase("growth", "TQQQ", 10_000, new CostModel(1, 0, 5), null, Map.of("y", "3"));
    private static final GrowthFunction FN = new GrowthFunction((p, d) -> Double.parseDouble(p.get("x")) / 1000
            * (d.getYear() == 2020 ? 1 : -1));

    @TempDir
    Path dir;

    @Test
    void aSweepIsKeptWithItsRequestSourceVersionAndEveryRun() throws Exception {
        SweepResult sweep = new SweepRunner(FN, ParameterCheck.NONE).run(new SweepRequest(BASE, LocalDate.of(2020, 1, 1),
                LocalDate.of(2020, 6, 30), SearchSpace.random(List.of(ParameterAxis.parse("x=1..5")), 3, 9), Metric.CAGR),
                ProgressListener.NONE, CancellationToken.NONE);
        try (Store store = Store.open(dir)) {
            ResearchRunRepository repo = new ResearchRunRepository(store, CLOCK);
            long id = repo.save(sweep, null);
            SavedResearch s = repo.list().get(0);
            assertEquals(id, s.id());
            assertEquals(SavedResearch.Kind.SWEEP, s.kind());
            assertEquals("growth", s.strategyId());
            assertEquals("cagr", s.metric());
            assertEquals("growth", s.dataSource());
            assertEquals(3, s.trials());
            assertNull(s.baseVersionId());
            assertEquals(CLOCK.instant(), s.createdAt());
            JsonNode request = new ObjectMapper().readTree(s.requestJson());
            assertEquals("random", request.get("search").asText());
            assertEquals(9, request.get("seed").asLong());
            assertEquals(5, request.get("slippage_bps").asDouble());
            assertEquals("3", request.get("fixed_parameters").get("y").asText());
            assertEquals(5, request.get("parameters").get("x").size());
            JsonNode summary = new ObjectMapper().readTree(s.summaryJson());
            assertEquals(sweep.best().parameters().get("x"), summary.get("best_parameters").get("x").asText());
            assertTrue(summary.get("overfitting").has("deflated_sharpe"));

            List<SavedTrial> trials = repo.trials(id);
            assertEquals(3, trials.size());
            assertEquals(sweep.trials().get(1).parameters(), trials.get(1).parameters());
            assertEquals(sweep.trials().get(1).metrics().finalEquity(), trials.get(1).metrics().finalEquity());
            assertTrue(Double.isNaN(trials.get(1).metrics().winRate()), "NaN survives the store");
            assertNull(trials.get(0).window());
            assertTrue(repo.trials(id + 1).isEmpty());
        }
    }

    @Test
    void aWalkForwardKeepsEachWindowsWinnerAndItsOutOfSampleRun() throws Exception {
        WalkForwardResult wf = new WalkForward(FN, ParameterCheck.NONE).run(new WalkForwardRequest(BASE, LocalDate.of(2020, 1, 1),
                LocalDate.of(2021, 12, 31), SearchSpace.grid(List.of(ParameterAxis.parse("x=1,2"))), Metric.CAGR,
                Period.ofMonths(12), Period.ofMonths(6), true), ProgressListener.NONE, CancellationToken.NONE);
        try (Store store = Store.open(dir)) {
            ResearchRunRepository repo = new ResearchRunRepository(store, CLOCK);
            long id = repo.save(wf, null);
            List<SavedTrial> trials = repo.trials(id);
            assertEquals(4, trials.size());
            assertEquals(Integer.valueOf(2), trials.get(3).window());
            assertTrue(trials.get(3).outOfSample());
            JsonNode summary = new ObjectMapper().readTree(repo.list().get(0).summaryJson());
            assertEquals(2, summary.get("windows").size());
            assertEquals(SavedResearch.Kind.WALK_FORWARD, repo.list().get(0).kind());
            assertTrue(new ObjectMapper().readTree(repo.list().get(0).requestJson()).get("anchored").asBoolean());
        }
    }
}
