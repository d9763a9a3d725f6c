package org.leverdesk.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.leverdesk.config.AppConfig;
import org.leverdesk.config.BrokerSettings;
import org.leverdesk.config.ConfigFile;
import org.leverdesk.config.RiskSettings;
import org.leverdesk.config.StrategySettings;

/** {@code run --as-of D} on the built-in paper broker trades the way day D's rules would, never "258600 s old". */
class ReplayTest {
    @TempDir
    Path tmp;

    @Test
    void aReplayedMondayAndMonthEndTradeOnTheirOwnPrices() throws Exception {
        Path prices = Files.createDirectories(tmp.resolve("prices"));
        Files.writeString(prices.resolve("TQQQ.csv"), """
                date,open,high,low,close,volume,adj_close
                2025-12-26,47,48,46,47,1000,47
                2025-12-29,48,49,47,48,1000,48
                2025-12-30,48,50,48,49,1000,49
                2025-12-31,49,51,49,50,1000,50
                """);
        Path config = tmp.resolve("config.json");
        new ConfigFile(config).save(new AppConfig(BrokerSettings.defaults(), RiskSettings.defaults(),
                List.of(new StrategySettings("monthly-rebalance", true, 1.0, Map.of("allocation", "2000"), null)), null));
        for (String day : List.of("2025-12-29", "2025-12-31")) {
            CliRun cli = new CliRun();
            cli.run("run", "--as-of", day, "--prices", prices.toString(), "--data-dir", tmp.resolve("store").toString(),
                    "--create", "--config", config.toString());
            String out = cli.out.toString();
            assertEquals(0, cli.code, out + cli.err);
            assertFalse(out.contains("blocked:"), out);
            assertFalse(out.contains("s old"), out);
            assertTrue(out.contains("order: buy ") && out.contains(" SENT "), out);
        }
    }
}
