package org.leverdesk.market.data;

import java.nio.file.Path;
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
    ImportResult importCsv(Path file, String symbol, ProgressListener progress);

    /** Symbol, first and last date held, and number of bars. */
    record SymbolCoverage(String symbol, LocalDate first, LocalDate last, int bars) {
    }

    /** Outcome of a successful import. */
    record ImportResult(String symbol, int bars, LocalDate first, LocalDate last) {
    }
}
