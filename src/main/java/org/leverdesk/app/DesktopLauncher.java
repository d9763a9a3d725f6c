package org.leverdesk.app;

/** Opens the JavaFX window. Kept apart from {@link Main} so CLI commands never load JavaFX. */
final class DesktopLauncher {
    private DesktopLauncher() {
    }

    static void launch(String[] args) {
        javafx.application.Application.launch(LeverdeskApp.class, args);
    }
}
