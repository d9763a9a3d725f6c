package org.leverdesk.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.leverdesk.testing.SharedPrices;

/** {@code leverdesk status}, run through the real root command line. */
class StatusCommandTest {
    private static final Pattern GATE = Pattern.compile("  (PASS|FAIL) [a-zA-Z -]+: .+ \\(.*\\)");
    private static final Pattern WHAT_IF = Pattern.compile("if run now: (buy \\d+ TQQQ|sell \\d+ TQQQ|no order)");
    private final CliRun cli = new CliRun();
    private final StringWriter out = cli.out;
    private final StringWriter err = cli.err;

    @TempDir
    Path tmp;

    /** Every run gets its own store and a config file that does not exist: nothing of the user's home is read. */
    private int run(String... args) {
        java.util.List<String> all = new java.util.ArrayList<>(java.util.List.of(args));
        if (!all.contains("--data-dir")) {
            all.addAll(java.util.List.of("--data-dir", tmp.resolve("store").toString(), "--create"));
        }
        all.addAll(java.util.List.of("--config", tmp.resolve("none.json").toString()));
        return cli.run(all.toArray(String[]::new));
    }

    private List<String> lines() {
        return out.toString().lines().toList();
    }

    private long gateLines() {
        return lines().stream().filter(l -> GATE.matcher(l).matches()).count();
    }

    @Test
    void onRealDataItPrintsTheLastSessionsRegimeEveryGateAndTheWhatIf() {
        Path dir = SharedPrices.dir();
        assertEquals(0, run("status", "--prices", dir.toString()), err.toString());
        List<String> l = lines();
        assertTrue(l.get(0).startsWith("prices: CSV"), l.get(0));
        // QQQ.csv ends 2025-09-26 (TQQQ runs longer): the decision day is the last day both have
        assertTrue(l.get(1).startsWith("data date: 2025-09-26 (today "), l.get(1));
        assertTrue(l.contains("warning: data ends 2025-09-26 but the latest completed session is " + l.stream()
                .filter(x -> x.startsWith("warning:")).findFirst().orElse("").replaceAll(".*session is (\\S+);.*", "$1")
                + "; import newer prices for a current status"), String.join("\n", l));
        assertTrue(l.stream().anyMatch(x -> x.matches("regime: [A-Z ]+ \\(today [A-Z ]+\\)")), String.join("\n", l));
        assertEquals(16, gateLines(), String.join("\n", l));
        assertTrue(WHAT_IF.matcher(l.get(l.size() - 1)).matches(), l.get(l.size() - 1));
        // signals in the window's labels and units, never "momentumScore = 1.00"
        assertTrue(l.stream().anyMatch(x -> x.matches("  Momentum score \\(0–1\\): \\d\\.\\d\\d")), String.join("\n", l));
        assertTrue(l.stream().anyMatch(x -> x.matches("  Slow SMA: \\$[\\d,]+\\.\\d\\d")), String.join("\n", l));
        assertFalse(l.stream().anyMatch(x -> x.matches("  [a-z]+[A-Z]\\w* = .*")), String.join("\n", l));
        // one freshness rule: stale prices fail the data-fresh gate and order nothing (it said PASS and "buy 41")
        assertTrue(l.stream().anyMatch(x -> x.startsWith("  FAIL data fresh: ")), String.join("\n", l));
        assertFalse(l.stream().anyMatch(x -> x.startsWith("  PASS data fresh")), String.join("\n", l));
        assertEquals("if run now: no order", l.get(l.size() - 1));
    }

    @Test
    void asOfTheCovidCrashTheRegimeIsRiskOffAndNothingIsBought() {
        Path dir = SharedPrices.dir();
        assertEquals(0, run("status", "--prices", dir.toString(), "--as-of", "2020-03-12"), err.toString());
        List<String> l = lines();
        assertEquals("data date: 2020-03-12 (today 2020-03-12)", l.get(1));
        assertTrue(l.contains("regime: RISK OFF (today RISK OFF)"), String.join("\n", l));
        assertTrue(l.stream().anyMatch(x -> x.startsWith("  FAIL regime allows long: ")), String.join("\n", l));
        assertEquals("if run now: no order", l.get(l.size() - 1));
    }

    @Test
    void holdingTqqqOnTheCrashDayPrintsTheEmergencySell() {
        Path dir = SharedPrices.dir();
        assertEquals(0, run("status", "--prices", dir.toString(), "--as-of", "2020-03-12", "--cash", "7000", "--shares", "40"),
                err.toString());
        List<String> l = lines();
        assertTrue(l.contains("account: given account (cash $7,000.00, 40 TQQQ held)"), String.join("\n", l));
        assertEquals("if run now: sell 40 TQQQ", l.get(l.size() - 1));
        assertTrue(l.stream().anyMatch(x -> x.startsWith("decision: EMERGENCY EXIT (confirmed regime RISK OFF)")), String.join("\n", l));
    }

    @Test
    void aFreshDataFolderShowsTheLabelledDemoMarket() {
        assertEquals(0, run("status", "--data-dir", tmp.resolve("store").toString(), "--create"), err.toString());
        List<String> l = lines();
        assertEquals("DEMO — simulated prices: nothing here is a real market; every figure below is DEMO", l.get(0));
        assertTrue(l.get(1).startsWith("data date: "), l.get(1));
        assertTrue(l.stream().noneMatch(x -> x.startsWith("warning:")), "the demo market runs to the last completed session");
        assertEquals(16, gateLines(), String.join("\n", l));
        assertTrue(WHAT_IF.matcher(l.get(l.size() - 1)).matches(), l.get(l.size() - 1));
        assertTrue(l.stream().anyMatch(x -> x.startsWith("  PASS data fresh: ")), "fresh demo prices pass the gate too");
    }

    @Test
    void aNegativeCashIsRejectedInOneLine() {
        assertEquals(2, run("status", "--cash", "-5"));
        assertEquals("error: --cash must be between 0 and 1,000,000,000,000 dollars (got -5.0)", err.toString().strip());
    }

    @Test
    void withoutWhatIfTheStatusIsSizedAgainstTheConfiguredAccountAndItsRealPosition() throws Exception {
        Path config = tmp.resolve("config.json");
        new org.leverdesk.config.ConfigFile(config).save(org.leverdesk.config.AppConfig.defaults().withStrategy(
                new org.leverdesk.config.StrategySettings("regime", true, 0.4, java.util.Map.of(), null)));
        org.leverdesk.testing.ScriptedBroker broker = new org.leverdesk.testing.ScriptedBroker(50_000, java.time.Instant.now())
                .price("TQQQ", 100).position("TQQQ", 30);
        org.leverdesk.app.context.TestBrokers.use(broker);
        try {
            assertEquals(0, cli.run("status", "--data-dir", tmp.resolve("store").toString(), "--create", "--config",
                    config.toString()), err.toString());
        } finally {
            org.leverdesk.app.context.TestBrokers.reset();
        }
        // equity 50,000 + 30 x 100 = 53,000; 40% = 21,200, of which the 30 TQQQ are worth 3,000: 18,200 cash
        assertTrue(lines().contains("account: scripted account equity $53,000.00 x regime's capital share 40% (cash $18,200.00,"
                + " 30 TQQQ held)"), String.join("\n", lines()));
    }
}
