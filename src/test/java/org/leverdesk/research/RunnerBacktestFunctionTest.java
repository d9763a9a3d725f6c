package org.leverdesk.research;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.leverdesk.backtest.BacktestResult;
import org.leverdesk.backtest.BacktestService;
import org.leverdesk.backtest.CostModel;
import org.leverdesk.common.CancellationToken;
import org.leverdesk.common.ProgressListener;
import org.leverdesk.strategy.catalog.StrategyCatalog;
import org.leverdesk.strategy.catalog.StrategyDescriptor;

/**
 * Research runs keep no daily decisions (the strategies skip their explanations); every strategy must
 * still decide, fill and earn exactly as in the recorded backtest the Backtest view shows.
 */
class RunnerBacktestFunctionTest {
    private static final LocalDate FROM = LocalDate.of(2019, 1, 2);
    private static final LocalDate TO = LocalDate.of(2023, 12, 29);

    @Test
    void everyStrategyEarnsTheSameWithoutDecisionsOnTheDemoMarket() {
        BacktestService engine = ResearchFixture.demoEngine();
        for (StrategyDescriptor d : StrategyCatalog.builtIn().all()) {
            // Option writers need option chains, which the demo market has none of (WheelBacktestRealDataTest covers them).
            // DCA buys QQQM and SPY, which the demo market does not simulate.
            if (d.factory().create(d.defaultSymbol(), Map.of()).optionUnderlyings().isEmpty() && !d.id().equals("dca")) {
                same(engine, d.id());
            }
        }
    }

    @Test
    void rsi2AndRegimeEarnTheSameWithoutDecisionsOnRealPrices() {
        BacktestService engine = ResearchFixture.realEngine();
        same(engine, "rsi2");
        same(engine, "regime");
    }

    @Test
    void theRunsOfOneJobShareOneDatesArray() {
        BacktestService engine = ResearchFixture.demoEngine();
        RunBase base = new RunBase("rsi2", null, 10_000, new CostModel(1, 0, 5), null, Map.of());
        BacktestFunction.Prepared prepared = new RunnerBacktestFunction(engine, 1).prepare(base, FROM, TO);
        Trial a = prepared.run(Map.of("entryRsi", "10"), CancellationToken.NONE);
        Trial b = prepared.run(Map.of("entryRsi", "20"), CancellationToken.NONE);
        assertSame(a.dates(), b.dates(), "one array for the same days");
        assertTrue(a.dates().length > 1000);
        Trial shorter = RunnerBacktestFunction.sharingDates(new Trial(Map.of(), b.metrics(),
                java.util.Arrays.copyOf(b.dates(), 10), java.util.Arrays.copyOf(b.equity(), 10), new double[0], "x"),
                new java.util.concurrent.atomic.AtomicReference<>(a.dates()));
        assertEquals(10, shorter.dates().length, "other days keep their own array");
    }

    private static void same(BacktestService engine, String strategy) {
        RunBase base = new RunBase(strategy, null, 10_000, new CostModel(1, 0, 5), null, Map.of());
        BacktestResult recorded = engine.run(base.request(Map.of(), FROM, TO), ProgressListener.NONE, CancellationToken.NONE);
        assertTrue(recorded.decisions().size() > 100, strategy + " recorded its decisions");
        assertTrue(engine.runWithoutDecisions(base.request(Map.of(), FROM, TO), ProgressListener.NONE, CancellationToken.NONE)
                .decisions().isEmpty(), strategy + " kept no decisions");
        Trial trial = new RunnerBacktestFunction(engine, 1).prepare(base, FROM, TO).run(Map.of(), CancellationToken.NONE);
        Trial fromRecorded = RunnerBacktestFunction.trial(recorded, Map.of());
        assertEquals(fromRecorded.metrics(), trial.metrics(), strategy);
        assertArrayEquals(fromRecorded.equity(), trial.equity(), 0.0, strategy);
        assertArrayEquals(fromRecorded.tradeReturns(), trial.tradeReturns(), 0.0, strategy);
        assertTrue(recorded.roundTrips().size() > 0, strategy + " traded");
    }
}
