package org.leverdesk.market.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.leverdesk.domain.BarSeries;

/**
 * Daily bars from a folder of {@code <SYMBOL>.csv} files (the CLI's {@code --prices DIR}). Symbols
 * are matched case-insensitively; each file is read and validated once, then served from memory.
 */
public final class CsvDirectoryMarketData implements MarketData {
    private final Path dir;
    private final CsvBarReader reader;
    private final Map<String, BarSeries> cache = new ConcurrentHashMap<>();

    /** @throws MarketDataException when {@code dir} is not a folder */
    public CsvDirectoryMarketData(Path dir, CsvBarReader reader) {
        if (!Files.isDirectory(dir)) {
            throw new MarketDataException("price folder " + dir + " does not exist or is not a folder;"
                    + " pass a folder that holds SYMBOL.csv files");
        }
        this.dir = dir;
        this.reader = reader;
    }

    /** The folder the prices are read from (the option chains look for VIX, VXN and T-bill files beside it). */
    public Path directory() {
        return dir;
    }

    @Override
    public String sourceLabel() {
        return "CSV " + dir;
    }

    @Override
    public boolean isSimulated() {
        return false;
    }

    /** The upper-case names of the {@code .csv} files in the folder, as it is now. */
    @Override
    public Set<String> symbols() {
        return files().keySet();
    }

    @Override
    public BarSeries bars(String symbol, LocalDate from, LocalDate to) {
        if (from.isAfter(to)) {
            throw new MarketDataException("start date " + from + " is after end date " + to);
        }
        String key = symbol.strip().toUpperCase(Locale.ROOT);
        BarSeries all = cache.computeIfAbsent(key, this::load);
        BarSeries range = all.between(from, to);
        if (range.isEmpty()) {
            throw new MarketDataException("no " + key + " bars from " + from + " to " + to + "; "
                    + key + " has bars from " + all.firstDate() + " to " + all.lastDate());
        }
        return range;
    }

    private BarSeries load(String key) {
        Path file = files().get(key);
        if (file == null) {
            throw new MarketDataException("no price file for " + key + " in " + dir + " (expected " + key
                    + ".csv); available: " + (symbols().isEmpty() ? "none" : String.join(", ", symbols())));
        }
        return reader.readSeries(file, key);
    }

    /** Upper-case symbol to file, sorted by symbol; listed anew so files added later are found. */
    private Map<String, Path> files() {
        Map<String, Path> out = new TreeMap<>();
        try (Stream<Path> list = Files.list(dir)) {
            list.filter(Files::isRegularFile).sorted().forEach(p -> {
                String name = p.getFileName().toString();
                if (name.length() > 4 && name.regionMatches(true, name.length() - 4, ".csv", 0, 4)) {
                    out.putIfAbsent(name.substring(0, name.length() - 4).toUpperCase(Locale.ROOT), p);
                }
            });
        } catch (IOException e) {
            throw new MarketDataException("cannot list price folder " + dir + ": " + e.getMessage(), e);
        }
        return out;
    }
}
