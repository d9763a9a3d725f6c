package org.leverdesk.ui.journal;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.leverdesk.report.JournalExport;
import org.leverdesk.store.JournalEntry;
import org.leverdesk.store.JournalQuery;
import org.leverdesk.ui.common.Formats;
import org.leverdesk.ui.common.TaskExecutor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Journal view's state: the filters (strategy, kind, date range in the clock's zone, search text),
 * the matching entries newest first a page at a time, polling for new entries, and the exports. Any
 * filter change reloads; a poll only prepends what is new, so older pages already loaded stay.
 */
public final class JournalViewModel {
    /** Filter value meaning "any strategy". */
    public static final String ALL_STRATEGIES = "All strategies";
    /** Filter value meaning "any kind". */
    public static final String ALL_KINDS = "All kinds";
    /** Entries loaded per page. */
    public static final int PAGE = 500;
    private static final Logger LOG = LoggerFactory.getLogger(JournalViewModel.class);

    private record Page(JournalQuery query, List<JournalEntry> entries, List<String> kinds, List<String> strategies) {
    }

    private final JournalSource source;
    private final TaskExecutor executor;
    private final Clock clock;
    private final List<JournalEntry> shown = new ArrayList<>();
    private int generation;
    private boolean polling;
    private boolean more;

    private final StringProperty strategy = new SimpleStringProperty(this, "strategy", ALL_STRATEGIES);
    private final StringProperty kind = new SimpleStringProperty(this, "kind", ALL_KINDS);
    private final ObjectProperty<LocalDate> from = new SimpleObjectProperty<>(this, "from");
    private final ObjectProperty<LocalDate> to = new SimpleObjectProperty<>(this, "to");
    private final StringProperty search = new SimpleStringProperty(this, "search", "");
    private final ObservableList<String> strategyOptions = FXCollections.observableArrayList(ALL_STRATEGIES);
    private final ObservableList<String> kindOptions = FXCollections.observableArrayList(ALL_KINDS);
    private final ObservableList<JournalRow> entries = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper countText = new ReadOnlyStringWrapper(this, "countText", "");
    private final ReadOnlyBooleanWrapper hasMore = new ReadOnlyBooleanWrapper(this, "hasMore");
    private final ReadOnlyStringWrapper errorMessage = new ReadOnlyStringWrapper(this, "errorMessage", "");
    private final ReadOnlyStringWrapper statusMessage = new ReadOnlyStringWrapper(this, "statusMessage", "");

    public JournalViewModel(JournalSource source, TaskExecutor executor, Clock clock) {
        this.source = source;
        this.executor = executor;
        this.clock = clock;
        strategy.addListener((o, a, b) -> refresh());
        kind.addListener((o, a, b) -> refresh());
        from.addListener((o, a, b) -> refresh());
        to.addListener((o, a, b) -> refresh());
        search.addListener((o, a, b) -> refresh());
    }

    /** The query of the current filters for one page before {@code beforeId} (null: the newest page), or null when invalid. */
    private JournalQuery query(Long beforeId, int limit) {
        LocalDate f = from.get();
        LocalDate t = to.get();
        if (f != null && t != null && f.isAfter(t)) {
            errorMessage.set("The From date " + f + " is after the To date " + t + "; change one of them");
            return null;
        }
        Instant start = f == null ? null : f.atStartOfDay(clock.getZone()).toInstant();
        // the To date is inclusive: the range ends at the start of the next day
        Instant end = t == null ? null : t.plusDays(1).atStartOfDay(clock.getZone()).toInstant();
        return new JournalQuery(ALL_STRATEGIES.equals(strategy.get()) ? null : strategy.get(),
                ALL_KINDS.equals(kind.get()) ? null : kind.get(), start, end, search.get(), beforeId, limit);
    }

    /** Reloads the newest page for the current filters (and the filter lists). */
    public void refresh() {
        JournalQuery q = query(null, PAGE);
        int mine = ++generation;
        if (q == null) {
            shown.clear();
            entries.clear();
            countText.set("");
            return;
        }
        errorMessage.set("");
        executor.execute(() -> new Page(q, source.find(q), source.kinds(), source.strategies()), p -> {
            if (mine != generation) {
                return;
            }
            shown.clear();
            shown.addAll(p.entries());
            more = p.entries().size() == PAGE;
            options(p);
            show();
        }, e -> fail(mine, e));
    }

    /** Adds the entries that arrived since the last load at the top; cheap when nothing is new. */
    public void poll() {
        JournalQuery q = query(null, PAGE);
        if (q == null || polling) {
            return;
        }
        polling = true;
        int mine = generation;
        executor.execute(() -> new Page(q, source.find(q), source.kinds(), source.strategies()), p -> {
            polling = false;
            if (mine != generation) {
                return; // the filters changed meanwhile; that refresh shows the new entries
            }
            long newest = shown.isEmpty() ? Long.MIN_VALUE : shown.get(0).id();
            List<JournalEntry> fresh = p.entries().stream().filter(e -> e.id() > newest).toList();
            if (!fresh.isEmpty()) {
                shown.addAll(0, fresh);
                options(p);
                show();
            }
        }, e -> {
            polling = false;
            fail(mine, e);
        });
    }

