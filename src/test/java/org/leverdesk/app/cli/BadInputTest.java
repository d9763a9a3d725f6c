package org.leverdesk.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.leverdesk.testing.SharedPrices;

/** Issue 13, item 10: each bad input is one line on stderr, a non-zero exit code, and nothing written. */
class BadInputTest {
    @TempDir
    Path tmp;

    private CliRun run(String... args) {
        CliRun cli = new CliRun();
        cli.run(args);
        return cli;
    }

    private static String oneLine(CliRun cli) {
        List<String> lines = cli.err.toString().lines().toList();
        assertEquals(1, lines.size(), cli.err.toString());
        assertTrue(cli.code != 0);
        return lines.get(0);
    }

    private String[] backtest(String... extra) {
        List<String> all = new java.util.ArrayList<>(List.of("backtest", "--strategy", "monthly-rebalance", "--prices",
                SharedPrices.dir().toString(), "--no-save"));
        all.addAll(List.of(extra));
        return all.toArray(String[]::new);
    }

    @Test
    void anImpossibleDateSaysWhatToWriteNotJavasParserText() {
        String line = oneLine(run(backtest("--from", "2023-02-30", "--to", "2023-03-31")));
        assertEquals("error: Invalid value for option '--from': '2023-02-30' is not a valid ISO date; use YYYY-MM-DD, e.g."
                + " 2024-11-27 (see 'leverdesk backtest --help')", line);
        assertFalse(line.contains("java.time"));
    }

    @Test
    void aWeekendOnlyRangeSaysSoInsteadOfWhereTheDataEnds() {
        assertEquals("error: --from 2024-06-08 --to 2024-06-09 holds no trading day (a weekend or holiday); widen the range",
                oneLine(run(backtest("--from", "2024-06-08", "--to", "2024-06-09"))));
    }

    @Test
    void unknownTickersInARotationGroupAreNamed() {
        String line = oneLine(run("backtest", "--strategy", "rotation", "--prices", SharedPrices.dir().toString(), "--no-save",
                "--from", "2024-01-02", "--to", "2024-06-28", "-P", "core=FOO,BAR,GLD"));
        assertTrue(line.startsWith("error: -P core: FOO, BAR have no prices in "), line);
        assertTrue(line.endsWith("check the spelling, import them ('leverdesk import FILE --symbol FOO') or leave them out"), line);
    }

    @Test
    void anAbsurdCapitalIsRefusedBeforeItPrintsInfinity() {
        assertEquals("error: --capital must be between 1 and 1000000000000 dollars (got 1.0E308)",
                oneLine(run(backtest("--from", "2024-01-02", "--to", "2024-06-28", "--capital", "1e308"))));
    }

    @Test
    void aMistypedDataDirIsNotSilentlyANewStore() {
        Path typo = tmp.resolve("levrdesk");
        String line = oneLine(run("orders", "--data-dir", typo.toString(), "--config", tmp.resolve("none.json").toString()));
        assertEquals("error: --data-dir " + typo + " does not exist; check the path for a typo, or add --create to start a new,"
                + " empty store there", line);
        assertFalse(Files.exists(typo), "nothing created");
        Files.isDirectory(tmp);
        CliRun created = run("orders", "--data-dir", typo.toString(), "--create", "--config", tmp.resolve("none.json").toString());
        assertEquals(0, created.code, created.err.toString());
        assertTrue(Files.exists(typo.resolve("leverdesk.mv.db")));
    }

    @Test
    void aFolderWithOtherFilesButNoStoreIsRefusedToo() throws Exception {
        Files.writeString(tmp.resolve("notes.txt"), "not a store");
        String line = oneLine(run("runs", "--data-dir", tmp.toString()));
        assertEquals("error: --data-dir " + tmp + " holds no Leverdesk store (leverdesk.mv.db); check the path for a typo, or"
                + " add --create to start a new, empty store there", line);
    }

    @Test
    void jacksonsTokenNamesNeverReachAConfigError() throws Exception {
        Path config = tmp.resolve("config.json");
        Files.writeString(config, "{\"strategies\": {\"strategyId\": \"regime\"}}");
        String line = oneLine(run("run", "--dry-run", "--config", config.toString(), "--data-dir", tmp.resolve("d").toString(),
                "--create"));
        assertTrue(line.contains("'strategies' must be a list [...], not an object {...} (line 1, column 16)"), line);
        assertFalse(line.contains("JsonToken") || line.contains("START_") || line.contains("java."), line);
    }

    @Test
    void negativeAndMissingNumbersAreRefused() {
        assertTrue(oneLine(run("orders", "--limit", "0", "--data-dir", tmp.resolve("d").toString(), "--create")).startsWith(
                "error: --limit must be at least 1 (got 0)"));
        assertTrue(oneLine(run(backtest("--from", "2024-01-02", "--to", "2024-06-28", "--slippage-bps", "-3"))).startsWith(
                "error: --slippage-bps must be between 0 and 10000 basis points"));
    }
}
