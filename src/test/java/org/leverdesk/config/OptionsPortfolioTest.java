package org.leverdesk.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Seed 003's modes and {@code symbols:} portfolio: parsing, one-line validation naming the field, expansion of each mode. */
class OptionsPortfolioTest {
    private static final PortfolioAsset QQQM = PortfolioAsset.parse("QQQM:QQQ:0.45:dca,wheel:0.50");
    private static final PortfolioAsset VTI = PortfolioAsset.parse("VTI:VTI:0.25:dca:0.35");

    private static OptionsPortfolio of(OptionsMode mode, PortfolioAsset... assets) {
        return new OptionsPortfolio(mode, 100, 1.0, List.of(assets));
    }

    private static String firstProblem(OptionsPortfolio p) {
        List<ConfigProblem> problems = p.problems();
        assertTrue(!problems.isEmpty(), "expected a problem");
        return problems.get(0).text();
    }

    @Test
    void anAssetIsParsedFromTheCommandLineWithTheSeedsNames() {
        PortfolioAsset a = PortfolioAsset.parse("qqqm:qqq:0.45:dca,wheel,credit_spreads,iron_condor:0.5");
        assertEquals(new PortfolioAsset("QQQM", "QQQ", 0.45, List.of("dca", "wheel", "spreads", "condor"), 0.5), a);
        assertEquals("QQQM", PortfolioAsset.parse("QQQM::0.45::0.5").optionsTicker(), "an empty options ticker is the ticker");
        assertEquals(List.of(), PortfolioAsset.parse("QQQM::0.45::0.5").strategies(), "empty strategies: the mode's");
        assertEquals("--asset 'QQQM:QQQ:0.45' must be TICKER:OPTIONS_TICKER:WEIGHT:STRATEGIES:MAX_ALLOC_PCT, like"
                + " QQQM:QQQ:0.45:dca,wheel:0.50", assertThrows(IllegalArgumentException.class,
                () -> PortfolioAsset.parse("QQQM:QQQ:0.45")).getMessage());
        assertEquals("--asset 'QQQM:QQQ:lots:dca:0.5': weight must be a number like 0.45 (got 'lots')",
                assertThrows(IllegalArgumentException.class, () -> PortfolioAsset.parse("QQQM:QQQ:lots:dca:0.5")).getMessage());
        assertEquals("portfolio.mode: 'bold' is not a mode; use conservative, balanced or enhanced",
                assertThrows(IllegalArgumentException.class, () -> OptionsMode.parse("bold")).getMessage());
    }

