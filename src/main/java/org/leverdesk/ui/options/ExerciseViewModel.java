package org.leverdesk.ui.options;

import java.math.BigDecimal;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import org.leverdesk.execution.OptionInstructions;
import org.leverdesk.optionbook.HeldOption;
import org.leverdesk.ui.common.ConfirmPrompt;
import org.leverdesk.ui.common.TaskExecutor;

/**
 * The Options view's Exercise and Do not exercise buttons for the selected held long contract: asks once through
 * the injected {@link ConfirmPrompt} (and a second time on Alpaca's live account, the window's {@code --confirm-live}),
 * then sends through {@link OptionExercise} off the UI thread and shows the service's answer. A short, a contract
 * not selected or an account without the instructions leaves both buttons off, with the reason in the note.
 */
public final class ExerciseViewModel {
    private final OptionExercise exercise;
    private final ConfirmPrompt prompt;
    private final TaskExecutor executor;
    private final Runnable afterSent;
    private final ObjectProperty<HeldOption> selected = new SimpleObjectProperty<>();
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final BooleanBinding enabled;
    private final BooleanBinding doNotEnabled;
    private final javafx.beans.binding.StringBinding note;

    /**
     * @param exercise  the account's instructions; null: no account, the buttons stay off
     * @param afterSent run on the UI thread after Alpaca accepted (the view re-reads the account)
     */
    public ExerciseViewModel(OptionExercise exercise, ConfirmPrompt prompt, TaskExecutor executor, Runnable afterSent) {
        this.exercise = exercise;
        this.prompt = prompt;
        this.executor = executor;
        this.afterSent = afterSent;
        enabled = Bindings.createBooleanBinding(() -> reason(OptionInstructions.Kind.EXERCISE) == null && !busy.get(), selected, busy);
        doNotEnabled = Bindings.createBooleanBinding(() -> reason(OptionInstructions.Kind.DO_NOT_EXERCISE) == null && !busy.get(),
                selected, busy);
        note = Bindings.createStringBinding(() -> {
            String why = reason(OptionInstructions.Kind.EXERCISE);
            String whyNot = reason(OptionInstructions.Kind.DO_NOT_EXERCISE);
            return why != null ? why : whyNot != null ? whyNot : "";
        }, selected);
    }

    /** Why {@code kind}'s button is off for the selection; null when it is on. */
    private String reason(OptionInstructions.Kind kind) {
        if (exercise == null) {
            return "Exercise and do not exercise need an account.";
        }
        String both = exercise.unsupported(OptionInstructions.Kind.EXERCISE);
        if (both != null) {
            return "Exercise and do not exercise: " + both + ".";
        }
        String unsupported = exercise.unsupported(kind);
        if (unsupported != null) {
            HeldOption h = selected.get();
            // Said once the selection could be exercised: the other button's reason comes first.
            return h == null || h.leg().contracts() <= 0 ? reason(OptionInstructions.Kind.EXERCISE)
                    : "Do not exercise: " + unsupported + ".";
        }
        HeldOption h = selected.get();
        if (h == null) {
            return "Select a long option to exercise it or to keep it from being exercised at expiry.";
        }
        if (h.leg().contracts() <= 0) {
            return h.readable() + " is short: a short is assigned, never exercised.";
        }
        return null;
    }

    /** Exercises the selected contract now, after the confirmations. */
    public void exercise() {
        send(OptionInstructions.Kind.EXERCISE);
    }

    /** Tells the broker not to exercise the selected contract at expiry, after the confirmations. */
    public void doNotExercise() {
        send(OptionInstructions.Kind.DO_NOT_EXERCISE);
    }

    private void send(OptionInstructions.Kind kind) {
        HeldOption h = selected.get();
        if (!(kind == OptionInstructions.Kind.EXERCISE ? enabled : doNotEnabled).get() || h == null) {
            return;
        }
        String occ = h.contract().occSymbol();
        BigDecimal contracts = BigDecimal.valueOf(h.leg().contracts());
        String n = contracts.stripTrailingZeros().toPlainString() + (contracts.compareTo(BigDecimal.ONE) == 0 ? " contract" : " contracts");
        boolean now = kind == OptionInstructions.Kind.EXERCISE;
        String header = (now ? "Exercise " : "Do not exercise ") + h.readable() + "?";
        String details = (now ? "Exercise " + n + " of " + occ.strip() + " now: it "
                : "Tell the broker not to exercise " + n + " of " + occ.strip() + " at expiry: ")
                + OptionInstructions.outcome(kind, h.contract(), contracts) + ". Sent once; the broker's answer is shown here and journalled.";
        if (!prompt.confirm(header, details, now ? "Exercise" : "Do not exercise")) {
            message.set("Not sent: " + kind.word() + " of " + h.readable() + " was cancelled.");
            return;
        }
        boolean live = exercise.live();
        if (live && !prompt.confirm("This is the LIVE account", "Real money: " + kind.word() + " " + occ.strip()
                + " on Alpaca's live account (the command line asks for --confirm-live here).", "Send on the live account")) {
            message.set("Not sent: the live account's confirmation was declined.");
            return;
        }
        busy.set(true);
        message.set("Sending " + kind.word() + " of " + h.readable() + "…");
        executor.execute(() -> exercise.send(kind, occ, live), outcome -> {
            busy.set(false);
            message.set(outcome.message());
            if (outcome.sent()) {
                afterSent.run();
            }
        }, failure -> {
            busy.set(false);
            message.set("Not sent: " + oneLine(failure));
        });
    }

    private static String oneLine(Throwable t) {
        String m = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
        return m.replace('\n', ' ').strip();
    }

    public ObjectProperty<HeldOption> selectedProperty() { return selected; }
    public BooleanBinding enabledBinding() { return enabled; }

    /** Do not exercise's button: off where exercise is on but the broker has no such instruction (the paper account). */
    public BooleanBinding doNotExerciseEnabledBinding() { return doNotEnabled; }
    public javafx.beans.binding.StringBinding noteBinding() { return note; }
    public ReadOnlyStringProperty messageProperty() { return message.getReadOnlyProperty(); }
}
