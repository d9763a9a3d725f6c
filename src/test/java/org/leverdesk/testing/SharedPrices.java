package org.leverdesk.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.leverdesk.domain.Bar;
import org.leverdesk.domain.BarSeries;

/** Test-only loader of the real daily prices in ../shared/data/prices; skips the test when they are absent. */
public final class SharedPrices {
    private SharedPrices() {
    }

    /** The shared prices folder, or a skipped test when it does not exist. */
    public static Path dir() {
        Path dir = Path.of(System.getProperty("leverdesk.shared.prices", "leverdesk.shared.prices-not-set"));
        Assumptions.assumeTrue(Files.isDirectory(dir), "real prices not found at " + dir.toAbsolutePath() + "; skipping");
        return dir;
    }

    /** All bars of {@code symbol} from {@code <dir>/<symbol>.csv} (header date,open,high,low,close,volume,adj_close). */
    public static BarSeries load(String symbol) {
        Path file = dir().resolve(symbol + ".csv");
        Assumptions.assumeTrue(Files.isRegularFile(file), file + " not found; skipping");
        try {
            List<String> lines = Files.readAllLines(file);
            List<Bar> bars = new ArrayList<>(lines.size());
            for (String line : lines.subList(1, lines.size())) {
                if (line.isBlank()) {
                    continue;
                }
                String[] f = line.split(",");
                bars.add(new Bar(LocalDate.parse(f[0]), Double.parseDouble(f[1]), Double.parseDouble(f[2]),
                        Double.parseDouble(f[3]), Double.parseDouble(f[4]), (long) Double.parseDouble(f[5]),
                        Double.parseDouble(f[6])));
            }
            return BarSeries.of(symbol, bars);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
