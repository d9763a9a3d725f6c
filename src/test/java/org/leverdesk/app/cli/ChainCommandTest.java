package org.leverdesk.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.leverdesk.testing.SharedPrices;

/** {@code leverdesk chain}, run through the real root command line. */
class ChainCommandTest {
    private final CliRun cli = new CliRun();

    @TempDir
    Path tmp;

    @Test
    void printsTheChainOfARealSession() {
        Path dir = SharedPrices.dir();
        int code = cli.run("chain", "--symbol", "QQQ", "--date", "2024-05-03", "--prices", dir.toString(), "--strikes", "1",
                "--expiries", "1");
        assertEquals(0, code, cli.err.toString());
        assertEquals(List.of(
                "QQQ 2024-05-03 close $435.48 (CSV " + dir + ")",
                "synthetic: VXN 17.40 (2024-05-03) → ATM30 16.06%, r 5.413% (DGS3MO 2024-05-03), q 0.67%",
                "",
                "2024-05-10 weekly, 7 DTE",
                " call bid  call ask      iv   delta      strike    put bid   put ask      iv   delta",
                "     4.78      4.89   15.9%   0.582         434       2.92      2.99   15.9%  -0.418",
                "     4.17      4.27   15.7%   0.541         435       3.31      3.38   15.7%  -0.459",
                "     3.61      3.69   15.4%   0.499         436       3.73      3.81   15.4%  -0.501"),
                cli.out.toString().lines().toList());
    }

    @Test
    void jsonHasEveryQuoteWithItsOccSymbol() throws Exception {
        Path dir = SharedPrices.dir();
        assertEquals(0, cli.run("chain", "--symbol", "SPY", "--date", "2008-10-10", "--prices", dir.toString(), "--strikes", "1",
                "--expiries", "2", "--dte", "20-60", "--json"), cli.err.toString());
        JsonNode root = new ObjectMapper().readTree(cli.out.toString());
        assertEquals("VIX", root.get("index").asText());
        assertEquals(69.95, root.get("index_level").asDouble(), 0);
        assertEquals(12, root.get("quotes").size());
        JsonNode first = root.get("quotes").get(0);
        assertEquals("SPY   081031C00088000", first.get("symbol").asText());
        assertEquals("CALL", first.get("right").asText());
        assertTrue(first.get("ask").asDouble() > first.get("bid").asDouble());
    }

    @Test
    void badInputIsOneLineWithExitCodeTwo() {
        Path dir = SharedPrices.dir();
        assertEquals(2, cli.run("chain", "--date", "2024-05-04", "--prices", dir.toString()));
        assertTrue(cli.err.toString().contains("no QQQ close on 2024-05-04"), cli.err.toString());
        CliRun dte = new CliRun();
        assertEquals(2, dte.run("chain", "--dte", "45-7", "--prices", dir.toString()));
        assertTrue(dte.err.toString().contains("DTE window"), dte.err.toString());
        CliRun symbol = new CliRun();
        assertEquals(2, symbol.run("chain", "--symbol", "TQQQ", "--prices", dir.toString()));
        assertTrue(symbol.err.toString().contains("no synthetic options for TQQQ"), symbol.err.toString());
    }

    @Test
    void demoMarketChainIsLabelled() {
        assertEquals(0, cli.run("chain", "--data-dir", tmp.toString(), "--strikes", "2"), cli.err.toString());
        String first = cli.out.toString().lines().findFirst().orElseThrow();
        assertTrue(first.contains("DEMO"), first);
        assertTrue(cli.out.toString().contains("synthetic: VXN"), cli.out.toString());
    }
}
