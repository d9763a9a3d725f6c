package org.leverdesk.research;

import java.time.LocalDate;
import java.util.Map;
import org.leverdesk.backtest.BacktestService;
import org.leverdesk.backtest.CostModel;
import org.leverdesk.backtest.metrics.MetricsCalculator;
import org.leverdesk.market.calendar.NyseCalendar;
import org.leverdesk.market.data.CsvBarReader;
import org.leverdesk.market.data.CsvDirectoryMarketData;
import org.leverdesk.market.data.MarketData;
import org.leverdesk.market.demo.DemoMarketData;
import org.leverdesk.market.demo.DemoMarketGenerator;
import org.leverdesk.strategy.catalog.StrategyCatalog;
import org.leverdesk.testing.SharedPrices;

/** The real engine over real prices (skips when ../shared/data is absent) or over the demo market. */
public final class ResearchFixture {
    public static final NyseCalendar CALENDAR = new NyseCalendar();
    private static volatile MarketData demo;

    private ResearchFixture() {
    }

    /** The engine over ../shared/data/prices; the calling test skips when the folder is absent. */
    public static BacktestService realEngine() {
        return engine(new CsvDirectoryMarketData(SharedPrices.dir(), new CsvBarReader(CALENDAR)));
    }

    /** The engine over the deterministic demo market (2000-01-03 .. 2024-12-31). */
    public static BacktestService demoEngine() {
        if (demo == null) {
            demo = new DemoMarketData(new DemoMarketGenerator(CALENDAR, DemoMarketGenerator.DEFAULT_SEED), LocalDate.of(2024, 12, 31));
        }
        return engine(demo);
    }

    public static BacktestService engine(MarketData data) {
        return new BacktestService(data, CALENDAR, StrategyCatalog.builtIn(), new MetricsCalculator());
    }

    public static ParameterCheck check() {
        return ParameterCheck.of(StrategyCatalog.builtIn());
    }

    /** rsi2 on TQQQ, $10,000, no costs, no fixed parameters. */
    public static RunBase rsi2() {
        return new RunBase("rsi2", "TQQQ", 10_000, CostModel.FREE, null, Map.of());
    }
}
