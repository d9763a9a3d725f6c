package org.leverdesk.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.concurrent.TimeUnit;
import org.leverdesk.domain.BarSeries;
import org.leverdesk.market.calendar.NyseCalendar;
import org.leverdesk.market.data.CsvBarReader;
import org.leverdesk.market.data.CsvDirectoryMarketData;
import org.leverdesk.market.data.MarketData;
import org.leverdesk.market.demo.DemoMarketData;
import org.leverdesk.market.demo.DemoMarketGenerator;
import org.leverdesk.options.chain.ChainFilter;
import org.leverdesk.options.chain.OptionChain;
import org.leverdesk.options.chain.SyntheticChains;
import org.leverdesk.options.contract.OptionContract;
import org.leverdesk.options.contract.OptionRight;
import org.leverdesk.options.data.OptionMarketFiles;
import org.leverdesk.options.pricing.AmericanValuation;
import org.leverdesk.options.pricing.BlackScholes;
import org.leverdesk.options.pricing.ImpliedVolResult;
import org.leverdesk.options.pricing.ImpliedVolatility;
import org.leverdesk.options.pricing.OptionValuation;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Synthetic option chains on QQQ (real QQQ, VXN, VIX and DGS3MO when ../shared is present, else the
 * demo market): one day's chain of 2 expiries × 41 strikes × call and put with Greeks and bid/ask, the
 * same for every session of 15 years, and the single pricing calls under it. Target (issue 15): a
 * 15-year wheel backtest with daily chains under 1 s, so one day's chain well under 100 µs.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class OptionChainBench {
    private static final ChainFilter TWO_BY_FORTY_ONE = new ChainFilter(7, 45, 2, 20);

    private SyntheticChains chains;
    private BarSeries qqq;
    private LocalDate day;
    private double spot;
    private OptionContract atmPut;

    @Setup
    public void load() {
        NyseCalendar calendar = new NyseCalendar();
        Path prices = Path.of(System.getProperty("leverdesk.shared.prices", "../shared/data/prices"));
        MarketData data;
        if (Files.isRegularFile(prices.resolve("QQQ.csv"))) {
            data = new CsvDirectoryMarketData(prices, new CsvBarReader(calendar));
            chains = OptionMarketFiles.realMarket(OptionMarketFiles.besidePrices(prices), data, calendar);
        } else {
            data = new DemoMarketData(new DemoMarketGenerator(calendar, DemoMarketGenerator.DEFAULT_SEED), LocalDate.of(2025, 9, 26));
            chains = OptionMarketFiles.demoMarket(data, calendar);
        }
        qqq = data.bars("QQQ", LocalDate.of(2010, 9, 27), LocalDate.of(2025, 9, 26));
        int i = qqq.indexAtOrBefore(LocalDate.of(2024, 5, 3));
        day = qqq.date(i);
        spot = qqq.close(i);
        atmPut = OptionContract.of("QQQ", LocalDate.of(2024, 6, 7), OptionRight.PUT, "435");
        System.out.println("QQQ " + qqq + ", " + chains.chain("QQQ", day, spot, TWO_BY_FORTY_ONE).quotes().size()
                + " quotes a day, " + chains.inputs("QQQ", day));
    }

    @Benchmark
    public OptionChain oneDayChain() {
        return chains.chain("QQQ", day, spot, TWO_BY_FORTY_ONE);
    }

    /** Every session of 15 years (about 3,780 chains); divide by the days for the time per day. */
    @Benchmark
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public double fifteenYearsOfChains() {
        double sum = 0;
        for (int i = 0; i < qqq.size(); i++) {
            OptionChain chain = chains.chain("QQQ", qqq.date(i), qqq.close(i), TWO_BY_FORTY_ONE);
            sum += chain.quotes().get(chain.quotes().size() / 2).mark();
        }
        return sum;
    }

    @Benchmark
    @OutputTimeUnit(TimeUnit.NANOSECONDS)
    public OptionValuation bsmPriceWithGreeks() {
        return BlackScholes.value(OptionRight.PUT, spot, 435, 35 / 365.0, 0.054, 0.0067, 0.165);
    }

    @Benchmark
    @OutputTimeUnit(TimeUnit.NANOSECONDS)
    public ImpliedVolResult impliedVolatility() {
        return ImpliedVolatility.solve(OptionRight.PUT, 7.65, spot, 435, 35 / 365.0, 0.054, 0.0067);
    }

    @Benchmark
    public AmericanValuation americanCheck200Steps() {
        return chains.american(atmPut, day, spot, 200);
    }
}
