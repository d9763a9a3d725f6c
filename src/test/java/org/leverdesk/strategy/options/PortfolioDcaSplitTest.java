package org.leverdesk.strategy.options;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.leverdesk.backtest.BacktestConfig;
import org.leverdesk.backtest.BacktestEngine;
import org.leverdesk.backtest.BacktestResult;
import org.leverdesk.backtest.CostModel;
import org.leverdesk.backtest.metrics.MetricsCalculator;
import org.leverdesk.common.CancellationToken;
import org.leverdesk.common.ProgressListener;
import org.leverdesk.config.OptionsMode;
import org.leverdesk.config.OptionsPortfolio;
import org.leverdesk.config.PortfolioAsset;
import org.leverdesk.config.StrategySettings;
import org.leverdesk.domain.BarSeries;
import org.leverdesk.domain.Fill;
import org.leverdesk.market.calendar.NyseCalendar;
import org.leverdesk.testing.SharedPrices;

/**
 * The portfolio's weekly DCA total split by the assets' weights, through the expanded {@code dca} settings and the one
 * engine on real closes, checked by hand: $10,000 a week, QQQM 0.45 and SPY 0.25 -> weeklyAmount $7,000 with the
 * weights normalised (0.45 / 0.70, 0.25 / 0.70), so QQQM gets $4,500 and SPY $2,500 a week.
 */
class PortfolioDcaSplitTest {
    @Test
    void theWeeklyTotalIsSplitByWeightInWholeShares() {
        OptionsPortfolio p = new OptionsPortfolio(OptionsMode.BALANCED, 10_000, 1.0, List.of(
                PortfolioAsset.parse("QQQM:QQQ:0.45:dca:0.60"), PortfolioAsset.parse("SPY:SPY:0.25:dca:0.40")));
        StrategySettings dca = p.expand(List.of()).get(0);
        assertEquals(Map.of("symbol", "QQQM", "weights", "QQQM:0.45,SPY:0.25", "weeklyAmount", "7000"), dca.parameters());
        Map<String, String> params = new HashMap<>(dca.parameters());
        String symbol = params.remove("symbol");
        DcaStrategy strategy = new DcaStrategy(DcaConfig.parse(symbol, params));
        BarSeries qqqm = SharedPrices.load("QQQM");
        BarSeries spy = SharedPrices.load("SPY");
        BacktestResult r = new BacktestEngine(new NyseCalendar(), new MetricsCalculator(0)).run(strategy,
                Map.of("QQQM", qqqm, "SPY", spy), "QQQM", new BacktestConfig(LocalDate.of(2021, 1, 4), LocalDate.of(2021, 1, 8),
                        100_000, CostModel.FREE, false, "QQQM", false), "test", ProgressListener.NONE, CancellationToken.NONE);
        List<Fill> monday = r.fills().stream().filter(f -> f.date().equals(LocalDate.of(2021, 1, 4))).toList();
        // 2021-01-04 closes: QQQM 127.08, SPY 368.79. QQQM: floor(4,500 / 127.08) = floor(35.41) = 35;
        // SPY: floor(2,500 / 368.79) = floor(6.78) = 6. The rest of the week buys nothing (one buy a week).
        assertEquals(35, monday.stream().filter(f -> f.symbol().equals("QQQM")).findFirst().orElseThrow().quantity());
        assertEquals(6, monday.stream().filter(f -> f.symbol().equals("SPY")).findFirst().orElseThrow().quantity());
        assertEquals(2, r.fills().size());
    }
}
