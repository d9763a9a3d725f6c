package org.leverdesk.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.leverdesk.app.context.AppContext;
import org.leverdesk.backtest.runs.BacktestRunRepository;
import org.leverdesk.backtest.runs.BacktestRunSummary;
import org.leverdesk.store.Store;
import org.leverdesk.strategy.catalog.StrategyVersion;
import picocli.CommandLine;

/** {@code leverdesk backtest} saves each run with the strategy version of its parameters. */
class BacktestCommandVersionsTest {
    private static final Pattern SAVED = Pattern.compile("saved as run (\\d+) with version (\\d+) in .*");
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @TempDir
    Path tmp;

    private String run(String... params) {
        out.getBuffer().setLength(0);
        CommandLine cl = LeverdeskCommand.commandLine();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        List<String> args = new java.util.ArrayList<>(List.of("backtest", "--strategy", "monthly-rebalance",
                "--from", "2024-01-02", "--to", "2024-06-28", "--data-dir", tmp.toString(), "--create"));
        args.addAll(List.of(params));
        assertEquals(0, cl.execute(args.toArray(String[]::new)), err.toString());
        return out.toString();
    }

    private static long[] saved(String output) {
        String line = output.lines().filter(l -> l.startsWith("saved as run")).findFirst().orElseThrow(() -> new AssertionError(output));
        Matcher m = SAVED.matcher(line);
        assertTrue(m.matches(), line);
        return new long[] {Long.parseLong(m.group(1)), Long.parseLong(m.group(2))};
    }

    @Test
    void twoBacktestsWithDifferentParametersCreateTwoVersionsAndTheRunsReferenceThem() throws Exception {
        long[] first = saved(run("-P", "allocation=3000"));
        long[] second = saved(run("-P", "allocation=4000"));
        long[] again = saved(run("-P", "allocation=3000.00"));
        String json = run("-P", "allocation=4000", "--json");
        JsonNode node = new ObjectMapper().readTree(json);

        try (AppContext app = AppContext.open(tmp, null, 0, true)) {
            List<StrategyVersion> versions = app.strategyVersions().list("monthly-rebalance");
            // newest first: 4000 (backtest), 3000 (backtest), the defaults created on first use
            assertEquals(List.of("4000", "3000", "2000"), versions.stream().map(v -> v.parameters().get("allocation")).toList());
            assertEquals(List.of("backtest", "backtest", "defaults"), versions.stream().map(StrategyVersion::createdBy).toList());
            StrategyVersion defaults = versions.get(2);
            assertEquals(versions.get(1).id(), first[1]);
            assertEquals(versions.get(0).id(), second[1]);
            assertEquals(defaults.id(), versions.get(1).parentId(), "a backtest's new version derives from the active one");
            assertEquals(first[1], again[1], "the same parameters in another spelling reuse the version");
            assertEquals(second[1], node.get("version_id").asLong());
        }
        Map<Long, Long> versionByRun = new HashMap<>();
        try (Store store = Store.open(tmp)) {
            for (BacktestRunSummary s : new BacktestRunRepository(store, Clock.systemUTC()).list()) {
                versionByRun.put(s.id(), s.versionId());
            }
        }
        assertEquals(4, versionByRun.size());
        assertEquals(first[1], versionByRun.get(first[0]));
        assertEquals(second[1], versionByRun.get(second[0]));
        assertEquals(second[1], versionByRun.get(node.get("run_id").asLong()));
    }
}
