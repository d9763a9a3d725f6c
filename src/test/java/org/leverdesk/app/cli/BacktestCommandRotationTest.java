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
        assertEquals(286, json.get("strategy").get("trades").asInt());
        assertEquals(143_592.79, json.get("strategy").get("final_equity").asDouble(), 0.005);
        JsonNode first = json.get("trades").get(0);
        // decided after the 2021-01-06 close (132 TSLA at 251.99), bought right after the 2021-01-07 open at
        // 259.21: the three buys scaled down together to the cash
        assertEquals("2021-01-07", first.get("date").asText());
        assertEquals("TSLA", first.get("symbol").asText());
        assertEquals(130, first.get("quantity").asInt());
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
