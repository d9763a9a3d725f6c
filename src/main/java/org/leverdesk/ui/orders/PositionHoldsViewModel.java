package org.leverdesk.ui.orders;

import java.util.Objects;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.leverdesk.ui.common.TaskExecutor;

/**
 * The Orders view's held symbols and their Accept action (the headless equivalent is
 * {@code leverdesk reconcile --accept SYMBOL}). Each row is one held symbol and the reason it is held;
 * accepting reads the broker's count now, so it runs in the background, then the list reloads.
 */
public final class PositionHoldsViewModel {
    /** One held symbol. */
    public record Row(String symbol, String reason) {
    }

    private final PositionHolds holds;
    private final TaskExecutor executor;
    private final ObservableList<Row> rows = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");

    public PositionHoldsViewModel(PositionHolds holds, TaskExecutor executor) {
        this.holds = Objects.requireNonNull(holds, "held symbols need their source");
        this.executor = Objects.requireNonNull(executor, "executor");
    }

    /** Reloads the held symbols in the background. */
    public void refresh() {
        executor.execute(holds::held, m -> rows.setAll(m.entrySet().stream().map(e -> new Row(e.getKey(), e.getValue())).toList()),
                e -> message.set("Cannot read the held symbols: " + text(e)));
    }

    /** Confirms the broker's count of {@code row}'s symbol; trading in it resumes. */
    public void accept(Row row) {
        message.set("Confirming " + row.symbol() + " with the broker…");
        executor.execute(() -> holds.accept(row.symbol()), done -> {
            message.set(done);
            refresh();
        }, e -> message.set("Cannot accept " + row.symbol() + ": " + text(e)));
    }

    private static String text(Throwable e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    public ObservableList<Row> rows() {
        return rows;
    }

    /** The last action's one-line result or error. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }
}