    @Test
    void badPortfoliosAreOneLineErrorsNamingTheField() {
        assertEquals("portfolio.symbols: the DCA weights add up to 1.1; they must add up to at most 1",
                firstProblem(of(OptionsMode.BALANCED, QQQM, PortfolioAsset.parse("VTI:VTI:0.65:dca:0.35"))));
        assertEquals("portfolio.symbols[1].strategies: 'straddle' is not a portfolio strategy; use dca, wheel, covered-call,"
                + " spreads or condor", firstProblem(of(OptionsMode.ENHANCED, QQQM, PortfolioAsset.parse("VTI:VTI:0.25:straddle:0.35"))));
        assertEquals("portfolio.symbols[1].maxAllocPct must be a fraction above 0 and at most 1 (got 1.5)",
                firstProblem(of(OptionsMode.BALANCED, QQQM, PortfolioAsset.parse("VTI:VTI:0.25:dca:1.5"))));
        assertEquals("portfolio.symbols[0].maxAllocPct must be a fraction above 0 and at most 1 (got 0)",
                firstProblem(of(OptionsMode.BALANCED, PortfolioAsset.parse("VTI:VTI:0.25:dca:0"))));
        assertEquals("portfolio.symbols[0].ticker: '1X' is not a ticker like QQQM",
                firstProblem(of(OptionsMode.BALANCED, PortfolioAsset.parse("1X:QQQ:0.25:dca:0.5"))));
        assertEquals("portfolio.symbols[0].weight must be from 0 to 1 (got -0.2)",
                firstProblem(of(OptionsMode.BALANCED, PortfolioAsset.parse("QQQM:QQQ:-0.2:wheel:0.5"))));
        assertEquals("portfolio.symbols[0].strategies: spreads is not part of the balanced mode (dca, wheel); choose another mode"
                + " or remove it", firstProblem(of(OptionsMode.BALANCED, PortfolioAsset.parse("QQQM:QQQ:0.45:dca,spreads:0.5"))));
        assertEquals("portfolio.symbols[1].strategies: wheel already runs on portfolio.symbols[0]; each option strategy runs on"
                + " one asset", firstProblem(of(OptionsMode.BALANCED, QQQM, PortfolioAsset.parse("SPY:SPY:0.2:wheel:0.3"))));
        // DCA buying the options ticker's shares beside the wheel: two strategies on one symbol's shares
        assertEquals("portfolio.symbols[0].strategies: wheel and dca (portfolio.symbols[0]) would both trade QQQ in one"
                + " account (each would count the other's shares as its own); give one another ticker or options ticker",
                firstProblem(of(OptionsMode.ENHANCED, PortfolioAsset.parse("QQQ:QQQ:0.45:dca,wheel,spreads:0.5"))));
        assertEquals("portfolio.symbols[1].ticker: QQQM is listed twice; list each asset once",
                firstProblem(of(OptionsMode.BALANCED, QQQM, PortfolioAsset.parse("QQQM:QQQ:0.1:dca:0.5"))));
        assertEquals("portfolio.weeklyDcaTotal must be a positive dollar amount (got 0)",
                firstProblem(new OptionsPortfolio(OptionsMode.BALANCED, 0, 1, List.of(QQQM))));
        assertEquals("portfolio.symbols is empty; add at least one asset, like QQQM:QQQ:0.45:dca,wheel:0.50",
                firstProblem(of(OptionsMode.BALANCED)));
        assertEquals(List.of(), of(OptionsMode.BALANCED, QQQM, VTI).problems(), "the seed's example is valid");
    }

    @Test
    void conservativeIsDcaAndCoveredCalls() {
        OptionsPortfolio p = of(OptionsMode.CONSERVATIVE, PortfolioAsset.parse("QQQM:QQQ:0.45::0.50"), VTI);
        assertEquals(List.of(), p.problems());
        List<StrategySettings> s = p.expand(List.of());
        assertEquals(List.of(
                new StrategySettings("dca", true, 0.70, Map.of("symbol", "QQQM", "weights", "QQQM:0.45,VTI:0.25", "weeklyAmount", "70"), null),
                new StrategySettings("covered-call", true, 0.30, Map.of("symbol", "QQQM", "optionsTicker", "QQQ"), null)), s);
        assertEquals("conservative: dca 70% (QQQM $45/week, VTI $25/week), covered-call 30% (QQQM, options on QQQ)", p.describe());
    }

    @Test
    void balancedIsDcaAndTheWheelAndKeepsSchedules() {
        OptionsPortfolio p = of(OptionsMode.BALANCED, QQQM, VTI);
        List<StrategySettings> s = p.expand(List.of(new StrategySettings("wheel", true, 1.0, Map.of(), "close-30m")));
        assertEquals(List.of("dca", "wheel"), s.stream().map(StrategySettings::strategyId).toList());
        assertEquals(0.40, s.get(0).capitalShare());
        assertEquals(0.60, s.get(1).capitalShare());
        assertEquals("close-30m", s.get(1).schedule(), "a schedule set before is kept");
        assertEquals(Map.of("symbol", "QQQM", "optionsTicker", "QQQ"), s.get(1).parameters());
    }

