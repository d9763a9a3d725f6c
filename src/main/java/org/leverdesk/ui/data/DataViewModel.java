package org.leverdesk.ui.data;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableBooleanValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.leverdesk.market.data.CsvValidationException;
import org.leverdesk.market.data.DataCatalog;
import org.leverdesk.market.data.DataCatalog.ImportResult;
import org.leverdesk.market.data.DataCatalog.SymbolCoverage;
import org.leverdesk.market.data.MarketDataException;
import org.leverdesk.ui.common.Formats;
import org.leverdesk.ui.common.ProgressRelay;
import org.leverdesk.ui.common.TaskExecutor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Data view: which symbols the local store holds, and the import of a CSV file. Reading the
 * catalog and importing run through the {@link TaskExecutor}; a rejected file leaves its list of
 * problems here for the view to show.
 */
public final class DataViewModel {
    private static final Logger LOG = LoggerFactory.getLogger(DataViewModel.class);

    private final DataCatalog catalog;
    private final TaskExecutor executor;

    private final ObservableList<SymbolCoverage> coverage = FXCollections.observableArrayList();
    private final ObjectProperty<Path> file = new SimpleObjectProperty<>(this, "file");
    private final StringProperty symbol = new SimpleStringProperty(this, "symbol", "");
    private final ReadOnlyStringWrapper fileText = new ReadOnlyStringWrapper("No file chosen");
    private final ReadOnlyBooleanWrapper importing = new ReadOnlyBooleanWrapper();
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper();
    private final ReadOnlyStringWrapper successMessage = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper errorMessage = new ReadOnlyStringWrapper("");
    private final ObservableList<CsvValidationException.Problem> problems = FXCollections.observableArrayList();
    private final BooleanBinding canImport;

    private Runnable onImported = () -> { };

    public DataViewModel(DataCatalog catalog, TaskExecutor executor) {
        this.catalog = catalog;
        this.executor = executor;
        file.addListener((obs, old, path) -> {
            fileText.set(path == null ? "No file chosen" : path.toString());
            if (path != null) {
                symbol.set(symbolFromFileName(path));
            }
        });
        canImport = Bindings.createBooleanBinding(
                () -> file.get() != null && !symbol.get().isBlank() && !importing.get(), file, symbol, importing);
        refresh();
    }

    /** Symbols held with their first and last date and bar count, sorted by symbol. */
    public ObservableList<SymbolCoverage> coverage() {
        return FXCollections.unmodifiableObservableList(coverage);
    }

    /** The CSV file to import; choosing one proposes its name (without .csv, upper-cased) as the symbol. */
    public ObjectProperty<Path> fileProperty() {
        return file;
    }

    /** The symbol the bars are stored under. */
    public StringProperty symbolProperty() {
        return symbol;
    }

    public ReadOnlyStringProperty fileTextProperty() {
        return fileText.getReadOnlyProperty();
    }

    /** True when a file and a symbol are given and no import is running. */
    public ObservableBooleanValue canImportProperty() {
        return canImport;
    }

    public ReadOnlyBooleanProperty importingProperty() {
        return importing.getReadOnlyProperty();
    }

    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    /** "Imported N bars of SYM (first..last)" after a successful import. */
    public ReadOnlyStringProperty successMessageProperty() {
        return successMessage.getReadOnlyProperty();
    }

    /** One line saying why the last import or refresh failed; "" otherwise. */
    public ReadOnlyStringProperty errorMessageProperty() {
        return errorMessage.getReadOnlyProperty();
    }

    /** Every problem of the last rejected file (file, line, reason). */
    public ObservableList<CsvValidationException.Problem> problems() {
        return FXCollections.unmodifiableObservableList(problems);
    }

    /** Reloads the coverage table in the background. */
    public void refresh() {
        executor.execute(catalog::coverage, this::showCoverage,
                e -> errorMessage.set("Cannot read the data store: " + message(e)));
    }

    /** Imports the chosen file under the chosen symbol in the background. */
    public void importCsv() {
        if (!canImport.get()) {
            return;
        }
        Path path = file.get();
        String sym = symbol.get().trim().toUpperCase(Locale.ROOT);
        successMessage.set("");
        errorMessage.set("");
        problems.clear();
        progress.set(0);
        importing.set(true);
        ProgressRelay relay = new ProgressRelay(executor, (fraction, message) -> {
            if (importing.get()) {
                progress.set(fraction);
            }
        });
        executor.execute(() -> catalog.importCsv(path, sym, relay), this::imported, this::importFailed);
    }

    private void imported(ImportResult result) {
        importing.set(false);
        progress.set(1);
        successMessage.set("Imported " + Formats.count(result.bars()) + " bars of " + result.symbol()
                + " (" + result.first() + ".." + result.last() + ")");
        refresh();
        onImported.run();
    }

    /** Called on the UI thread after each successful import (the window's status bar re-reads its price source). */
    public void setOnImported(Runnable listener) {
        this.onImported = listener == null ? () -> { } : listener;
    }

    private void importFailed(Throwable error) {
        importing.set(false);
        progress.set(0);
        if (error instanceof CsvValidationException invalid) {
            problems.setAll(invalid.problems());
            int n = invalid.problems().size();
            errorMessage.set(Formats.count(n) + (n == 1 ? " problem" : " problems") + " in "
                    + fileName(file.get()) + "; nothing was imported. Fix the file and import it again.");
            return;
        }
        if (!(error instanceof MarketDataException || error instanceof IllegalArgumentException)) {
            LOG.error("CSV import failed", error);
        }
        errorMessage.set("Import failed: " + message(error));
    }

    private void showCoverage(List<SymbolCoverage> rows) {
        coverage.setAll(rows.stream().sorted(java.util.Comparator.comparing(SymbolCoverage::symbol)).toList());
    }

    /** "qqq.csv" → "QQQ"; "tqqq-daily.CSV" → "TQQQ-DAILY". */
    static String symbolFromFileName(Path path) {
        String name = fileName(path);
        if (name.toLowerCase(Locale.ROOT).endsWith(".csv")) {
            name = name.substring(0, name.length() - 4);
        }
        return name.toUpperCase(Locale.ROOT);
    }

    private static String fileName(Path path) {
        return path == null || path.getFileName() == null ? "" : path.getFileName().toString();
    }

    private static String message(Throwable e) {
        String m = e.getMessage();
        if (m == null || m.isBlank()) {
            return e.getClass().getSimpleName();
        }
        int nl = m.indexOf('\n');
        return nl < 0 ? m : m.substring(0, nl);
    }
}
