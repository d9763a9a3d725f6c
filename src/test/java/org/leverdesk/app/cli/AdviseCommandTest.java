package org.leverdesk.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.leverdesk.testing.SharedPrices;

/** {@code leverdesk advise} on real prices: neighbours, the comparison, and --apply creating an advisor version. */
class AdviseCommandTest {
    @TempDir
    Path tmp;

    private CliRun run(String... args) {
        CliRun cli = new CliRun();
        cli.run(args);
        return cli;
    }

    @Test
    void adviceIsMeasuredAndApplyingCreatesAVersionThatIsNotActive() throws Exception {
        String prices = SharedPrices.dir().toString();
        String data = tmp.resolve("store").toString();
        String config = tmp.resolve("config.json").toString();
        String[] base = {"advise", "--strategy", "rsi2", "-P", "entryRsi=10,45", "--as-of", "2024-06-28", "--k", "6", "--horizon", "5",
            "--prices", prices, "--data-dir", data, "--create", "--config", config, "--json"};
        CliRun first = run(base);
        assertEquals(0, first.code, first.err.toString());
        JsonNode root = new ObjectMapper().readTree(first.out.toString());
        assertEquals("2024-06-28", root.get("today").asText());
        assertTrue(root.get("features").has("vix") && root.get("features").has("regime"), root.get("features").toString());
        assertEquals(3, root.get("candidates").size());
        assertEquals(6, root.get("neighbours").size());
        for (JsonNode n : root.get("neighbours")) {
            assertTrue(n.get("window_end").asText().compareTo("2024-06-28") <= 0, "windows end by the day advised on");
            assertEquals(3, n.get("returns").size());
        }
        JsonNode s = root.get("suggestion");
        double confidence = s.get("confidence").asDouble();
        assertTrue(confidence >= 0 && confidence <= 1);

        String[] applying = java.util.Arrays.copyOf(base, base.length + 1);
        applying[base.length] = "--apply";
        CliRun second = run(applying);
        if (s.get("keep_active").asBoolean()) {
            assertEquals(2, second.code);
            assertTrue(second.err.toString().contains("no suggestion to apply"), second.err.toString());
        } else {
            assertEquals(0, second.code, second.err.toString());
            JsonNode applied = new ObjectMapper().readTree(second.out.toString()).get("applied").get(0);
            assertEquals(false, applied.get("active").asBoolean(), "applying never makes it active without auto-apply");
            assertTrue(applied.get("message").asText().contains("by advisor"), applied.toString());
        }
    }
}
