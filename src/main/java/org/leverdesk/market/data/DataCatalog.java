package org.leverdesk.market.data;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.leverdesk.common.ProgressListener;

/** The symbols held in the local store and the import of CSV files into it (the Data view). */
public interface DataCatalog {
    List<SymbolCoverage> coverage();

    /**
     * Validates {@code file} completely and, only if it is valid, upserts its bars for
     * {@code symbol} in one transaction.
     *
     * @throws CsvValidationException listing every problem (file, line, reason); nothing is imported
     */
    default ImportResult importCsv(Path file, String symbol, ProgressListener progress) {
        return importCsv(file, symbol, false, progress);
    }

    /**
     * Like {@link #importCsv(Path, String, ProgressListener)}; with {@code replace} the file's bars replace every
     * stored bar of the symbol (a whole series on one share basis, e.g. after a split), else they are merged in
     * and refused when their split basis jumps against the stored series ({@link SplitCheck}).
     */
    ImportResult importCsv(Path file, String symbol, boolean replace, ProgressListener progress);

    /**
     * Symbol, first and last date held, and number of bars.
     *
     * @param provisionalAsOf when the last bar is provisional (today's session so far), the time of the latest
     *                        trade it holds; null when it is final
     * @param source          where the last bar came from ("csv", "alpaca-iex", ...); null when not recorded
     */
    record SymbolCoverage(String symbol, LocalDate first, LocalDate last, int bars, Instant provisionalAsOf, String source) {
        /** A symbol whose last bar is final and of unrecorded source. */
        public SymbolCoverage(String symbol, LocalDate first, LocalDate last, int bars) {
            this(symbol, first, last, bars, null, null);
        }

        /** True when the last bar is provisional. */
        public boolean lastIsProvisional() {
            return provisionalAsOf != null;
        }
    }

    /** Outcome of a successful import. */
    record ImportResult(String symbol, int bars, LocalDate first, LocalDate last) {
    }
}
