package org.leverdesk.ui.journal;

import java.time.ZoneId;
import org.leverdesk.store.JournalEntry;
import org.leverdesk.ui.common.Formats;

/** One journal entry as the table shows it. */
public record JournalRow(long id, String at, String kind, String strategy, String message, String details) {
    static JournalRow of(JournalEntry e, ZoneId zone) {
        return new JournalRow(e.id(), Formats.dateTime(e.at(), zone), e.kind(), e.strategyId() == null ? "" : e.strategyId(),
                e.message(), e.detailsJson() == null ? "" : e.detailsJson());
    }

    /** The whole entry as the detail pane and the row's tooltip show it: the message, then its details when it has any. */
    public String wholeText() {
        return details.isEmpty() ? message : message + "\n\nDetails: " + details;
    }
}
