package org.leverdesk.ui.common;

import java.util.List;
import org.leverdesk.strategy.catalog.Choice;

/** The window's theme as Settings offers it: the themes there are, the one in use, and switching (applied at once and remembered). */
public interface Appearance {
    /** The themes, e.g. "primer-light" → "Light (Primer)". */
    List<Choice> themes();

    /** The id of the theme in use. */
    String current();

    /** Applies theme {@code id} to every window and remembers it for the next start. */
    void apply(String id);

    /**
     * The id of the theme in use as it changes, wherever the switch was made (Settings, View › Theme,
     * Ctrl+Shift+L): the one theme state every place that shows the theme follows.
     */
    javafx.beans.value.ObservableValue<String> currentProperty();
}