    @Test
    void enhancedAddsSpreadsAndCondorsOnATinyAllocationOfTheModesShare() {
        OptionsPortfolio p = new OptionsPortfolio(OptionsMode.ENHANCED, 100, 0.8, List.of(QQQM, VTI,
                PortfolioAsset.parse("SPY:SPY:0:spreads:0.10"), PortfolioAsset.parse("IWM:IWM:0:condor:0.10")));
        assertEquals(List.of(), p.problems());
        List<StrategySettings> s = p.expand(List.of());
        assertEquals(List.of("dca", "wheel", "spreads", "condor"), s.stream().map(StrategySettings::strategyId).toList());
        // the mode's shares 35/50/7.5/7.5% of the 80% the mode uses
        assertEquals(List.of(0.28, 0.40, 0.06, 0.06), s.stream().map(StrategySettings::capitalShare).toList());
        assertEquals(Map.of("symbol", "SPY"), s.get(2).parameters());
        assertEquals(Map.of("symbol", "IWM"), s.get(3).parameters());
        // every expanded strategy is valid for the catalog and the account (shares add up to 0.8)
        AppConfig cfg = AppConfig.defaults().withPortfolio(p);
        assertEquals(List.of(), ConfigValidator.check(cfg));
    }

    /**
     * Decision record 0031: the seed's own example, one asset with the wheel, spreads and the condor all on its options
     * ticker, is valid and expands with that one options ticker; the validator and the live runner take it.
     */
    @Test
    void enhancedOnOneAssetPutsEveryOptionStrategyOnItsOptionsTicker() {
        OptionsPortfolio p = new OptionsPortfolio(OptionsMode.ENHANCED, 100, 1,
                List.of(PortfolioAsset.parse("QQQM:QQQ:0.45:dca,wheel,spreads,condor:0.5")));
        assertEquals(List.of(), p.problems());
        List<StrategySettings> s = p.expand(List.of());
        assertEquals(List.of("dca", "wheel", "spreads", "condor"), s.stream().map(StrategySettings::strategyId).toList());
        assertEquals(List.of(0.35, 0.5, 0.075, 0.075), s.stream().map(StrategySettings::capitalShare).toList());
        assertEquals(Map.of("symbol", "QQQM", "optionsTicker", "QQQ"), s.get(1).parameters());
        assertEquals(Map.of("symbol", "QQQ"), s.get(2).parameters());
        assertEquals(Map.of("symbol", "QQQ"), s.get(3).parameters());
        assertEquals(List.of(), ConfigValidator.check(AppConfig.defaults().withPortfolio(p)));
    }

    @Test
    void aModeStrategyNoAssetRunsIsLeftOutAndItsShareStaysCash() {
        List<StrategySettings> s = of(OptionsMode.ENHANCED, QQQM, VTI).expand(List.of());
        assertEquals(List.of("dca", "wheel"), s.stream().map(StrategySettings::strategyId).toList());
    }

    @Test
    void withPortfolioReplacesTheOptionStrategiesKeepsTheOthersAndOffRemovesThem() {
        AppConfig base = AppConfig.defaults().withStrategy(new StrategySettings("regime", false, 1.0, null, null))
                .withStrategy(new StrategySettings("covered-call", true, 0.5, null, null));
        AppConfig on = base.withPortfolio(of(OptionsMode.BALANCED, QQQM, VTI));
        assertEquals(List.of("regime", "dca", "wheel"), on.strategies().stream().map(StrategySettings::strategyId).toList());
        AppConfig off = on.withPortfolio(null);
        assertEquals(List.of("regime"), off.strategies().stream().map(StrategySettings::strategyId).toList());
        assertEquals(null, off.portfolio());
    }

    @Test
    void theConfigFileKeepsThePortfolioAndItsProblemsReachTheValidator() {
        AppConfig cfg = AppConfig.defaults().withPortfolio(of(OptionsMode.BALANCED, QQQM, VTI));
        String json = ConfigFile.toJson(cfg);
        assertTrue(json.contains("\"mode\" : \"balanced\""), json);
        AppConfig back = ConfigFile.parse(json, "test");
        assertEquals(cfg, back);
        String bad = json.replace("\"maxAllocPct\" : 0.35", "\"maxAllocPct\" : 2.0");
        List<ConfigProblem> problems = ConfigValidator.check(ConfigFile.parse(bad, "test"));
        assertEquals("portfolio.symbols[1].maxAllocPct must be a fraction above 0 and at most 1 (got 2)", problems.get(0).text());
    }
}
