package org.leverdesk.research.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import org.junit.jupiter.api.Test;
import org.leverdesk.backtest.BacktestResult;
import org.leverdesk.backtest.BacktestService;
import org.leverdesk.common.CancellationToken;
import org.leverdesk.common.ProgressListener;
import org.leverdesk.research.Metric;
import org.leverdesk.research.ResearchFixture;
import org.leverdesk.research.RunnerBacktestFunction;
import org.leverdesk.research.Trial;

class SweepRunnerTest {
    private static final LocalDate FROM = LocalDate.of(2022, 1, 3);
    private static final LocalDate TO = LocalDate.of(2023, 12, 29);

    private static SweepRequest request(String... axes) {
        return new SweepRequest(ResearchFixture.rsi2(), FROM, TO,
                SearchSpace.grid(java.util.Arrays.stream(axes).map(ParameterAxis::parse).toList()), Metric.SHARPE);
    }

    @Test
    void everyPairEndsWithTheEquityOfItsSingleBacktestOnRealPrices() {
        sameAsSingleBacktests(ResearchFixture.realEngine());
    }

    @Test
    void everyPairEndsWithTheEquityOfItsSingleBacktestOnTheDemoMarket() {
        sameAsSingleBacktests(ResearchFixture.demoEngine());
    }

    private static void sameAsSingleBacktests(BacktestService engine) {
        SweepResult r = new SweepRunner(new RunnerBacktestFunction(engine, 2), ResearchFixture.check())
                .run(request("entryRsi=10,30", "exitRsi=70,90"), ProgressListener.NONE, CancellationToken.NONE);
        assertEquals(4, r.trials().size());
        for (Trial t : r.trials()) {
            BacktestResult single = engine.run(ResearchFixture.rsi2().request(t.parameters(), FROM, TO),
                    ProgressListener.NONE, CancellationToken.NONE);
            assertEquals(single.metrics().finalEquity(), t.metrics().finalEquity(), 0.0, t.label());
            assertEquals(single.metrics().sharpe(), t.metrics().sharpe(), 0.0, t.label());
            assertEquals(single.equity().size(), t.equity().length);
            assertEquals(single.roundTrips().size(), t.tradeReturns().length);
        }
        assertTrue(r.trials().stream().map(t -> t.metrics().finalEquity()).distinct().count() > 1,
                "the parameters change the outcome");
        assertEquals(r.dataSource(), r.trials().get(0).dataSource());
        assertNotNull(r.overfitting());
        assertEquals(4, r.overfitting().deflatedSharpe().trials());
        assertNotNull(r.overfitting().pbo(), r.overfitting().note());
    }

    @Test
    void invalidCombinationsAreSkippedWithTheStrategysReason() {
        SweepResult r = new SweepRunner(new RunnerBacktestFunction(ResearchFixture.demoEngine(), 2), ResearchFixture.check())
                .run(request("entryRsi=20,80", "exitRsi=75"), ProgressListener.NONE, CancellationToken.NONE);
        assertEquals(1, r.trials().size());
        assertEquals(1, r.skipped().size());
        assertEquals(Map.of("entryRsi", "80", "exitRsi", "75"), r.skipped().get(0).parameters());
        assertTrue(r.skipped().get(0).reason().contains("must be below exitRsi"), r.skipped().get(0).reason());
    }

    @Test
    void anUnknownParameterFailsTheWholeSweepInOneLine() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () ->
                new SweepRunner(new RunnerBacktestFunction(ResearchFixture.demoEngine(), 2), ResearchFixture.check())
                        .run(request("entryRSI=10,20"), ProgressListener.NONE, CancellationToken.NONE));
        assertTrue(e.getMessage().contains("unknown parameter 'entryRSI'"), e.getMessage());
    }

    @Test
    void progressCountsRunsAndRankingFollowsTheMetric() {
        List<String> messages = new ArrayList<>();
        SweepResult r = new SweepRunner(new RunnerBacktestFunction(ResearchFixture.demoEngine(), 2), ResearchFixture.check())
                .run(request("entryRsi=10,20,30"), (f, m) -> {
                    synchronized (messages) {
                        messages.add(m);
                    }
                }, CancellationToken.NONE);
        assertEquals("runs: 3 of 3", messages.get(messages.size() - 1));
        List<Trial> ranked = r.ranked(Metric.FINAL_EQUITY);
        assertTrue(ranked.get(0).metrics().finalEquity() >= ranked.get(2).metrics().finalEquity());
        List<Trial> dd = r.ranked(Metric.ANNUAL_VOLATILITY);
        assertTrue(dd.get(0).metrics().annualVolatility() <= dd.get(2).metrics().annualVolatility(), "lower is better");
        assertEquals(r.sorted(Metric.FINAL_EQUITY, false).get(0), ranked.get(2), "ascending is the reverse");
    }

    @Test
    void cancellingStopsTheSweep() {
        CancellationToken cancel = new CancellationToken();
        assertThrows(CancellationException.class, () ->
                new SweepRunner(new RunnerBacktestFunction(ResearchFixture.demoEngine(), 1), ResearchFixture.check())
                        .run(request("entryRsi=5..45:1"), (f, m) -> {
                            if (f > 0) {
                                cancel.cancel();
                            }
                        }, cancel));
    }
}
