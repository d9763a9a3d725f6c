package org.leverdesk.strategy.options;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
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
import org.leverdesk.domain.BarSeries;
import org.leverdesk.domain.Fill;
import org.leverdesk.domain.Side;
import org.leverdesk.market.calendar.NyseCalendar;
import org.leverdesk.testing.SharedPrices;

/** Weekly DCA through the one engine on real QQQM and SPY closes; the first week checked by hand. */
class DcaBacktestRealDataTest {
    private static final NyseCalendar NYSE = new NyseCalendar();

    private static BacktestResult run(Map<String, String> params, LocalDate to) {
        BarSeries qqqm = SharedPrices.load("QQQM");
        BarSeries spy = SharedPrices.load("SPY");
        DcaStrategy dca = new DcaStrategy(DcaConfig.parse("QQQM", params));
        return new BacktestEngine(NYSE, new MetricsCalculator(0)).run(dca, Map.of("QQQM", qqqm, "SPY", spy), "QQQM",
                new BacktestConfig(LocalDate.of(2021, 1, 4), to, 100_000, CostModel.FREE, false, "QQQM", false), "test",
                ProgressListener.NONE, CancellationToken.NONE);
    }

    @Test
    void eachWeekBuysItsAmountSplitByWeightInWholeShares() {
        BarSeries qqqm = SharedPrices.load("QQQM");
        BarSeries spy = SharedPrices.load("SPY");
        BacktestResult r = run(Map.of("weights", "QQQM:0.6,SPY:0.4", "weeklyAmount", "2000"), LocalDate.of(2021, 1, 29));
        // Monday 2021-01-04 (first day): $2,000 → QQQM ⌊1,200 / close⌋, SPY ⌊800 / close⌋
        LocalDate monday = LocalDate.of(2021, 1, 4);
        double q = qqqm.close(qqqm.indexAtOrAfter(monday));
        double s = spy.close(spy.indexAtOrAfter(monday));
        List<Fill> first = r.fills().stream().filter(f -> f.date().equals(monday)).toList();
        assertEquals(2, first.size());
        Fill fq = first.stream().filter(f -> f.symbol().equals("QQQM")).findFirst().orElseThrow();
        Fill fs = first.stream().filter(f -> f.symbol().equals("SPY")).findFirst().orElseThrow();
        assertEquals((long) Math.floor(1200 / q), fq.quantity());
        assertEquals((long) Math.floor(800 / s), fs.quantity());
        assertEquals(2, fs.quantity(), "SPY closed near $368");
        assertEquals(Side.BUY, fq.side());
        // one buy day a week: the Mondays (Tuesday 2021-01-19 after Martin Luther King Day)
        assertEquals(List.of(monday, LocalDate.of(2021, 1, 11), LocalDate.of(2021, 1, 19), LocalDate.of(2021, 1, 25)),
                r.fills().stream().map(Fill::date).distinct().toList());
    }

    @Test
    void theFullRunIsPinned() {
        BacktestResult r = run(Map.of("weights", "QQQM:0.6,SPY:0.4", "weeklyAmount", "500"), LocalDate.of(2025, 9, 26));
        assertEquals(111_320.30, r.metrics().finalEquity(), 0.005);
        assertTrue(r.fills().stream().allMatch(f -> f.side() == Side.BUY), "DCA only buys");
    }

    @Test
    void badWeightsAreOneLineErrors() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> DcaConfig.parse("QQQM", Map.of("weights", "QQQM=0.6")));
        assertEquals("weights: 'QQQM=0.6' must be SYMBOL:weight, like QQQM:0.45", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> DcaConfig.parse("QQQM", Map.of("weights", "QQQM:-1")));
        assertThrows(IllegalArgumentException.class, () -> DcaConfig.parse("QQQM", Map.of("sweep", "maybe")));
    }
}
