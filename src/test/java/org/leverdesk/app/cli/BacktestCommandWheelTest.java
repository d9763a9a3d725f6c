package org.leverdesk.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.leverdesk.testing.SharedPrices;

/** {@code leverdesk backtest --strategy wheel} on real data, saved in a store (OCC symbols in its tables). */
class BacktestCommandWheelTest {
    private final CliRun cli = new CliRun();

    @TempDir
    Path tmp;

    @Test
    void wheelOnQqqmWithQqqOptionsPrintsPremiumAndAssignmentsAndEveryOptionTrade() throws Exception {
        Path prices = SharedPrices.dir();
        assertEquals(0, cli.run("backtest", "--strategy", "wheel", "--symbol", "QQQM", "-P", "optionsTicker=QQQ", "--capital", "100000",
                "--from", "2021-01-04", "--to", "2025-09-26", "--prices", prices.toString(), "--data-dir",
                tmp.resolve("store").toString(), "--create", "--json"), cli.err.toString());
        JsonNode json = new ObjectMapper().readTree(cli.out.toString());
        assertEquals(107_149.90, json.get("strategy").get("final_equity").asDouble(), 0.005);
        JsonNode o = json.get("options");
        assertEquals(108, o.get("contracts_sold").asInt());
        assertEquals(20_661.0, o.get("premium_collected").asDouble(), 0.005);
        assertEquals(11, o.get("put_assignments").asInt());
        assertEquals(11, o.get("call_assignments").asInt());
        assertEquals(86, o.get("expired_worthless").asInt());
        assertEquals(238, json.get("trades").size());
        JsonNode first = json.get("trades").get(0);
        assertEquals("QQQ   210115P00303000", first.get("symbol").asText());
        assertEquals("SELL", first.get("side").asText());
        assertEquals(2.54, first.get("price").asDouble(), 1e-9);
        assertTrue(json.get("run_id").asLong() > 0, "saved with its OCC symbols");
    }

    @Test
    void tooLittleCashSecuresNoPutAndSaysWhyInTheTable() {
        Path prices = SharedPrices.dir();
        assertEquals(0, cli.run("backtest", "--strategy", "wheel", "--symbol", "QQQ", "--capital", "10000", "--from", "2024-01-02",
                "--to", "2024-03-28", "--prices", prices.toString(), "--no-save"), cli.err.toString());
        String out = cli.out.toString();
        assertTrue(out.contains("final_equity               $10,000.00"), out);
        assertTrue(!out.contains("options:"), "no option was sold: " + out);
    }

    @Test
    void aBadParameterIsOneLine() {
        Path prices = SharedPrices.dir();
        int rc = cli.run("backtest", "--strategy", "wheel", "--symbol", "QQQ", "-P", "dteWindow=daily", "--from", "2024-01-02",
                "--to", "2024-03-28", "--prices", prices.toString(), "--no-save");
        assertTrue(rc != 0);
        assertTrue(cli.err.toString().contains("dteWindow must be weekly (7-10 days) or monthly (21-35 days), got 'daily'"),
                cli.err.toString());
    }
}
