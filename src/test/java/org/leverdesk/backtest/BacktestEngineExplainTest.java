package org.leverdesk.backtest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.leverdesk.backtest.metrics.MetricsCalculator;
import org.leverdesk.common.CancellationToken;
import org.leverdesk.common.ProgressListener;
import org.leverdesk.domain.BarSeries;
import org.leverdesk.domain.Decision;
import org.leverdesk.market.calendar.TradingCalendar;
import org.leverdesk.strategy.DecisionContext;
import org.leverdesk.strategy.ExecutionPolicy;
import org.leverdesk.strategy.Strategy;
import org.leverdesk.testing.Bars;
import org.leverdesk.testing.WeekdayCalendar;

/** The engine asks for explanations exactly when it records decisions; the 5-argument context explains. */
class BacktestEngineExplainTest {
    private static final WeekdayCalendar CAL = new WeekdayCalendar();
    private static final LocalDate MON = LocalDate.parse("2024-01-08");

    private static List<Boolean> explainFlags(boolean recordDecisions) {
        BarSeries x = Bars.flat("X", CAL, MON, 10, 11, 12);
        List<Boolean> seen = new ArrayList<>();
        Strategy s = new Strategy() {
            public String id() { return "probe"; }
            public Set<String> symbols() { return Set.of("X"); }
            public ExecutionPolicy execution() { return ExecutionPolicy.atClose(ExecutionPolicy.LiveOrderStyle.MARKET, 0); }
            public Decision decide(DecisionContext ctx) {
                seen.add(ctx.explain());
                return Decision.hold(ctx.today(), id(), "hold");
            }
        };
        BacktestConfig cfg = new BacktestConfig(x.firstDate(), x.lastDate(), 1000, CostModel.FREE, false, null, recordDecisions);
        new BacktestEngine(CAL, new MetricsCalculator()).run(s, Map.of("X", x), "X", cfg, "test", ProgressListener.NONE,
                CancellationToken.NONE);
        return seen;
    }

    @Test
    void recordedRunsAskForExplanationsAndUnrecordedRunsDoNot() {
        assertEquals(List.of(true, true, true), explainFlags(true));
        assertEquals(List.of(false, false, false), explainFlags(false));
    }

    @Test
    void theFiveArgumentContextExplains() {
        TradingCalendar cal = CAL;
        assertEquals(true, new DecisionContext(MON, null, null, cal, false).explain());
    }
}
