package org.leverdesk.testing;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.leverdesk.domain.BarSeries;
import org.leverdesk.market.calendar.NyseCalendar;
import org.leverdesk.market.data.CsvBarReader;

/** Locates ../shared/data/prices for tests on real data; tests using it skip when it is absent. */
public final class SharedPrices {
    private SharedPrices() {
    }

    /** The prices folder, or a skipped test with a message saying why. */
    public static Path dir() {
        Path dir = Path.of(System.getProperty("leverdesk.shared.prices", "../shared/data/prices"));
        assumeTrue(Files.isDirectory(dir), "real prices not found at " + dir.toAbsolutePath()
                + " (../shared/data/prices beside the repository); skipping the real-data test");
        return dir;
    }

    /** All bars of {@code symbol} from {@code <dir>/<symbol>.csv}, read and validated by the app's own reader. */
    public static BarSeries load(String symbol) {
        Path file = dir().resolve(symbol + ".csv");
        assumeTrue(Files.isRegularFile(file), file + " not found; skipping the real-data test");
        return new CsvBarReader(new NyseCalendar()).readSeries(file, symbol);
    }
}
