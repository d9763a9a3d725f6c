package org.leverdesk.strategy.options;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.leverdesk.backtest.BacktestConfig;
import org.leverdesk.backtest.BacktestEngine;
import org.leverdesk.backtest.CostModel;
import org.leverdesk.backtest.metrics.MetricsCalculator;
import org.leverdesk.common.CancellationToken;
import org.leverdesk.common.ProgressListener;
import org.leverdesk.domain.Decision;
import org.leverdesk.domain.Target;
import org.leverdesk.market.calendar.NyseCalendar;
import org.leverdesk.market.data.CsvBarReader;
import org.leverdesk.market.data.CsvDirectoryMarketData;
import org.leverdesk.market.data.MarketData;
import org.leverdesk.options.chain.SyntheticChains;
import org.leverdesk.options.data.OptionMarketFiles;
import org.leverdesk.strategy.catalog.StrategyCatalog;
import org.leverdesk.testing.SharedPrices;

/**
 * An expiry whose position the decision closes is free for that decision's entry. On 2023-07-14 (a backtest of
 * {@code spreads} from 2023-07-03) the bull put spread of 2023-08-04 is closed by its profit take and the new one is
 * opened in the same expiry, the nearest of the 21–35-day window, at the 365/360 strikes: what the live path does
 * when the 10-minute exit check closed the position at 09:40 and the 15:50 run finds that expiry empty. It used to
 * skip the expiry it was closing (and open 2023-08-18), so the backtest and the live path opened different spreads
 * (found by {@code SpreadParityReplayTest}). Skipped when ../shared/data is absent.
 */
class SpreadExpiryReuseTest {
    @Test
    void theDecisionThatClosesAnExpiryMayOpenTheNextPositionInIt() {
        NyseCalendar calendar = new NyseCalendar();
        MarketData prices = new CsvDirectoryMarketData(SharedPrices.dir(), new CsvBarReader(calendar));
        SyntheticChains chains = OptionMarketFiles.realMarket(OptionMarketFiles.besidePrices(SharedPrices.dir()), prices, calendar);
        BacktestConfig config = new BacktestConfig(LocalDate.parse("2023-07-03"), LocalDate.parse("2023-07-14"), 100_000,
                CostModel.FREE, false, null, true).withRecordDecisions(true);
        var r = new BacktestEngine(calendar, new MetricsCalculator(), chains).run(
                StrategyCatalog.builtIn().require("spreads").factory().create("QQQ", Map.of()), 1,
                Map.of("QQQ", prices.barsUpTo("QQQ", config.to())), "QQQ", config, "test", ProgressListener.NONE,
                CancellationToken.NONE);
        Decision last = r.decisions().get(r.decisions().size() - 1);
        assertEquals(LocalDate.parse("2023-07-14"), last.date());
        assertTrue(last.explanation().summary().contains("close the 2023-08-04 position"), last.explanation().summary());
        assertTrue(last.explanation().summary().contains("profit take"), last.explanation().summary());
        assertEquals(List.of(new Target("QQQ   230804P00349000", 0), new Target("QQQ   230804P00354000", 0),
                new Target("QQQ   230804P00365000", -5), new Target("QQQ   230804P00360000", 5)), last.targets());
    }
}
