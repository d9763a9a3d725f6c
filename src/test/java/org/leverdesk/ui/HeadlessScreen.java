package org.leverdesk.ui;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Gives Monocle's headless screen room for the 1280x820 main window: its default 1280x800 screen
 * is smaller than the window, which then overflows the screen buffer. Monocle reads
 * {@code headless.geometry} once, when the first FX test starts the toolkit, so every FX test class
 * sets it before that (through {@link FxTest}); a value given with -D on the command line wins.
 */
public final class HeadlessScreen implements BeforeAllCallback {
    /** Width x height - colour depth of the headless screen. */
    static final String GEOMETRY = "1600x1000-32";

    @Override
    public void beforeAll(ExtensionContext context) {
        if (System.getProperty("headless.geometry") == null) {
            System.setProperty("headless.geometry", GEOMETRY);
        }
    }
}
