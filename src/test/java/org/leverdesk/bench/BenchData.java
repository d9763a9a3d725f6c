package org.leverdesk.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.leverdesk.domain.BarSeries;
import org.leverdesk.market.calendar.NyseCalendar;
import org.leverdesk.market.data.CsvBarReader;
import org.leverdesk.market.demo.DemoMarketData;
import org.leverdesk.market.demo.DemoMarketGenerator;

/** The prices benchmarks run on: the real files in ../shared when present (the figures in the README), else the demo market. */
final class BenchData {
    private BenchData() {
    }

    static Path prices() {
        return Path.of(System.getProperty("leverdesk.shared.prices", "../shared/data/prices"));
    }

    /** A symbol's whole history: the real file, or the demo market's series over the same years. */
    static BarSeries series(NyseCalendar calendar, String symbol) {
        Path file = prices().resolve(symbol + ".csv");
        if (Files.isRegularFile(file)) {
            return new CsvBarReader(calendar).readSeries(file, symbol);
        }
        return new DemoMarketData(new DemoMarketGenerator(calendar, DemoMarketGenerator.DEFAULT_SEED), LocalDate.of(2026, 5, 1))
                .bars(symbol, LocalDate.of(2010, 2, 11), LocalDate.of(2026, 5, 1));
    }

    static BarSeries tqqq(NyseCalendar calendar) {
        return series(calendar, "TQQQ");
    }
}
