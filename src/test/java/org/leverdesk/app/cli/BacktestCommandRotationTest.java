package org.leverdesk.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.leverdesk.testing.SharedPrices;

/** {@code leverdesk backtest --strategy rotation}: the same pinned run as RotationRegressionTest, through the CLI. */
class BacktestCommandRotationTest {
    private final CliRun cli = new CliRun();

    @TempDir
    Path tmp;

    @Test
    void rotationBacktestsOnTheRealPricesWithFillsAtTheNextOpen() throws Exception {
        Path prices = SharedPrices.dir();
        assertEquals(0, cli.run("backtest", "--strategy", "rotation", "--from", "2021-01-01", "--to", "2024-03-08",
                "--capital", "100000", "--prices", prices.toString(), "--no-save", "--json"), cli.err.toString());
        JsonNode json = new ObjectMapper().readTree(cli.out.toString());
        assertEquals(294, json.get("strategy").get("trades").asInt());
        assertEquals(139_815.1906, json.get("strategy").get("final_equity").asDouble(), 1e-9); // JSON rounds to 4 decimals
        JsonNode first = json.get("trades").get(0);
        // decided after the 2021-01-06 close, filled at the 2021-01-07 open
        assertEquals("2021-01-07", first.get("date").asText());
        assertEquals("TSLA", first.get("symbol").asText());
        assertEquals(132, first.get("quantity").asInt());
    }

    @Test
    void aBadRotationSettingIsOneLineAndExitCodeTwo() {
        Path prices = SharedPrices.dir();
        assertEquals(2, cli.run("backtest", "--strategy", "rotation", "--from", "2021-01-01", "--to", "2022-01-01",
                "--prices", prices.toString(), "--no-save", "-P", "selection=best"));
        assertTrue(cli.err.toString().contains("selection must be one of [nav, momentum] (got 'best')"), cli.err.toString());
        assertEquals(1, cli.err.toString().strip().lines().count(), cli.err.toString());
    }
}
