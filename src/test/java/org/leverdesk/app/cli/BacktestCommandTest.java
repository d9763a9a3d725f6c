package org.leverdesk.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.leverdesk.store.Store;
import org.leverdesk.testing.SharedPrices;

/** {@code leverdesk backtest}, {@code import} and {@code runs} through the real root command line. */
class BacktestCommandTest {
    private final CliRun cli = new CliRun();
    private final StringWriter out = cli.out;
    private final StringWriter err = cli.err;

    @TempDir
    Path tmp;

    private int run(String... args) {
        return cli.run(args);
    }

    private String data() {
        return tmp.resolve("store").toString();
    }

    @Test
    void jsonHasBothMetricSetsAndEveryTradeAsPinnedOnRealData() throws Exception {
        Path prices = SharedPrices.dir();
        assertEquals(0, run("backtest", "--strategy", "monthly-rebalance", "--symbol", "TQQQ", "--from", "2022-01-01",
                "--to", "2025-01-01", "--prices", prices.toString(), "--data-dir", data(), "--create", "--json"), err.toString());
        JsonNode json = new ObjectMapper().readTree(out.toString());
        assertEquals(30, json.get("trades").size());
        assertEquals(30, json.get("strategy").get("trades").asInt());
        assertEquals(11226.38, json.get("strategy").get("final_equity").asDouble(), 0.005);
        assertEquals(-0.2474646209, json.get("strategy").get("max_drawdown").asDouble(), 1e-9);
        assertEquals(-0.04131100825, json.get("benchmark").get("total_return").asDouble(), 1e-10);
        assertTrue(json.get("benchmark").get("win_rate").isNull(), "undefined metrics are null");
        JsonNode first = json.get("trades").get(0);
        assertEquals("2022-01-03", first.get("date").asText());
        assertEquals("BUY", first.get("side").asText());
        assertEquals(46, first.get("quantity").asInt());
        assertEquals(42.7825, first.get("price").asDouble(), 1e-9);
        assertTrue(json.get("run_id").asLong() > 0);

        out.getBuffer().setLength(0);
        assertEquals(0, run("runs", "--data-dir", data()), err.toString());
        assertTrue(out.toString().lines().anyMatch(l -> l.contains(",monthly-rebalance,TQQQ,2022-01-01,2025-01-01,0.122639,11226.38")),
                out.toString());
    }

    @Test
    void theRegimeTableStatesTheSeedsPromise() {
        Path prices = SharedPrices.dir();
        assertEquals(0, run("backtest", "--strategy", "regime", "--from", "2012-01-01", "--to", "2025-09-26",
                "--prices", prices.toString(), "--no-save"), err.toString());
        assertTrue(out.toString().contains("Days ending with a position while the confirmed regime was RISK_OFF or BREAKDOWN: 0 of "),
                out.toString());
        assertTrue(out.toString().contains("(the seed's promise holds)"));
    }

    @Test
    void aFreshStoreBacktestsTheDemoMarketAndSaysSo() {
        assertEquals(0, run("backtest", "--strategy", "monthly-rebalance", "--from", "2020-01-01", "--to", "2024-12-31",
                "--data-dir", data(), "--create"), err.toString());
        assertTrue(out.toString().contains("data: DEMO — simulated prices"), out.toString());
        assertTrue(out.toString().contains("saved as run 1"), out.toString());
    }

    @Test
    void badInputIsOneLineAndExitCodeTwo() throws Exception {
        Path prices = SharedPrices.dir();
        String[][] cases = {
            {"backtest", "--strategy", "nope", "--from", "2022-01-01", "--to", "2023-01-01", "--prices", prices.toString(), "--no-save"},
            {"backtest", "--strategy", "monthly-rebalance", "--symbol", "XYZ", "--from", "2022-01-01", "--to", "2023-01-01",
                "--prices", prices.toString(), "--no-save"},
            {"backtest", "--strategy", "monthly-rebalance", "--from", "2030-01-01", "--to", "2031-01-01", "--prices",
                prices.toString(), "--no-save"},
            {"backtest", "--strategy", "monthly-rebalance", "--from", "2023-01-01", "--to", "2022-01-01", "--prices",
                prices.toString(), "--no-save"},
            {"backtest", "--strategy", "monthly-rebalance", "-P", "allocation=-1", "--from", "2022-01-01", "--to",
                "2023-01-01", "--prices", prices.toString(), "--no-save"},
        };
        String[] expected = {"unknown strategy 'nope'", "no price file for XYZ", "no TQQQ bars between 2030-01-01 and 2031-01-01",
            "is after --to 2022-01-01", "allocation must be a positive dollar amount"};
        for (int i = 0; i < cases.length; i++) {
            err.getBuffer().setLength(0);
            assertEquals(2, run(cases[i]), String.join(" ", cases[i]));
            String[] lines = err.toString().strip().split("\\R");
            assertEquals(1, lines.length, err.toString());
            assertTrue(lines[0].startsWith("error: ") && lines[0].contains(expected[i]), lines[0]);
        }
    }

    @Test
    void aMalformedCsvImportsNothing() throws Exception {
        Path csv = tmp.resolve("tqqq.csv");
        Files.writeString(csv, "date,open,high,low,close,volume,adj_close\n2024-01-02,1,2,0.5,1,10,1\n2024-01-03,1,0.5,2,1,10,1\n");
        assertEquals(2, run("import", csv.toString(), "--data-dir", data(), "--create"));
        assertTrue(err.toString().startsWith("error: tqqq.csv:3: high 0.5 is below low 2"), err.toString());
        try (Store store = Store.open(tmp.resolve("store"))) {
            assertTrue(new org.leverdesk.store.BarRepository(store).symbols().isEmpty(), "nothing half-imported");
        }
    }

    @Test
    void aStoreInUseIsNamedInOneLine() {
        try (Store held = Store.open(tmp.resolve("store"))) {
            assertEquals(2, run("runs", "--data-dir", data(), "--create"));
            assertTrue(err.toString().startsWith("error: the Leverdesk store at ") && err.toString().contains("already in use"),
                    err.toString());
        }
    }
}
