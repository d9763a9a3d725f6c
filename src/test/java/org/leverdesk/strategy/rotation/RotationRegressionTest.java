package org.leverdesk.strategy.rotation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.leverdesk.backtest.BacktestRequest;
import org.leverdesk.backtest.BacktestResult;
import org.leverdesk.backtest.BacktestService;
import org.leverdesk.backtest.CostModel;
import org.leverdesk.backtest.metrics.MetricsCalculator;
import org.leverdesk.common.CancellationToken;
import org.leverdesk.common.ProgressListener;
import org.leverdesk.market.calendar.NyseCalendar;
import org.leverdesk.market.data.CsvBarReader;
import org.leverdesk.market.data.CsvDirectoryMarketData;
import org.leverdesk.strategy.catalog.StrategyCatalog;
import org.leverdesk.testing.SharedPrices;

class RotationRegressionTest {
    static BacktestResult run(Map<String, String> params) {
        NyseCalendar calendar = new NyseCalendar();
        BacktestService service = new BacktestService(new CsvDirectoryMarketData(SharedPrices.dir(), new CsvBarReader(calendar)),
                calendar, StrategyCatalog.builtIn(), new MetricsCalculator());
        return service.run(new BacktestRequest("rotation", "SPY", LocalDate.parse("2021-01-01"),
                LocalDate.parse("2025-01-01"), 100_000, CostModel.FREE, "SPY", params), ProgressListener.NONE, CancellationToken.NONE);
    }

    @Test
    void explore() {
        long t0 = System.nanoTime();
        BacktestResult r = run(Map.of());
        System.out.println("ms " + (System.nanoTime() - t0) / 1e6);
        System.out.println(r.metrics());
        System.out.println("fills " + r.fills().size());
        r.fills().stream().limit(12).forEach(System.out::println);
        r.decisions().stream().filter(d -> d.rebalance()).limit(3).forEach(d -> {
            System.out.println(d.date() + " " + d.explanation().summary());
            d.explanation().gates().forEach(g -> System.out.println("   " + g));
            System.out.println("   " + d.targets());
        });
    }
}
