package org.leverdesk.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.leverdesk.app.context.TestBrokers;
import org.leverdesk.testing.ScriptedBroker;

/**
 * {@code positions --greeks}: a bull put spread on the account, marked on the synthetic QQQ chain of 2025-09-26 (real
 * prices, VXN and T-bills from ../shared/data; skipped without them), grouped with its hand-checked maximum profit,
 * loss and break-even.
 */
class PositionsGreeksTest {
    private static final Path PRICES = Path.of("../shared/data/prices");
    private static final String SHORT = "QQQ   251017P00570000";
    private static final String LONG = "QQQ   251017P00565000";

    @TempDir
    Path tmp;

    @AfterEach
    void tearDown() {
        TestBrokers.reset();
    }

    private CliRun run(String... extra) {
        CliRun cli = new CliRun();
        List<String> all = new java.util.ArrayList<>(List.of("positions", "--greeks"));
        all.addAll(List.of(extra));
        all.addAll(List.of("--prices", PRICES.toString(), "--data-dir", tmp.resolve("store").toString(), "--create"));
        cli.run(all.toArray(String[]::new));
        return cli;
    }

    @Test
    void optionPositionsWithGreeksCollateralAndTheSpreadGrouped() {
        Assumptions.assumeTrue(Files.isRegularFile(PRICES.resolve("QQQ.csv")), "skipped: no real prices in " + PRICES.toAbsolutePath());
        // sold the 570 put at 3.00, bought the 565 put at 2.00: credit 1.00 on a $5 spread (the broker's price is the average)
        TestBrokers.use(new ScriptedBroker(20_000, Instant.parse("2025-09-26T20:00:00Z"))
                .price(SHORT, 3.00).position(SHORT, -1).price(LONG, 2.00).position(LONG, 1));
        CliRun text = run();
        assertEquals(0, text.code, text.err.toString());
        String out = text.out.toString();
        assertTrue(out.contains("options on 2025-09-26: net delta "), out);
        assertTrue(out.contains("cash held as collateral $500.00"), "(570 − 565) × 100: " + out);
        assertTrue(out.lines().anyMatch(l -> l.startsWith("QQQ 17 Oct 25 570 P") && l.contains(SHORT) && l.endsWith("$500.00 cash (spread width)")
                && l.contains(" 21 ")), out);
        assertTrue(out.contains("QQQ 17 Oct 25 bull put spread 565/570 ×1: max profit $100.00, max loss $400.00, break-even [$569.00]"), out);
        assertTrue(out.contains("exits: take at $0.50, stop at $3.00, short strikes [$570.00], close by 2025-10-16"), "1.00 × 50%; 1.00 + 50% × 4.00: "
                + out);

        CliRun json = run("--json");
        assertEquals(0, json.code, json.err.toString());
        assertTrue(json.out.toString().contains("\"kind\" : \"bull put spread\""), json.out.toString());
        assertTrue(json.out.toString().contains("\"deltaShares\""), json.out.toString());
    }
}
