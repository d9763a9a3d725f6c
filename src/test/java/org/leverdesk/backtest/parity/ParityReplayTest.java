package org.leverdesk.backtest.parity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.leverdesk.backtest.BacktestConfig;
import org.leverdesk.backtest.CostModel;
import org.leverdesk.common.CancellationToken;
import org.leverdesk.common.ProgressListener;
import org.leverdesk.domain.Decision;
import org.leverdesk.domain.Explanation;
import org.leverdesk.domain.Target;
import org.leverdesk.execution.StrategyRun;
import org.leverdesk.market.calendar.NyseCalendar;
import org.leverdesk.market.data.CsvBarReader;
import org.leverdesk.market.data.CsvDirectoryMarketData;
import org.leverdesk.market.data.MarketData;
import org.leverdesk.schedule.JobDefinition;
import org.leverdesk.strategy.DecisionContext;
import org.leverdesk.strategy.ExecutionPolicy;
import org.leverdesk.strategy.Strategy;
import org.leverdesk.strategy.catalog.StrategyCatalog;
import org.leverdesk.testing.SharedPrices;

/**
 * What trades is what was tested: each built-in strategy replayed through the live path (paper broker,
 * its scheduled jobs on a simulated clock, data fed a session at a time) makes the same decisions, the
 * same fills and the same closing equity to the cent as its backtest, over at least 250 real sessions.
 */
class ParityReplayTest {
    private final NyseCalendar calendar = new NyseCalendar();

    private MarketData prices() {
        return new CsvDirectoryMarketData(SharedPrices.dir(), new CsvBarReader(calendar));
    }


    private ParityReport replay(Strategy s, String traded, List<JobDefinition> jobs, String from, String to) {
        BacktestConfig config = new BacktestConfig(LocalDate.parse(from), LocalDate.parse(to), 100_000, CostModel.FREE, false, null, true);
        return new ParityReplay(calendar).compare(new StrategyRun(s, 1, null, 1.0), prices(), traded, jobs, config,
                ProgressListener.NONE, CancellationToken.NONE);
    }

    @ParameterizedTest(name = "{0} {1}..{2}")
    @CsvSource({
            // a month-end rebalance at 15:50 and the first day's buy
            "monthly-rebalance, 2024-01-02, 2025-06-30",
            // before-close entries and exits with protective stop orders resting at the broker
            "rsi2,              2024-01-02, 2025-06-30",
            // regime sizing with gates on QQQ's averages
            "regime,            2024-01-02, 2025-06-30",
            // after the close: sells to the opening auction, buys at the follow-up job; a dividend on an ex-date
            // (SPY, 2025-03-21) the same day shares are bought after the open: they carry none
            "rotation,          2024-01-02, 2025-06-30",
    })
    void theLivePathDoesWhatTheBacktestDid(String id, String from, String to) {
        var d = StrategyCatalog.builtIn().require(id);
        ParityReport r = replay(d.factory().create(d.defaultSymbol(), Map.of()), d.defaultSymbol(), ReplayJobs.of(id), from, to);
        assertTrue(r.identical(), r.summary());
        assertTrue(r.sessions() >= 250, r.summary());
        assertTrue(r.fills() > 0, "a replay with no fill proves nothing: " + r.summary());
    }

    @Test
    void aStrategyThatDecidesDifferentlyTheSecondTimeIsCaught() {
        // Buys on its first call ever: the backtest runs first and buys; the live replay, its second life, holds.
        int[] calls = {0};
        Strategy once = new Strategy() {
            public String id() { return "once"; }
            public Set<String> symbols() { return Set.of("QQQ"); }
            public ExecutionPolicy execution() { return ExecutionPolicy.atClose(ExecutionPolicy.LiveOrderStyle.MARKET, 0); }
            public Decision decide(DecisionContext ctx) {
                return calls[0]++ == 0 ? new Decision(ctx.today(), id(), true, List.of(new Target("QQQ", 10)), Explanation.of("buy"))
                        : Decision.hold(ctx.today(), id(), "hold");
            }
        };
        ParityReport r = replay(once, "QQQ", ReplayJobs.of("monthly-rebalance").stream()
                .map(j -> new JobDefinition("once", j.name(), j.trigger())).toList(), "2024-01-02", "2024-01-31");
        assertFalse(r.identical());
        assertEquals(LocalDate.parse("2024-01-02"), r.firstDifference().day());
        assertEquals("decision", r.firstDifference().what());
    }
}
