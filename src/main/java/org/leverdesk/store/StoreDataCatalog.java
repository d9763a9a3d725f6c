package org.leverdesk.store;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.leverdesk.common.ProgressListener;
import org.leverdesk.domain.Bar;
import org.leverdesk.market.data.CsvBarReader;
import org.leverdesk.market.data.DataCatalog;
import org.leverdesk.market.data.MarketDataException;
import org.leverdesk.market.data.SplitCheck;

/** The Data view's catalog over the store: coverage per symbol, and all-or-nothing CSV imports. */
public final class StoreDataCatalog implements DataCatalog {
    /** The source recorded with imported bars. */
    public static final String SOURCE = "csv";

    private final BarRepository bars;
    private final CsvBarReader reader;

    public StoreDataCatalog(Store store, CsvBarReader reader) {
        this.bars = new BarRepository(store);
        this.reader = reader;
    }

    @Override
    public List<SymbolCoverage> coverage() {
        return bars.coverage();
    }

    @Override
    public ImportResult importCsv(Path file, String symbol, boolean replace, ProgressListener progress) {
        String sym = symbol == null ? "" : symbol.trim().toUpperCase(Locale.ROOT);
        if (!sym.matches("[A-Z^][A-Z0-9.^-]{0,14}")) {
            throw new IllegalArgumentException("'" + symbol + "' is not a ticker symbol; use letters and digits like TQQQ");
        }
        progress.progress(0.05, "reading " + file.getFileName());
        // The reader validates the whole file first and throws before anything is written.
        List<Bar> parsed = reader.read(file);
        String remedy = "re-import the whole file (leverdesk import " + file.getFileName() + (symbolFromName(file).equals(sym)
                ? "" : " --symbol " + sym) + " --replace) or run 'leverdesk data update --symbols " + sym + " --full'";
        List<Bar> stored = replace ? List.of() : bars.load(sym).bars();
        progress.progress(0.4, "checking " + parsed.size() + " bars of " + sym + " against the stored series");
        SplitCheck.check(sym, stored, parsed, remedy).ifPresent(reason -> {
            throw new MarketDataException(reason);
        });
        progress.progress(0.5, (replace ? "replacing the bars of " : "saving " + parsed.size() + " bars of ") + sym);
        if (replace) {
            bars.replaceAll(sym, parsed, SOURCE);
        } else {
            bars.upsert(sym, parsed, SOURCE);
        }
        progress.progress(1.0, "imported");
        return new ImportResult(sym, parsed.size(), parsed.get(0).date(), parsed.get(parsed.size() - 1).date());
    }

    private static String symbolFromName(Path file) {
        return file.getFileName().toString().replaceFirst("(?i)\\.csv$", "").toUpperCase(Locale.ROOT);
    }
}
