package org.leverdesk.backtest.parity;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.leverdesk.backtest.BacktestConfig;
import org.leverdesk.backtest.CostModel;
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
 * The option strategies on the paper broker: the wheel, covered calls and weekly DCA replayed through the live
 * path (paper broker with the synthetic chains of real QQQ/VXN/DGS3MO, the strategy's scheduled jobs on a
 * simulated clock, data fed a session at a time) sell the same puts and calls at the same bids, are assigned
 * and called away on the same closes, and end every session with the same equity to the cent as the backtest
 * of those days. Skipped when ../shared/data is absent.
 */
class OptionParityReplayTest {
    private final NyseCalendar calendar = new NyseCalendar();


    @ParameterizedTest(name = "{0} on {1} {3}..{4}")
    @CsvSource({
            // puts sold, assigned (2022's falls), covered calls written on the shares, called away, puts again
            "wheel,        QQQ, '',                      2022-01-03, 2023-06-30",
            // the seed's liquidity switch: sessions of QQQM, options and shares on QQQ; monthly expiries
            "wheel,        QQQM, 'optionsTicker=QQQ;dteWindow=monthly', 2022-01-03, 2023-03-31",
            // 100-share lots bought with the cash, calls written on them and called away
            "covered-call, QQQ, '',                      2023-01-03, 2024-03-28",
    })
    void theLivePathTradesOptionsAsTheBacktestDid(String id, String symbol, String params, String from, String to) {
        MarketData prices = new CsvDirectoryMarketData(SharedPrices.dir(), new CsvBarReader(calendar));
        SyntheticChains chains = OptionMarketFiles.realMarket(OptionMarketFiles.besidePrices(SharedPrices.dir()), prices, calendar);
        Map<String, String> p = new java.util.HashMap<>();
        for (String kv : params.split(";")) {
            if (!kv.isBlank()) {
                p.put(kv.substring(0, kv.indexOf('=')), kv.substring(kv.indexOf('=') + 1));
            }
        }
        var d = StrategyCatalog.builtIn().require(id);
        BacktestConfig config = new BacktestConfig(LocalDate.parse(from), LocalDate.parse(to), 100_000, CostModel.FREE, false,
                null, true);
        ParityReport r = new ParityReplay(calendar, chains).compare(new StrategyRun(d.factory().create(symbol, p), 1, null, 1.0),
                prices, symbol, ReplayJobs.of(id), config, ProgressListener.NONE, CancellationToken.NONE);
        assertTrue(r.identical(), r.summary());
        assertTrue(r.sessions() >= 250, r.summary());
        assertTrue(r.fills() > 20, "a replay with few fills proves little: " + r.summary());
    }
}
