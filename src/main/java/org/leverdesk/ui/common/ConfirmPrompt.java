package org.leverdesk.ui.common;

/** Asks the person at the window to confirm an action (a dialog service, replaced by a stub in tests). */
@FunctionalInterface
public interface ConfirmPrompt {
    /**
     * @param header   the question in a few words ("Accept the broker's count of TQQQ?")
     * @param details  what happens and why it is asked
     * @param action   the confirming button's text ("Accept")
     * @return true when the person confirmed
     */
    boolean confirm(String header, String details, String action);

    /** A prompt that never confirms (no window to ask in). */
    ConfirmPrompt NONE = (header, details, action) -> false;
}
