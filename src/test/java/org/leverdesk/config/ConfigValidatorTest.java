package org.leverdesk.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The one validator: what the daemon used to accept and run refused is refused everywhere, with the fix. */
class ConfigValidatorTest {
    @TempDir
    Path dir;

    private static List<ConfigProblem> check(StrategySettings... strategies) {
        return ConfigValidator.check(new AppConfig(null, null, List.of(strategies), null));
    }

    @Test
    void aStrategyParameterOutOfRangeIsAProblemWithTheCommandThatFixesIt() {
        List<ConfigProblem> p = check(new StrategySettings("regime", true, 0.3, Map.of("holdDays", "-4"), null));
        assertEquals(1, p.size(), p.toString());
        assertEquals("strategies.regime.parameters", p.get(0).key());
        assertTrue(p.get(0).text().startsWith("strategies.regime.parameters: holdDays"), p.get(0).text());
        assertEquals("leverdesk config set strategies.regime.parameters.<name>=<value>", p.get(0).fix());
    }

    @Test
    void anUnknownParameterAndAnUnknownStrategyAreProblems() {
        assertTrue(check(new StrategySettings("regime", true, 0.3, Map.of("stopPct", "5"), null)).get(0).text()
                .startsWith("strategies.regime.parameters: unknown parameter 'stopPct' for regime; known: "));
        ConfigProblem unknown = check(new StrategySettings("options-dca", true, 0.3, Map.of(), null)).get(0);
        assertEquals("strategies.options-dca: unknown strategy 'options-dca'; known: monthly-rebalance, regime, rsi2, rotation, wheel, covered-call, dca",
                unknown.text());
        assertEquals("leverdesk config unset strategies.options-dca", unknown.fix());
    }

    @Test
    void aBadScheduleAMissingShareAndTwoStrategiesOnOneSymbolAreProblems() {
        assertTrue(check(new StrategySettings("regime", true, 0.3, Map.of(), "close-10")).get(0).text()
                .startsWith("strategies.regime.schedule: schedule 'close-10' of strategy regime: 'close-10' is not a schedule"));
        assertEquals("strategies.regime.capitalShare is missing; give the fraction of the account it may use, above 0 and at"
                + " most 1", check(new StrategySettings("regime", true, Double.NaN, Map.of(), null)).get(0).text());
        List<ConfigProblem> both = check(new StrategySettings("regime", true, 0.3, Map.of(), null),
                new StrategySettings("rsi2", true, 0.3, Map.of(), null));
        assertEquals("strategies: regime and rsi2 both trade TQQQ in one account, so each would count the other's shares as"
                + " its own; give one of them another symbol or disable one", both.get(0).text());
        assertEquals("leverdesk config set strategies.rsi2.enabled=false", both.get(0).fix());
        // A disabled one may share the symbol: it does not trade.
        assertTrue(check(new StrategySettings("regime", true, 0.3, Map.of(), null),
                new StrategySettings("rsi2", false, 0.3, Map.of(), null)).isEmpty());
    }

    @Test
    void riskLimitsAreCheckedAndTheHaltLossIsAtLeastTheReducingLoss() {
        AppConfig c = AppConfig.defaults();
        AppConfig bad = new AppConfig(null, c.risk().withLimits(new RiskLimits(-1, 0, 20, 10, 8, 4)), null, null);
        List<String> p = ConfigValidator.problems(bad);
        assertEquals(List.of("risk.limits.maxOrderValue must be between 0 and 1000000000 (got -1)",
                "risk.limits.dailyLossHaltPercent (4) must be at least risk.limits.dailyLossReducingPercent (8): trading is"
                        + " reduced before it is halted"), p);
    }

    @Test
    void theDefaultsTheStarterAndEveryExampleConfigAreValid() throws Exception {
        assertTrue(ConfigValidator.check(AppConfig.defaults()).isEmpty());
        assertTrue(ConfigValidator.check(AppConfig.starter()).isEmpty());
        Path examples = Path.of("resources", "config");
        List<Path> files;
        try (var list = Files.list(examples)) {
            files = list.filter(f -> f.toString().endsWith(".json")).sorted().toList();
        }
        assertEquals(4, files.size(), files.toString());
        for (Path f : files) {
            AppConfig loaded = new ConfigFile(f).load();
            assertTrue(!loaded.enabledStrategies().isEmpty(), f + " enables a strategy");
        }
    }
}
