package org.leverdesk.ui.orders;

import java.util.Objects;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.leverdesk.ui.common.ConfirmPrompt;
import org.leverdesk.ui.common.TaskExecutor;

/**
 * The Orders view's held symbols and their Accept action (the headless equivalent is
 * {@code leverdesk reconcile --accept SYMBOL}). Each row is one held symbol and the reason it is held;
 * accepting asks the person first (it lets trading in the symbol resume on the broker's count), reads the
 * broker's count now, so it runs in the background, then the list reloads.
 */
public final class PositionHoldsViewModel {
    /** One held symbol. */
    public record Row(String symbol, String reason) {
    }

    private final PositionHolds holds;
    private final TaskExecutor executor;
    private final ConfirmPrompt confirm;
    private final ObservableList<Row> rows = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final ReadOnlyBooleanWrapper accepting = new ReadOnlyBooleanWrapper(this, "accepting", false);

    /**
     * @param holds    the held symbols and the accept action (the composition root binds the execution service)
     * @param executor runs the broker and store work off the UI thread
     * @param confirm  asked before each accept; {@link ConfirmPrompt#NONE} accepts nothing
     */
    public PositionHoldsViewModel(PositionHolds holds, TaskExecutor executor, ConfirmPrompt confirm) {
        this.holds = Objects.requireNonNull(holds, "held symbols need their source");
        this.executor = Objects.requireNonNull(executor, "executor");
        this.confirm = Objects.requireNonNull(confirm, "accepting a hold needs a confirmation prompt");
    }

    /** Reloads the held symbols in the background. */
    public void refresh() {
        executor.execute(holds::held, m -> {
            java.util.List<Row> now = m.entrySet().stream().map(e -> new Row(e.getKey(), e.getValue())).toList();
            // Unchanged on most polls: the view's rows (and a button under the pointer) stay as they are.
            if (!rows.equals(now)) {
                rows.setAll(now);
            }
        }, e -> message.set("Cannot read the held symbols: " + text(e)));
    }

    /**
     * Asks the person, then confirms the broker's count of {@code row}'s symbol; trading in it resumes.
     * One accept at a time; a refusal changes nothing.
     */
    public void accept(Row row) {
        if (accepting.get()) {
            return;
        }
        String symbol = row.symbol();
        if (!confirm.confirm("Accept the broker's count of " + symbol + "?", row.reason() + "\n\nAccepting reads the broker's"
                + " count of " + symbol + " now and makes it Leverdesk's count (for the strategy that trades " + symbol
                + "); the next run trades from there. Check the position at the broker first. The same as `leverdesk"
                + " reconcile --accept " + symbol + "`.", "Accept")) {
            message.set(symbol + " stays held: not accepted");
            return;
        }
        accepting.set(true);
        message.set("Confirming " + symbol + " with the broker…");
        executor.execute(() -> holds.accept(symbol), done -> {
            accepting.set(false);
            message.set(done);
            refresh();
        }, e -> {
            accepting.set(false);
            message.set("Cannot accept " + symbol + ": " + text(e));
            refresh();
        });
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

    /** True while an accept runs (the buttons wait). */
    public ReadOnlyBooleanProperty acceptingProperty() {
        return accepting.getReadOnlyProperty();
    }
}
