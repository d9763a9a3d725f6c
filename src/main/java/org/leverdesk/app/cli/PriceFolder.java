package org.leverdesk.app.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.leverdesk.domain.Bar;
import org.leverdesk.domain.BarSeries;

/**
 * Minimal reader of {@code <dir>/<SYMBOL>.csv} (header date,open,high,low,close,volume,adj_close) for
 * CLI commands given {@code --prices DIR}, until they use the shared MarketData adapter. Rejects bad
 * rows with a one-line message naming the file and line.
 */
final class PriceFolder {
    private static final String HEADER = "date,open,high,low,close,volume,adj_close";
    private final Path dir;

    PriceFolder(Path dir) {
        this.dir = dir;
    }

    BarSeries bars(String symbol) {
        Path file = dir.resolve(symbol.toUpperCase(Locale.ROOT) + ".csv");
        List<Bar> bars = new ArrayList<>();
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String header = in.readLine();
            if (header == null || !header.strip().equals(HEADER)) {
                throw new IllegalArgumentException(file + " line 1: header must be '" + HEADER + "'");
            }
            int lineNo = 1;
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                lineNo++;
                if (line.isBlank()) {
                    continue;
                }
                bars.add(parse(file, lineNo, line));
            }
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException("no price file " + file + "; point --prices at a folder with " + symbol + ".csv");
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read " + file + ": " + e.getMessage(), e);
        }
        try {
            return BarSeries.of(symbol, bars);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(file + ": " + e.getMessage(), e);
        }
    }

    private static Bar parse(Path file, int lineNo, String line) {
        String[] f = line.split(",", -1);
        if (f.length != 7) {
            throw new IllegalArgumentException(file + " line " + lineNo + ": expected 7 fields, found " + f.length);
        }
        try {
            double close = Double.parseDouble(f[4].trim());
            if (!(close > 0)) {
                throw new IllegalArgumentException(file + " line " + lineNo + ": close must be positive (got " + f[4] + ")");
            }
            return new Bar(LocalDate.parse(f[0].trim()), Double.parseDouble(f[1].trim()), Double.parseDouble(f[2].trim()),
                    Double.parseDouble(f[3].trim()), close, (long) Double.parseDouble(f[5].trim()),
                    Double.parseDouble(f[6].trim()));
        } catch (NumberFormatException | DateTimeParseException e) {
            throw new IllegalArgumentException(file + " line " + lineNo + ": not a valid price row: '" + line + "'");
        }
    }
}
