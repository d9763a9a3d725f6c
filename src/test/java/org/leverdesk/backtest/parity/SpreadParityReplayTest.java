package org.leverdesk.backtest.parity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.leverdesk.backtest.BacktestConfig;
import org.leverdesk.backtest.CostModel;
import org.leverdesk.broker.Broker;
import org.leverdesk.common.CancellationToken;
import org.leverdesk.common.ProgressListener;
import org.leverdesk.execution.StrategyRun;
import org.leverdesk.market.calendar.NyseCalendar;
import org.leverdesk.market.data.CsvBarReader;
import org.leverdesk.market.data.CsvDirectoryMarketData;
import org.leverdesk.market.data.MarketData;
import org.leverdesk.options.chain.SyntheticChains;
import org.leverdesk.options.data.OptionMarketFiles;
import org.leverdesk.strategy.catalog.StrategyCatalog;
import org.leverdesk.testing.SharedPrices;

/**
 * Issue 16: a month of {@code spreads} and of {@code condor} on QQQ through the live path on the paper broker (the
 * synthetic chains of real QQQ/VXN/DGS3MO, the scheduler's jobs on a simulated clock: the daily run at 15:50 and the
 * exit checks every 10 minutes from 09:40) opens and closes the same positions as the backtest of those days: the
 * same decisions (a day's exits carried out by the 10-minute checks, then the run's entry), the same exits by kind
 * and figures, the same legs filled at the same prices, the same equity at every close to the cent.
 *
 * <p>What the 10-minute checks can change on daily data: nothing but the minute. The only price of a session the
 * data has in time order is its close (the open, high and low have no minute), so each check sees the day's bar, as
 * the backtest's daily decision does; a check that finds an exit carries it out at 09:40 at that price, the daily
 * run then finds it closed. An exit crossed and recovered within a session is invisible to both.
 *
 * <p>Then the same months with the live process killed (in-process: the runtime abandoned, the store reopened, a new
 * paper broker and execution service on it, reconciled, the job run again) before a multi-leg entry reaches the
 * broker with its intents stored, after the broker accepted one but before its answer was stored, and after an exit
 * check's closing order was accepted: no leg is doubled (every fill equals the backtest's) and the positions at the
 * end are the backtest's. Skipped when ../shared/data is absent.
 */
class SpreadParityReplayTest {
    private final NyseCalendar calendar = new NyseCalendar();

    private ParityReport replay(String id, String from, String to, java.util.function.UnaryOperator<Broker> kills) {
        MarketData prices = new CsvDirectoryMarketData(SharedPrices.dir(), new CsvBarReader(calendar));
        SyntheticChains chains = OptionMarketFiles.realMarket(OptionMarketFiles.besidePrices(SharedPrices.dir()), prices, calendar);
        var d = StrategyCatalog.builtIn().require(id);
        BacktestConfig config = new BacktestConfig(LocalDate.parse(from), LocalDate.parse(to), 100_000, CostModel.FREE, false,
                null, true);
        return new ParityReplay(calendar, chains).withIntradayExits().withInterruptions(kills)
                .compare(new StrategyRun(d.factory().create("QQQ", Map.of()), 1, null, 1.0), prices, "QQQ", ReplayJobs.of(id),
                        config, ProgressListener.NONE, CancellationToken.NONE);
    }

    @ParameterizedTest(name = "{0} {1}..{2}")
    @CsvSource({
            "spreads, 2023-07-03, 2023-08-31",
            "condor,  2021-03-08, 2021-04-30",
    })
    void aMonthOnThePaperBrokerOpensAndClosesWhatTheBacktestDid(String id, String from, String to,
                                                                org.junit.jupiter.api.TestReporter reporter) {
        ParityReport r = replay(id, from, to, b -> b);
        reporter.publishEntry(id, r.summary());
        assertTrue(r.identical(), r.summary());
        assertTrue(r.fills() >= 8, "at least two positions opened and closed: " + r.summary());
    }

    @ParameterizedTest(name = "{0} {1}..{2}")
    @CsvSource({
            "spreads, 2023-07-03, 2023-08-31",
            "condor,  2021-03-08, 2021-04-30",
    })
    void aKillAtEachStepOfAMultiLegOrderNeverDoublesALeg(String id, String from, String to,
                                                         org.junit.jupiter.api.TestReporter reporter) {
        MultiLegKiller killer = new MultiLegKiller();
        ParityReport r = replay(id, from, to, killer::wrap);
        reporter.publishEntry(id, r.summary() + "; " + killer.kills);
        assertTrue(r.identical(), "after " + killer.kills + ": " + r.summary());
        assertEquals(List.of("before sending the opening", "after the broker accepted the opening",
                "after the broker accepted the closing"), killer.kinds(), killer.kills.toString());
        assertTrue(killer.kills.get(2).endsWith(" at 09:40"), "the closing order of the session's first exit check: " + killer.kills);
    }
}