    /** Loads the next older page below the shown entries. */
    public void loadMore() {
        if (!more || shown.isEmpty()) {
            return;
        }
        JournalQuery q = query(shown.get(shown.size() - 1).id(), PAGE);
        if (q == null) {
            return;
        }
        int mine = generation;
        executor.execute(() -> source.find(q), page -> {
            if (mine == generation) {
                shown.addAll(page);
                more = page.size() == PAGE;
                show();
            }
        }, e -> fail(mine, e));
    }

    /** Clears every filter. */
    public void clearFilters() {
        int before = generation;
        strategy.set(ALL_STRATEGIES);
        kind.set(ALL_KINDS);
        from.set(null);
        to.set(null);
        search.set("");
        if (generation == before) {
            refresh();
        }
    }

    private void options(Page p) {
        List<String> s = new ArrayList<>(List.of(ALL_STRATEGIES));
        s.addAll(p.strategies());
        List<String> k = new ArrayList<>(List.of(ALL_KINDS));
        k.addAll(p.kinds());
        // setAll would reset a ComboBox's selection; only change the lists when they changed
        if (!strategyOptions.equals(s)) {
            strategyOptions.setAll(s);
        }
        if (!kindOptions.equals(k)) {
            kindOptions.setAll(k);
        }
    }

    private void show() {
        entries.setAll(shown.stream().map(e -> JournalRow.of(e, clock.getZone())).toList());
        hasMore.set(more);
        String n = Formats.count(shown.size()) + (shown.size() == 1 ? " entry" : " entries");
        countText.set(shown.isEmpty() ? "No entries match" : n + (more ? " shown, more are older" : "") + " · newest first");
    }

    private void fail(int mine, Throwable e) {
        if (mine != generation) {
            return;
        }
        LOG.warn("journal view could not load", e);
        errorMessage.set("Cannot read the journal: " + message(e));
    }

    /** Writes every entry matching the filters (not only the loaded pages) as CSV. */
    public void exportCsv(Path file) {
        export(file, "CSV", entries -> JournalExport.writeCsv(entries, file));
    }

    /** Writes every entry matching the filters as JSON lines. */
    public void exportJsonLines(Path file) {
        export(file, "JSON lines", entries -> JournalExport.writeJsonLines(entries, file));
    }

    private void export(Path file, String format, java.util.function.Consumer<List<JournalEntry>> write) {
        JournalQuery first = query(null, JournalQuery.MAX_LIMIT);
        if (first == null) {
            return;
        }
        statusMessage.set("Writing " + file.getFileName() + "…");
        executor.execute(() -> {
            List<JournalEntry> all = new ArrayList<>();
            JournalQuery q = first;
            while (true) {
                List<JournalEntry> page = source.find(q);
                all.addAll(page);
                if (page.size() < q.limit()) {
                    break;
                }
                q = new JournalQuery(q.strategyId(), q.kind(), q.from(), q.to(), q.text(), page.get(page.size() - 1).id(), q.limit());
            }
            write.accept(all);
            return all.size();
        }, n -> statusMessage.set("Wrote " + Formats.count(n) + (n == 1 ? " entry" : " entries") + " as " + format + " to " + file),
                e -> {
                    statusMessage.set("");
                    errorMessage.set("Cannot export the journal: " + message(e));
                });
    }

    private static String message(Throwable e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    /** The strategy filter: a strategy id or {@link #ALL_STRATEGIES}. */
    public StringProperty strategyProperty() { return strategy; }
    /** The kind filter: a kind or {@link #ALL_KINDS}. */
    public StringProperty kindProperty() { return kind; }
    /** First day shown (inclusive), or null. */
    public ObjectProperty<LocalDate> fromProperty() { return from; }
    /** Last day shown (inclusive), or null. */
    public ObjectProperty<LocalDate> toProperty() { return to; }
    /** Text the message must contain (any case). */
    public StringProperty searchProperty() { return search; }
    public ObservableList<String> strategyOptions() { return strategyOptions; }
    public ObservableList<String> kindOptions() { return kindOptions; }
    public ObservableList<JournalRow> entries() { return entries; }
    /** "1,234 entries · newest first". */
    public ReadOnlyStringProperty countTextProperty() { return countText.getReadOnlyProperty(); }
    /** True when older entries can be loaded. */
    public ReadOnlyBooleanProperty hasMoreProperty() { return hasMore.getReadOnlyProperty(); }
    public ReadOnlyStringProperty errorMessageProperty() { return errorMessage.getReadOnlyProperty(); }
    public ReadOnlyStringProperty statusMessageProperty() { return statusMessage.getReadOnlyProperty(); }
}
