package org.leverdesk.ui;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.leverdesk.common.ProgressListener;
import org.leverdesk.market.data.CsvValidationException;
import org.leverdesk.market.data.DataCatalog;

/**
 * An in-memory {@link DataCatalog} for UI tests. An import adds 100 weekdays-worth of bars from
 * 2024-01-02 unless {@link #rejectWith(List)} set problems, in which case it throws
 * {@link CsvValidationException} and changes nothing, as the real store must.
 */
public final class FakeDataCatalog implements DataCatalog {
    private final List<SymbolCoverage> held = new CopyOnWriteArrayList<>();
    private volatile List<CsvValidationException.Problem> problems = List.of();
    private volatile RuntimeException failure;
    private volatile String lastImportedSymbol;
    private volatile boolean lastReplace;

    public FakeDataCatalog(SymbolCoverage... initial) {
        held.addAll(List.of(initial));
    }

    public void rejectWith(List<CsvValidationException.Problem> problems) {
        this.problems = List.copyOf(problems);
    }

    public void failWith(RuntimeException e) {
        failure = e;
    }

    public String lastImportedSymbol() {
        return lastImportedSymbol;
    }

    /** Whether the last import asked to replace the whole series. */
    public boolean lastReplace() {
        return lastReplace;
    }

    @Override
    public List<SymbolCoverage> coverage() {
        return new ArrayList<>(held);
    }

    @Override
    public ImportResult importCsv(Path file, String symbol, boolean replace, ProgressListener progress) {
        lastImportedSymbol = symbol;
        lastReplace = replace;
        if (failure != null) {
            throw failure;
        }
        progress.progress(0.5, "validating");
        if (!problems.isEmpty()) {
            throw new CsvValidationException(problems);
        }
        ImportResult result = new ImportResult(symbol, 100, LocalDate.of(2024, 1, 2), LocalDate.of(2024, 5, 21));
        held.removeIf(c -> c.symbol().equals(symbol));
        held.add(new SymbolCoverage(symbol, result.first(), result.last(), result.bars()));
        progress.progress(1, "done");
        return result;
    }
}
