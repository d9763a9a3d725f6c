package org.leverdesk.backtest.parity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.TestReporter;
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
 * Issue 16, the Alpaca half: the {@code spreads} and {@code condor} windows of {@link SpreadParityReplayTest} through the
 * same live path, trading through {@link org.leverdesk.broker.alpaca.AlpacaBroker} (mleg orders over HTTP) against the
 * fake Alpaca server on 127.0.0.1 ({@link AlpacaParityAccount}: the fake's clock the replay's simulated clock, its quotes
 * from the data the paper broker reads). Compared with the backtest of those days: the same decisions, the same exits by
 * kind and figures, the same legs filled at the same prices on the same days, the same equity at every close to the
 * cent.
 *
 * <p>The first test hands the strategies the replay's synthetic chain (spreads) or reads it as live does on Alpaca, from
 * the fake's options snapshots endpoint serving the same surface (condor). The second kills the live process (the store
 * reopened, a new {@code AlpacaBroker} and execution service, reconciled by client order id, the job run again) before
 * the first opening mleg order is sent (intents stored), after the fake accepted the second opening order (its answer
 * never stored), after it accepted the first closing order (an exit check's, at 09:40), and after it accepted the
 * second closing order and left it working (Alpaca's {@code new}, nothing filled; it fills at the next moment's quotes):
 * no leg is doubled, every fill and close is the backtest's. Skipped when ../shared/data is absent.
 */
class AlpacaSpreadParityReplayTest {
    private final NyseCalendar calendar = new NyseCalendar();

    private ParityReport replay(String id, String from, String to, Function<SyntheticChains, AlpacaParityAccount> accounts,
                                List<AlpacaParityAccount> made, UnaryOperator<Broker> kills) {
        MarketData prices = new CsvDirectoryMarketData(SharedPrices.dir(), new CsvBarReader(calendar));
        SyntheticChains chains = OptionMarketFiles.realMarket(OptionMarketFiles.besidePrices(SharedPrices.dir()), prices, calendar);
        var d = StrategyCatalog.builtIn().require(id);
        BacktestConfig config = new BacktestConfig(LocalDate.parse(from), LocalDate.parse(to), 100_000, CostModel.FREE, false,
                null, true);
        return new ParityReplay(calendar, chains).withIntradayExits().withInterruptions(kills).withAccount(() -> {
                    AlpacaParityAccount a = accounts.apply(chains);
                    made.add(a);
                    return a;
                })
                .compare(new StrategyRun(d.factory().create("QQQ", Map.of()), 1, null, 1.0), prices, "QQQ", ReplayJobs.of(id),
                        config, ProgressListener.NONE, CancellationToken.NONE);
    }

    @ParameterizedTest(name = "{0} {1}..{2}, chain from snapshots: {3}")
    @CsvSource({
            "spreads, 2023-07-03, 2023-08-31, false",
            "condor,  2021-03-08, 2021-04-30, true",
    })
    void aMonthOnTheFakeAlpacaServerOpensAndClosesWhatTheBacktestDid(String id, String from, String to, boolean snapshots,
                                                                     TestReporter reporter) {
        List<AlpacaParityAccount> made = new ArrayList<>();
        ParityReport r = replay(id, from, to, chains -> new AlpacaParityAccount(chains, snapshots), made, b -> b);
        reporter.publishEntry(id + " on Alpaca", r.summary());
        assertTrue(r.identical(), r.summary());
        assertTrue(r.fills() >= 8, "at least two positions opened and closed: " + r.summary());
        var server = made.get(0).server;
        // The orders went to the fake as Alpaca mleg orders, one a position opened or closed.
        long mleg = server.orderBodies().stream().filter(b -> "mleg".equals(b.path("order_class").asText())).count();
        assertTrue(mleg >= 4, mleg + " mleg orders for " + r.fills() + " fills");
        // The chain came from Alpaca's options snapshots endpoint, or never touched it when handed in.
        long read = server.count("GET", "/v1beta1/options/snapshots/");
        assertTrue(snapshots ? read > 0 : read == 0, read + " snapshot requests");
    }

    @ParameterizedTest(name = "{0} {1}..{2}, chain from snapshots: {3}")
    @CsvSource({
            "spreads, 2023-07-03, 2023-08-31, true",
            "condor,  2021-03-08, 2021-04-30, false",
    })
    void aKillAtEachStepOfAnMlegOrderNeverDoublesALegOnAlpaca(String id, String from, String to, boolean snapshots,
                                                             TestReporter reporter) {
        List<AlpacaParityAccount> made = new ArrayList<>();
        MultiLegKiller killer = new MultiLegKiller(() -> made.get(0).server.holdNextMultiLeg());
        ParityReport r = replay(id, from, to, chains -> new AlpacaParityAccount(chains, snapshots), made, killer::wrap);
        reporter.publishEntry(id + " on Alpaca", r.summary() + "; " + killer.kills);
        assertTrue(r.identical(), "after " + killer.kills + ": " + r.summary());
        assertEquals(List.of("before sending the opening", "after the broker accepted the opening",
                "after the broker accepted the closing", "after the broker accepted and left open the closing"), killer.kinds(),
                killer.kills.toString());
        assertTrue(killer.kills.get(2).endsWith(" at 09:40"), "the closing order of the session's first exit check: " + killer.kills);
        var server = made.get(0).server;
        // Each mleg order went once: a client order id sent twice would have been refused (422), a leg doubled.
        List<String> ids = server.orderBodies().stream().filter(b -> "mleg".equals(b.path("order_class").asText()))
                .map(b -> b.path("client_order_id").asText()).toList();
        assertEquals(ids.size(), ids.stream().distinct().count(), "an mleg order sent twice: " + ids);
    }
}
