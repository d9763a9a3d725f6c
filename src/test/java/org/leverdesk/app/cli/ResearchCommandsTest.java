package org.leverdesk.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.leverdesk.testing.SharedPrices;

/** {@code sweep}, {@code walkforward}, {@code montecarlo} and {@code backtest --monte-carlo} through the real command line. */
class ResearchCommandsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    private CliRun run(String... args) {
        CliRun cli = new CliRun();
        cli.run(args);
        return cli;
    }

    private String data() {
        return tmp.resolve("store").toString();
    }

    @Test
    void sweepJsonMatchesSingleBacktestsAndIsSaved() throws Exception {
        String prices = SharedPrices.dir().toString();
        CliRun sweep = run("sweep", "--strategy", "rsi2", "-P", "entryRsi=10,30", "-P", "exitRsi=70,90", "--from", "2023-01-03",
                "--to", "2023-12-29", "--prices", prices, "--data-dir", data(), "--create", "--threads", "2", "--json");
        assertEquals(0, sweep.code, sweep.err.toString());
        JsonNode root = JSON.readTree(sweep.out.toString());
        assertEquals(4, root.get("trials").size());
        assertEquals("sharpe", root.get("request").get("metric").asText());
        assertTrue(root.get("run_id").asLong() > 0);
        assertTrue(root.get("overfitting").has("deflated_sharpe"));
        assertTrue(root.get("data_source").asText().startsWith("CSV "));
        double previous = Double.MAX_VALUE;
        for (JsonNode t : root.get("trials")) {
            double sharpe = t.get("metrics").get("sharpe").asDouble();
            assertTrue(sharpe <= previous, "best first");
            previous = sharpe;
        }
        JsonNode first = root.get("trials").get(0);
        CliRun single = run("backtest", "--strategy", "rsi2", "--from", "2023-01-03", "--to", "2023-12-29", "--prices", prices,
                "--no-save", "--json", "-P", "entryRsi=" + first.get("parameters").get("entryRsi").asText(),
                "-P", "exitRsi=" + first.get("parameters").get("exitRsi").asText());
        assertEquals(0, single.code, single.err.toString());
        assertEquals(JSON.readTree(single.out.toString()).get("strategy").get("final_equity").asDouble(),
                first.get("metrics").get("final_equity").asDouble(), 0.0);
    }

    @Test
    void sweepTableAndCsvOnTheDemoMarket() {
        CliRun table = run("sweep", "--strategy", "rsi2", "-P", "entryRsi=10..30:10", "--from", "2020-01-02", "--to", "2020-12-31",
                "--data-dir", data(), "--create", "--metric", "cagr", "--top", "2");
        assertEquals(0, table.code, table.err.toString());
        String out = table.out.toString();
        assertTrue(out.contains("rsi2 sweep on the strategy's symbol, 2020-01-02 .. 2020-12-31: 3 runs"), out);
        assertTrue(out.contains("ranked by cagr; data: DEMO"), out);
        assertTrue(out.contains("... 1 more"), out);
        assertTrue(out.contains("deflated Sharpe ratio of the best run: "), out);
        assertTrue(out.contains("probability of backtest overfitting (CSCV, 16 blocks, 12,870 splits): "), out);
        assertTrue(out.contains("saved as research run 1"), out);

        CliRun csv = run("sweep", "--strategy", "rsi2", "-P", "entryRsi=10..30:10", "-P", "hedge=false", "--from", "2020-01-02",
                "--to", "2020-12-31", "--data-dir", data(), "--create", "--csv", "--no-save", "--random", "2", "--seed", "5");
        assertEquals(0, csv.code, csv.err.toString());
        List<String> lines = csv.out.toString().lines().toList();
        assertTrue(lines.get(0).startsWith("entryRsi,hedge,sharpe,sortino,cagr,"), lines.get(0));
        assertEquals(3, lines.size(), "header and two random points");
    }

    @Test
    void badSweepInputIsOneLineAndExitCodeTwo() {
        String[][] cases = {
            {"-P", "entryRsi=x..5"},
            {"-P", "entryRsi=10,20", "--metric", "beauty"},
            {"-P", "entryRSI=10,20"},
            {"-P", "entryRsi=80,90", "-P", "exitRsi=50"},
            {"-P", "entryRsi=10,20", "--json", "--csv"},
            {"-P", "entryRsi=10,20", "--threads", "0"},
        };
        for (String[] c : cases) {
            List<String> args = new java.util.ArrayList<>(List.of("sweep", "--strategy", "rsi2", "--from", "2020-01-02", "--to",
                    "2020-03-31", "--prices", SharedPrices.dir().toString(), "--no-save"));
            args.addAll(List.of(c));
            CliRun r = run(args.toArray(String[]::new));
            assertEquals(2, r.code, String.join(" ", c) + ": " + r.out);
            String err = r.err.toString().strip();
            assertTrue(err.startsWith("error: "), err);
            assertFalse(err.contains("\n"), err);
        }
    }

    @Test
    void walkForwardJsonHasWindowsStitchedEquityAndEfficiency() throws Exception {
        String prices = SharedPrices.dir().toString();
        CliRun wf = run("walkforward", "--strategy", "rsi2", "-P", "entryRsi=10,30", "--from", "2019-01-01", "--to", "2020-12-31",
                "--in-sample", "12m", "--out-of-sample", "6m", "--prices", prices, "--no-save", "--json");
        assertEquals(0, wf.code, wf.err.toString());
        JsonNode root = JSON.readTree(wf.out.toString());
        assertEquals(2, root.get("windows").size());
        assertEquals("2020-01-01", root.get("windows").get(0).get("out_of_sample_from").asText());
        assertTrue(root.has("efficiency"));
        assertTrue(root.get("equity").size() > 240);
        assertEquals(root.get("final_equity").asDouble(), root.get("equity").get(root.get("equity").size() - 1).get("equity").asDouble(),
                1e-3);
        CliRun text = run("walkforward", "--strategy", "rsi2", "-P", "entryRsi=10,30", "--from", "2019-01-01", "--to", "2020-12-31",
                "--in-sample", "12m", "--out-of-sample", "6m", "--anchored", "--data-dir", data(), "--create", "--prices", prices);
        assertEquals(0, text.code, text.err.toString());
        assertTrue(text.out.toString().contains("walk-forward efficiency: "), text.out.toString());
        assertTrue(text.out.toString().contains("(anchored)"), text.out.toString());
    }

    @Test
    void monteCarloOfASavedRunAndBesideABacktest() throws Exception {
        String prices = SharedPrices.dir().toString();
        CliRun bt = run("backtest", "--strategy", "rsi2", "--from", "2020-01-02", "--to", "2020-12-31", "--data-dir", data(), "--create", "--json",
                "--prices", prices,
                "--monte-carlo", "--mc-runs", "500", "--mc-seed", "3", "--mc-drawdown", "25");
        assertEquals(0, bt.code, bt.err.toString());
        JsonNode root = JSON.readTree(bt.out.toString());
        JsonNode mc = root.get("monte_carlo");
        assertEquals(500, mc.get("runs").asInt());
        assertEquals(0.25, mc.get("drawdown_threshold").asDouble());
        assertTrue(mc.get("final_equity").get("p5").asDouble() <= mc.get("final_equity").get("p95").asDouble());
        assertEquals(mc.get("trades").asInt() + 1, mc.get("equity_band").get("p50").size());
        long id = root.get("run_id").asLong();

        CliRun saved = run("montecarlo", "--run", Long.toString(id), "--data-dir", data(), "--create", "--json", "--mc-runs", "500",
                "--mc-seed", "3", "--mc-drawdown", "25");
        assertEquals(0, saved.code, saved.err.toString());
        JsonNode again = JSON.readTree(saved.out.toString());
        assertEquals(mc.get("final_equity"), again.get("final_equity"), "the saved run resamples to the same paths");
        CliRun missing = run("montecarlo", "--run", "999", "--data-dir", data(), "--create");
        assertEquals(2, missing.code);
        assertTrue(missing.err.toString().contains("there is no saved backtest run 999"), missing.err.toString());
    }
}
