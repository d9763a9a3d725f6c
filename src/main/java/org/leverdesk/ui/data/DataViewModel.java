package org.leverdesk.ui.data;

import java.nio.file.Path;
import java.util.List;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.concurrent.CancellationException;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.Bindings;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableBooleanValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.leverdesk.market.calendar.NyseCalendar;
import org.leverdesk.market.data.CsvValidationException;
import org.leverdesk.market.data.DataCatalog;
import org.leverdesk.market.data.DataCatalog.ImportResult;
import org.leverdesk.market.data.DataCatalog.SymbolCoverage;
import org.leverdesk.market.data.MarketDataException;
import org.leverdesk.common.CancellationToken;
import org.leverdesk.market.feed.DataUpdater;
import org.leverdesk.market.feed.RefreshReport;
import org.leverdesk.ui.common.Formats;
import org.leverdesk.ui.common.ProgressRelay;
import org.leverdesk.ui.common.TaskExecutor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Data view: which symbols the local store holds (and whether each last bar is final or today's
 * provisional one), the import of a CSV file, and "Update prices" from the market-data feed. Reading the
 * catalog, importing and updating run through the {@link TaskExecutor}; a rejected file leaves its list of
 * problems here for the view to show, an update its one line per symbol.
 */
public final class DataViewModel {
    private static final Logger LOG = LoggerFactory.getLogger(DataViewModel.class);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.ROOT);

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
    private final BooleanProperty replace = new SimpleBooleanProperty(this, "replace");
    private final BooleanBinding canImport;

    private final DataUpdater updater;
    private final ReadOnlyBooleanWrapper updateShown = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper updateAvailable = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper updating = new ReadOnlyBooleanWrapper();
    private final ReadOnlyDoubleWrapper updateProgress = new ReadOnlyDoubleWrapper();
    private final ReadOnlyStringWrapper updateStatus = new ReadOnlyStringWrapper("");
    private final ObservableList<UpdateLine> updateLines = FXCollections.observableArrayList();
    private volatile CancellationToken updateCancel = new CancellationToken();

    private Runnable onImported = () -> { };

    /** The view without "Update prices" (no feed service, e.g. inside the first-run dialog). */
    public DataViewModel(DataCatalog catalog, TaskExecutor executor) {
        this(catalog, null, executor);
    }

    /** With {@code updater} ("Update prices"); null hides it. */
    public DataViewModel(DataCatalog catalog, DataUpdater updater, TaskExecutor executor) {
        this.catalog = catalog;
        this.updater = updater;
        this.executor = executor;
        updateShown.set(updater != null);
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

    /** Replace every stored bar of the symbol with the file's (after a split) instead of merging it in. */
    public BooleanProperty replaceProperty() {
        return replace;
    }

    /** True when there is an update service at all (the button is shown). */
    public ReadOnlyBooleanProperty updateShownProperty() {
        return updateShown.getReadOnlyProperty();
    }

    /** True when an update can run now: a feed is configured, a strategy is enabled, none is running. */
    public ReadOnlyBooleanProperty updateAvailableProperty() {
        return updateAvailable.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty updatingProperty() {
        return updating.getReadOnlyProperty();
    }

    public ReadOnlyDoubleProperty updateProgressProperty() {
        return updateProgress.getReadOnlyProperty();
    }

    /** What an update would do ("QQQ, TQQQ from Alpaca market data"), why it cannot, or how the last one went. */
    public ReadOnlyStringProperty updateStatusProperty() {
        return updateStatus.getReadOnlyProperty();
    }

    /** One line per symbol of the last update. */
    public ObservableList<UpdateLine> updateLines() {
        return FXCollections.unmodifiableObservableList(updateLines);
    }

    /** One symbol's outcome: its line, and whether it is a problem (refused, failed, no data). */
    public record UpdateLine(String text, boolean problem) {
        @Override
        public String toString() {
            return text;
        }
    }

    /** Fetches what the store is missing for the enabled strategies' symbols, in the background. */
    public void update() {
        if (updater == null || updating.get() || !updateAvailable.get()) {
            return;
        }
        updateCancel = new CancellationToken();
        CancellationToken cancel = updateCancel;
        updating.set(true);
        updateAvailable.set(false);
        updateProgress.set(0);
        updateLines.clear();
        ProgressRelay relay = new ProgressRelay(executor, (fraction, message) -> {
            if (updating.get()) {
                updateProgress.set(fraction);
                updateStatus.set(message);
            }
        });
        executor.execute(() -> updater.update(relay, cancel), this::updated, this::updateFailed);
    }

    /** Stops the running update after the symbol in flight (finished symbols stay stored). */
    public void cancelUpdate() {
        updateCancel.cancel();
    }

    private void updated(RefreshReport report) {
        updating.set(false);
        updateProgress.set(1);
        updateLines.setAll(report.symbols().stream().map(r -> new UpdateLine(r.message(), !r.ok())).toList());
        updateStatus.set(report.summary());
        afterUpdate();
    }

    private void updateFailed(Throwable error) {
        updating.set(false);
        updateProgress.set(0);
        if (error instanceof CancellationException) {
            updateStatus.set("Update cancelled; the symbols finished before are stored");
        } else {
            if (!(error instanceof MarketDataException || error instanceof IllegalArgumentException)) {
                LOG.error("price update failed", error);
            }
            updateStatus.set("Update failed: " + message(error));
        }
        afterUpdate();
    }

    private void afterUpdate() {
        executor.execute(catalog::coverage, this::showCoverage,
                e -> errorMessage.set("Cannot read the data store: " + message(e)));
        checkUpdate(true);
        onImported.run();
    }

    /**
     * Re-reads whether an update can run and what it would fetch (settings and keys may have changed); with
     * {@code keepStatus} the last update's outcome stays on screen.
     */
    private void checkUpdate(boolean keepStatus) {
        if (updater == null || updating.get()) {
            return;
        }
        executor.execute(() -> updater.unavailable().map(why -> new UpdateCheck(false, why))
                        .orElseGet(() -> new UpdateCheck(true, "Fetches " + updater.describe())),
                check -> {
                    if (!updating.get()) {
                        updateAvailable.set(check.available());
                        if (!keepStatus || !check.available()) {
                            updateStatus.set(check.text());
                        }
                    }
                }, e -> updateStatus.set("Cannot tell where prices would come from: " + message(e)));
    }

    /** Whether an update can run, and what it would fetch or why not. */
    private record UpdateCheck(boolean available, String text) {
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

    /** Reloads the coverage table (and whether an update can run) in the background. */
    public void refresh() {
        executor.execute(catalog::coverage, this::showCoverage,
                e -> errorMessage.set("Cannot read the data store: " + message(e)));
        checkUpdate(false);
    }

    /** Imports the chosen file under the chosen symbol in the background. */
    public void importCsv() {
        if (!canImport.get()) {
            return;
        }
        Path path = file.get();
        String sym = symbol.get().trim().toUpperCase(Locale.ROOT);
        boolean whole = replace.get();
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
        executor.execute(() -> catalog.importCsv(path, sym, whole, relay), this::imported, this::importFailed);
    }

    private void imported(ImportResult result) {
        importing.set(false);
        progress.set(1);
        successMessage.set("Imported " + Formats.count(result.bars()) + " bars of " + result.symbol()
                + " (" + result.first() + ".." + result.last() + ")" + (replace.get() ? ", replacing the stored series" : ""));
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

    /** The coverage table's "Last bar": "final", or "provisional, trades to 15:49 ET" for today's session so far. */
    static String lastBarText(SymbolCoverage c) {
        return c.lastIsProvisional()
                ? "provisional, trades to " + TIME.format(c.provisionalAsOf().atZone(NyseCalendar.ZONE)) + " ET" : "final";
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
