package org.leverdesk.research.walkforward;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.Period;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.leverdesk.backtest.BacktestResult;
import org.leverdesk.backtest.CostModel;
import org.leverdesk.common.CancellationToken;
import org.leverdesk.common.ProgressListener;
import org.leverdesk.research.GrowthFunction;
import org.leverdesk.research.Metric;
import org.leverdesk.research.ParameterCheck;
import org.leverdesk.research.ResearchFixture;
import org.leverdesk.research.RunBase;
import org.leverdesk.research.RunnerBacktestFunction;
import org.leverdesk.research.sweep.ParameterAxis;
import org.leverdesk.research.sweep.SearchSpace;

class WalkForwardTest {
    private static final LocalDate FROM = LocalDate.of(2020, 1, 1);
    private static final LocalDate TO = LocalDate.of(2021, 12, 31);
    private static final RunBase BASE = new RunBase("growth", null, 10_000, CostModel.FREE, null, Map.of());

    /** x=1 earns 0.1% every day; x=2 earns 0.2% a day in 2020 and loses 0.1% a day in 2021. */
    private static final GrowthFunction FN = new GrowthFunction((p, d) -> p.get("x").equals("1") ? 0.001
            : d.getYear() == 2020 ? 0.002 : -0.001);

    private static int sessions(LocalDate from, LocalDate to) {
        int n = 0;
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
            n += ResearchFixture.CALENDAR.isTradingDay(d) ? 1 : 0;
        }
        return n;
    }

    @Test
    void rollingWindowsTileTheRangeAfterTheFirstInSamplePart() {
        List<WindowPlan> w = WindowPlan.of(FROM, TO, Period.ofMonths(12), Period.ofMonths(6), false);
        assertEquals(List.of(
                new WindowPlan(LocalDate.of(2020, 1, 1), LocalDate.of(2020, 12, 31), LocalDate.of(2021, 1, 1), LocalDate.of(2021, 6, 30)),
                new WindowPlan(LocalDate.of(2020, 7, 1), LocalDate.of(2021, 6, 30), LocalDate.of(2021, 7, 1), LocalDate.of(2021, 12, 31))), w);
        List<WindowPlan> a = WindowPlan.of(FROM, LocalDate.of(2021, 10, 15), Period.ofMonths(12), Period.ofMonths(6), true);
        assertEquals(new WindowPlan(LocalDate.of(2020, 1, 1), LocalDate.of(2021, 6, 30), LocalDate.of(2021, 7, 1),
                LocalDate.of(2021, 10, 15)), a.get(1), "anchored at the start; the last out-of-sample part is cut at the end");
        assertThrows(IllegalArgumentException.class, () -> WindowPlan.of(FROM, LocalDate.of(2020, 12, 31),
                Period.ofMonths(12), Period.ofMonths(6), false));
    }

    @Test
    void eachWindowTradesTheInSampleWinnerAndTheCurveIsStitched() {
        WalkForwardResult r = new WalkForward(FN, ParameterCheck.NONE).run(new WalkForwardRequest(BASE, FROM, TO,
                SearchSpace.grid(List.of(ParameterAxis.parse("x=1,2"))), Metric.CAGR, Period.ofMonths(12), Period.ofMonths(6),
                false), ProgressListener.NONE, CancellationToken.NONE);
        assertEquals(2, r.windows().size());
        // 2020: x=2 grows faster, so it trades H1 2021 and loses 0.1% a day.
        assertEquals(Map.of("x", "2"), r.windows().get(0).outOfSample().parameters());
        // Jul 2020..Jun 2021: x=1 (0.1% every day) beats x=2 (+0.2% for half, -0.1% for half).
        assertEquals(Map.of("x", "1"), r.windows().get(1).outOfSample().parameters());
        int h1 = sessions(LocalDate.of(2021, 1, 1), LocalDate.of(2021, 6, 30));
        int h2 = sessions(LocalDate.of(2021, 7, 1), LocalDate.of(2021, 12, 31));
        assertEquals(h1 + h2, r.equity().length);
        double end = 10_000 * Math.pow(0.999, h1 - 1) * Math.pow(1.001, h2 - 1);
        assertEquals(end, r.equity()[r.equity().length - 1], 1e-6);
        assertEquals(LocalDate.of(2021, 1, 4), r.dates()[0]);

        // WFE = stitched CAGR / mean in-sample CAGR, every CAGR (E_last/E_first)^(365.25/days) - 1
        double isCagr1 = Math.pow(Math.pow(1.002, sessions(LocalDate.of(2020, 1, 1), LocalDate.of(2020, 12, 31)) - 1),
                365.25 / (LocalDate.of(2020, 12, 31).toEpochDay() - LocalDate.of(2020, 1, 2).toEpochDay())) - 1;
        assertEquals(isCagr1, r.windows().get(0).inSampleCagr(), 1e-12);
        double isMean = (r.windows().get(0).inSampleCagr() + r.windows().get(1).inSampleCagr()) / 2;
        double oosCagr = Math.pow(end / 10_000, 365.25 / (LocalDate.of(2021, 12, 31).toEpochDay()
                - LocalDate.of(2021, 1, 4).toEpochDay())) - 1;
        assertEquals(oosCagr, r.outOfSample().cagr(), 1e-12);
        assertEquals(oosCagr / isMean, r.efficiency(), 1e-12);
        assertTrue(r.windows().get(0).efficiency() < 0, "window 1 lost out of sample what it won in sample");
        assertEquals(2, r.windows().get(0).inSampleTrials());
    }

    @Test
    void periodsAreReadInTradersUnits() {
        assertEquals(Period.ofMonths(24), WalkForwardRequest.parsePeriod("24m"));
        assertEquals(Period.ofYears(2), WalkForwardRequest.parsePeriod("2Y"));
        assertEquals(Period.ofDays(90), WalkForwardRequest.parsePeriod("90d"));
        assertEquals(Period.of(1, 6, 0), WalkForwardRequest.parsePeriod("P1Y6M"));
        for (String bad : new String[] {"", "m", "0m", "-3m", "3x", "abc"}) {
            assertThrows(IllegalArgumentException.class, () -> WalkForwardRequest.parsePeriod(bad), bad);
        }
    }

    @Test
    void theOutOfSampleRunIsTheEnginesOwnBacktestOfTheWinner() {
        var engine = ResearchFixture.demoEngine();
        WalkForwardResult r = new WalkForward(new RunnerBacktestFunction(engine, 2), ResearchFixture.check()).run(
                new WalkForwardRequest(ResearchFixture.rsi2(), LocalDate.of(2018, 1, 1), LocalDate.of(2019, 6, 30),
                        SearchSpace.grid(List.of(ParameterAxis.parse("entryRsi=10,30"))), Metric.SHARPE,
                        Period.ofMonths(12), Period.ofMonths(6), false), ProgressListener.NONE, CancellationToken.NONE);
        WalkForwardWindow w = r.windows().get(0);
        BacktestResult single = engine.run(ResearchFixture.rsi2().request(w.outOfSample().parameters(),
                LocalDate.of(2019, 1, 1), LocalDate.of(2019, 6, 30)), ProgressListener.NONE, CancellationToken.NONE);
        assertEquals(single.metrics().finalEquity(), w.outOfSample().metrics().finalEquity(), 0.0);
        assertEquals(single.metrics().finalEquity(), r.equity()[r.equity().length - 1], 1e-6, "one window: the curve is that run");
        assertEquals(w.inSampleBest().parameters(), w.outOfSample().parameters());
    }
}
