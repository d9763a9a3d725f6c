package org.leverdesk.research.advisor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.leverdesk.backtest.CostModel;
import org.leverdesk.common.CancellationToken;
import org.leverdesk.common.ProgressListener;
import org.leverdesk.domain.TradingMode;
import org.leverdesk.research.GrowthFunction;
import org.leverdesk.research.ResearchFixture;
import org.leverdesk.research.RunBase;
import org.leverdesk.research.similar.Advice;
import org.leverdesk.research.similar.Candidate;
import org.leverdesk.research.similar.SessionAdvisor;
import org.leverdesk.research.sweep.ParameterAxis;
import org.leverdesk.store.Store;
import org.leverdesk.store.StrategyVersionRepository;
import org.leverdesk.strategy.catalog.StrategyCatalog;

class AdvisorWorkflowTest {
    /** entryRsi 20 earns 0.2% a day, everything else 0.1%. */
    private static final GrowthFunction FN = new GrowthFunction((p, d) -> "20".equals(p.get("entryRsi")) ? 0.002 : 0.001);
    private static final RunBase BASE = new RunBase("rsi2", null, 10_000, CostModel.FREE, null, Map.of());

    @TempDir
    Path dir;

    @Test
    void candidatesAdviceAndTheLlmsProposalMeasuredOnTheSameWindows() throws Exception {
        try (Store store = Store.open(dir); FakeLlmServer llm = new FakeLlmServer()) {
            StrategyVersionRepository versions = new StrategyVersionRepository(store, Clock.systemUTC(), StrategyCatalog.builtIn());
            versions.save("rsi2", Map.of("exitRsi", "80"), null, "user");
            AdvisorWorkflow flow = new AdvisorWorkflow(new SessionAdvisor(ResearchFixture.demoEngine(), FN), FN, versions,
                    new AdvisorSuggestionRepository(store, Clock.systemUTC()));
            List<Candidate> c = flow.candidates("rsi2", 5, List.of(ParameterAxis.parse("entryRsi=25,30,95")));
            assertEquals("v1 (active)", c.get(0).label());
            assertEquals("v2", c.get(1).label());
            assertEquals(List.of("v1 (active)", "v2", "entryRsi=25"), c.stream().map(Candidate::label).toList(),
                    "entryRsi=30 repeats the active version and 95 is invalid");

            Advice advice = flow.advise(BASE, LocalDate.of(2016, 3, 31), 8, 5, c, ProgressListener.NONE, CancellationToken.NONE);
            assertTrue(advice.keepActive(), "every set earns the same 0.1% a day, so the active one stays");
            assertTrue(flow.suggestion(advice).isEmpty());

            llm.reply(200, "{\"content\":[{\"type\":\"text\",\"text\":\"{\\\"parameters\\\":{\\\"entryRsi\\\":20},"
                    + "\\\"reason\\\":\\\"dips are shallow\\\",\\\"confidence\\\":0.8}\"}]}");
            LlmClient client = new LlmClient(new LlmSettings("anthropic", llm.url("/v1/messages"), "m", Duration.ofSeconds(10)), "k");
            AdvisorWorkflow.LlmOutcome out = flow.askLlm(advice, client, ProgressListener.NONE, CancellationToken.NONE);
            assertEquals(Map.of("entryRsi", "20"), out.answer().changes());
            assertEquals(8, out.measured().wins(), "0.2% a day beats 0.1% in every window");
            assertEquals(1.0, out.suggestion().confidence());
            assertEquals(Suggestion.LLM, out.suggestion().source());
            String prompt = new com.fasterxml.jackson.databind.ObjectMapper().readTree(llm.requests().get(0).body())
                    .get("messages").get(0).get("content").asText();
            assertTrue(prompt.contains("entryRsi = 30"), prompt);
            assertTrue(prompt.contains("The 8 most similar past sessions"), prompt);
            assertTrue(prompt.contains("set 1 (active)"), prompt);

            Advisor.Applied applied = flow.apply(out.suggestion(), TradingMode.PAPER, true);
            assertTrue(applied.activated(), applied.message());
            assertEquals("advisor", versions.active("rsi2").createdBy());

            llm.reply(200, "{\"content\":[{\"type\":\"text\",\"text\":\"{\\\"parameters\\\":{}}\"}]}");
            assertNull(flow.askLlm(advice, client, ProgressListener.NONE, CancellationToken.NONE).suggestion());
        }
    }
}
