package org.leverdesk.ui.journal;

import java.util.List;
import org.leverdesk.store.JournalEntry;
import org.leverdesk.store.JournalQuery;
import org.leverdesk.store.JournalRepository;

/** What the Journal view reads: matching entries newest first, and the values its filter lists offer. */
public interface JournalSource {
    /** The entries matching {@code query}, newest first. */
    List<JournalEntry> find(JournalQuery query);

    /** Every kind in the journal, sorted. */
    List<String> kinds();

    /** Every strategy id in the journal, sorted. */
    List<String> strategies();

    /** The store's journal as a source. */
    static JournalSource of(JournalRepository journal) {
        return new JournalSource() {
            @Override
            public List<JournalEntry> find(JournalQuery query) {
                return journal.find(query);
            }

            @Override
            public List<String> kinds() {
                return journal.kinds();
            }

            @Override
            public List<String> strategies() {
                return journal.strategies();
            }
        };
    }
}
