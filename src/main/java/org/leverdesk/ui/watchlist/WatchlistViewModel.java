package org.leverdesk.ui.watchlist;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.leverdesk.ui.common.Formats;
import org.leverdesk.ui.common.TaskExecutor;
import org.leverdesk.ui.common.form.FormModel;

/**
 * The watchlist: its symbols (kept by a {@link WatchlistStore}), each with last price, change on the
 * day and a sparkline of recent closes read from a {@link QuoteSource} in the background; refreshed
 * by the view every so often while the market is open.
 */
public final class WatchlistViewModel {
    private static final java.util.regex.Pattern TICKER = java.util.regex.Pattern.compile("[A-Z][A-Z0-9.]{0,9}");
    private final QuoteSource quotes;
    private final WatchlistStore store;
    private final TaskExecutor executor;
    private final ZoneId zone;
    private final ObservableList<WatchRow> rows = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper marketOpen = new ReadOnlyBooleanWrapper();
    private long refreshes;

    public WatchlistViewModel(QuoteSource quotes, WatchlistStore store, TaskExecutor executor, ZoneId zone) {
        this.quotes = quotes;
        this.store = store;
        this.executor = executor;
        this.zone = zone;
        store.load().forEach(s -> rows.add(new WatchRow(s, null, "loading…")));
    }

    public ObservableList<WatchRow> rows() {
        return rows;
    }

    /** "Market open · prices at 11:00:05" or "Market closed · last closes". */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** Why the last add failed ("" after a success). */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty marketOpenProperty() {
        return marketOpen.getReadOnlyProperty();
    }

    /** The watched symbols. */
    public List<String> symbols() {
        return rows.stream().map(WatchRow::symbol).toList();
    }

    /** Adds {@code symbol} (upper-cased) and reads its price; a bad or duplicate ticker is refused with a reason. */
    public void add(String symbol) {
        String s = symbol == null ? "" : symbol.trim().toUpperCase(Locale.ROOT);
        if (!TICKER.matcher(s).matches()) {
            error.set("'" + symbol + "' is not a ticker; type a symbol like QQQ");
            return;
        }
        if (symbols().contains(s)) {
            error.set(s + " is already on the watchlist");
            return;
        }
        error.set("");
        rows.add(new WatchRow(s, null, "loading…"));
        store.save(symbols());
        refresh();
    }

    /** Removes {@code symbol}. */
    public void remove(String symbol) {
        rows.removeIf(r -> r.symbol().equals(symbol));
        store.save(symbols());
    }

    /** Reads every symbol's price again (one background task; a symbol that fails shows why). */
    public void refresh() {
        List<String> symbols = symbols();
        long ticket = ++refreshes;
        executor.execute(() -> {
            Map<String, WatchRow> read = new ConcurrentHashMap<>();
            for (String s : symbols) {
                try {
                    read.put(s, new WatchRow(s, quotes.quote(s), ""));
                } catch (RuntimeException e) {
                    read.put(s, new WatchRow(s, null, FormModel.oneLine(e.getMessage())));
                }
            }
            return new Snapshot(read, quotes.marketOpen());
        }, snap -> {
            if (ticket != refreshes) {
                return;
            }
            List<WatchRow> next = new ArrayList<>();
            for (WatchRow r : rows) {
                next.add(snap.rows().getOrDefault(r.symbol(), r));
            }
            rows.setAll(next);
            marketOpen.set(snap.open());
            java.time.Instant newest = next.stream().filter(r -> r.quote() != null).map(r -> r.quote().at())
                    .max(java.util.Comparator.naturalOrder()).orElse(null);
            status.set((snap.open() ? "Market open · refreshed every 15 s" : "Market closed")
                    + (newest == null ? "" : " · prices of " + Formats.dateTime(newest, zone)));
        }, failure -> status.set("Prices could not be read: " + FormModel.oneLine(failure.getMessage())));
    }

    private record Snapshot(Map<String, WatchRow> rows, boolean open) {
    }
}
