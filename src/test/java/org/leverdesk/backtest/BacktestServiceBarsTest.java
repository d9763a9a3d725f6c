package org.leverdesk.backtest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.leverdesk.backtest.metrics.MetricsCalculator;
import org.leverdesk.domain.BarSeries;
import org.leverdesk.market.calendar.NyseCalendar;
import org.leverdesk.market.data.CsvBarReader;
import org.leverdesk.market.data.CsvDirectoryMarketData;
import org.leverdesk.strategy.catalog.StrategyCatalog;
import org.leverdesk.testing.SharedPrices;

/** The runner hands the UI the same bars the backtests read, for the price chart. */
class BacktestServiceBarsTest {
    @Test
    void barsOfJanuary2024AreTheTwentyOneTqqqSessionsFromTheCsv() {
        NyseCalendar calendar = new NyseCalendar();
        BacktestService service = new BacktestService(new CsvDirectoryMarketData(SharedPrices.dir(), new CsvBarReader(calendar)),
                calendar, StrategyCatalog.builtIn(), new MetricsCalculator());
        BarSeries bars = service.bars(" tqqq ", LocalDate.of(2024, 1, 1), LocalDate.of(2024, 1, 31));
        assertEquals("TQQQ", bars.symbol());
        assertEquals(21, bars.size());
        assertEquals(LocalDate.of(2024, 1, 2), bars.firstDate());
        // first row of 2024 in TQQQ.csv: 24.67499924, 24.71500015, 23.63500023, 24.06500053, 176270600
        assertEquals(24.67499924, bars.open(0), 1e-9);
        assertEquals(23.63500023, bars.low(0), 1e-9);
        assertEquals(176_270_600L, bars.volume(0));
        assertEquals(26.31999969, bars.close(20), 1e-9);
    }
}
