package org.leverdesk.notify;

/** The ways Leverdesk can reach the user. */
public enum Channel {
    TELEGRAM("Telegram"), DISCORD("Discord"), EMAIL("E-mail"), DESKTOP("Desktop");

    private final String displayName;

    Channel(String displayName) {
        this.displayName = displayName;
    }

    /** The name shown in Settings and in messages. */
    public String displayName() {
        return displayName;
    }
}
