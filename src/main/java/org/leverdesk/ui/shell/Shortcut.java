package org.leverdesk.ui.shell;

/** One keyboard shortcut as Help lists it: the keys (as JavaFX writes them, e.g. "Shortcut+R") and what they do. */
public record Shortcut(String keys, String action) {
    /** The keys as people read them on this desk: "Ctrl+R". */
    public String display() {
        return keys.replace("Shortcut", "Ctrl").replace("Comma", ",");
    }
}
