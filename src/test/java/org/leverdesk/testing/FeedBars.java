package org.leverdesk.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.leverdesk.domain.Bar;
import org.leverdesk.market.calendar.NyseCalendar;
import org.leverdesk.market.calendar.TradingCalendar;
import org.leverdesk.market.data.CsvBarReader;

/**
 * Daily bars for the market-data feed tests: the real ones from ../shared/data/prices when that folder is
 * there, otherwise a deterministic made-up series over the same NYSE sessions (so the protocol tests run
 * everywhere; assertions compare with whatever the fake serves).
 */
public final class FeedBars {
    private static final TradingCalendar CALENDAR = new NyseCalendar();

    private FeedBars() {
    }

    /** True when the real prices are there. */
    public static boolean real(String symbol) {
        return Files.isRegularFile(dir().resolve(symbol + ".csv"));
    }

    /** The bars of {@code symbol} from {@code from} to {@code to}, real when available. */
    public static List<Bar> of(String symbol, LocalDate from, LocalDate to) {
        if (real(symbol)) {
            return new CsvBarReader(CALENDAR).readSeries(dir().resolve(symbol + ".csv"), symbol).between(from, to).bars();
        }
        List<Bar> out = new ArrayList<>();
        List<LocalDate> days = CALENDAR.tradingDays(from, to);
        double base = 50 + Math.abs(symbol.hashCode() % 400);
        for (int i = 0; i < days.size(); i++) {
            double c = base * (1 + 0.0004 * i + 0.03 * Math.sin(i / 9.0));
            double dividendFactor = 0.97 + 0.03 * i / Math.max(1, days.size() - 1);
            out.add(new Bar(days.get(i), c * 0.995, c * 1.012, c * 0.988, c, 1_000_000L + i * 1000L, c * dividendFactor));
        }
        return out;
    }

    private static Path dir() {
        return Path.of(System.getProperty("leverdesk.shared.prices", "../shared/data/prices"));
    }
}
