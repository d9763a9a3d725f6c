package org.leverdesk.ui.common;

import java.util.Optional;

/** Asks the person at the window for the control passphrase (a dialog service, replaced by a stub in tests). */
@FunctionalInterface
public interface PassphrasePrompt {
    /** The passphrase typed for {@code why} ("Resume trading after a halt"), or empty when cancelled. */
    Optional<char[]> ask(String why);

    /** A prompt that is always cancelled (no window to ask in). */
    PassphrasePrompt NONE = why -> Optional.empty();
}
