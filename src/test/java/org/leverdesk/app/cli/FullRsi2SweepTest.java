package org.leverdesk.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.leverdesk.backtest.BacktestService;
import org.leverdesk.backtest.metrics.Metrics;
import org.leverdesk.common.CancellationToken;
import org.leverdesk.common.ProgressListener;
import org.leverdesk.research.ParallelRuns;
import org.leverdesk.research.ResearchFixture;
import org.leverdesk.testing.SharedPrices;

/**
 * The acceptance check: {@code leverdesk sweep} over the 1,681 RSI(2) pairs (entry 5..45 ×
 * exit 55..95) on TQQQ 2010–2026 ends every pair with exactly the final equity of that pair's single
 * backtest (as the CLI prints both, to 10 significant digits; SweepRunnerTest compares unrounded doubles), and a few pairs are pinned so an engine change that moves results shows up here.
 * Tagged slow: minutes of wall time on a busy machine (the sweep and 1,681 single backtests); skips when ../shared/data is absent.
 */
@Tag("slow")
class FullRsi2SweepTest {
    private static final LocalDate FROM = LocalDate.of(2010, 2, 11);
    private static final LocalDate TO = LocalDate.of(2026, 5, 1);

    @TempDir
    Path tmp;

    @Test
    void everyOneOf1681PairsEqualsItsSingleBacktestOnTqqq2010To2026() throws Exception {
        String prices = SharedPrices.dir().toString();
        CliRun sweep = new CliRun();
        sweep.run("sweep", "--strategy", "rsi2", "-P", "entryRsi=5..45:1", "-P", "exitRsi=55..95:1", "--from", FROM.toString(),
                "--to", TO.toString(), "--prices", prices, "--data-dir", tmp.resolve("store").toString(), "--create", "--no-save",
                "--threads", "2", "--json");
        assertEquals(0, sweep.code, sweep.err.toString());
        JsonNode trials = new ObjectMapper().readTree(sweep.out.toString()).get("trials");
        assertEquals(1_681, trials.size());

        Map<String, Double> swept = new HashMap<>();
        List<Map<String, String>> pairs = new ArrayList<>();
        for (JsonNode t : trials) {
            Map<String, String> p = Map.of("entryRsi", t.get("parameters").get("entryRsi").asText(),
                    "exitRsi", t.get("parameters").get("exitRsi").asText());
            pairs.add(p);
            swept.put(key(p), t.get("metrics").get("final_equity").asDouble());
        }
        Set<String> distinct = new HashSet<>(swept.keySet());
        assertEquals(1_681, distinct.size(), "every pair once");

        BacktestService engine = ResearchFixture.realEngine();
        List<Callable<Metrics>> singles = pairs.stream().<Callable<Metrics>>map(p -> () -> engine.run(
                ResearchFixture.rsi2().request(p, FROM, TO), ProgressListener.NONE, CancellationToken.NONE)
                .metrics()).toList();
        List<ParallelRuns.Outcome<Metrics>> single = new ParallelRuns(2).run(singles, "runs", ProgressListener.NONE,
                CancellationToken.NONE);
        for (int i = 0; i < pairs.size(); i++) {
            // exactly what 'leverdesk backtest --json' prints for the pair (10 significant digits)
            double expected = MetricsJson.metrics(single.get(i).value()).get("final_equity").asDouble();
            assertEquals(expected, swept.get(key(pairs.get(i))), 0.0, key(pairs.get(i)));
        }

        // Pinned on the real prices (no costs, $10,000): RSI(2) entry below 30, exit above 70 ends at
        // $449,433.52; the sweep's best Sharpe, 14/95, at $635,798.33.
        assertEquals(449_433.52, swept.get("30/70"), 0.01);
        assertEquals(635_798.33, swept.get("14/95"), 0.01);
        assertEquals("14", trials.get(0).get("parameters").get("entryRsi").asText(), "best Sharpe first");
        assertEquals("95", trials.get(0).get("parameters").get("exitRsi").asText());
    }

    private static String key(Map<String, String> p) {
        return p.get("entryRsi") + "/" + p.get("exitRsi");
    }
}
