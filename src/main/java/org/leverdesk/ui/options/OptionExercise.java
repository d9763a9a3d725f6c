package org.leverdesk.ui.options;

import org.leverdesk.broker.Broker;
import org.leverdesk.execution.OptionInstructions;

/** The Options view's exercise and do-not-exercise: {@link OptionInstructions} on the window's account (as the CLI's). */
public interface OptionExercise {
    /** Null when the account takes the instructions; otherwise why not, in one line. */
    String unsupported();

    /** Null when the account takes {@code kind} (the paper account exercises but has no do-not-exercise); else why not. */
    default String unsupported(OptionInstructions.Kind kind) {
        return unsupported();
    }

    /** True on Alpaca's live account: each instruction needs the live confirmation too. */
    boolean live();

    /** Sends {@code kind} for the held contract {@code occ}; throws with a one-line reason when nothing was sent. */
    OptionInstructions.Outcome send(OptionInstructions.Kind kind, String occ, boolean confirmedLive);

    /** {@code service} on {@code broker}, journalled as done "by window". */
    static OptionExercise of(Broker broker, OptionInstructions service) {
        return new OptionExercise() {
            @Override
            public String unsupported() {
                return OptionInstructions.unsupported(broker, OptionInstructions.Kind.EXERCISE);
            }

            @Override
            public String unsupported(OptionInstructions.Kind kind) {
                return OptionInstructions.unsupported(broker, kind);
            }

            @Override
            public boolean live() {
                return OptionInstructions.live(broker);
            }

            @Override
            public OptionInstructions.Outcome send(OptionInstructions.Kind kind, String occ, boolean confirmedLive) {
                return service.send(broker, kind, occ, confirmedLive, "window");
            }
        };
    }
}
