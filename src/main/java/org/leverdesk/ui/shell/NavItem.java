package org.leverdesk.ui.shell;

import java.util.function.Supplier;
import javafx.scene.Node;

/** One entry of the main window's navigation: its title and a factory for its view (built on first use). */
public record NavItem(String title, Supplier<? extends Node> view) {
    @Override
    public String toString() {
        return title;
    }
}
