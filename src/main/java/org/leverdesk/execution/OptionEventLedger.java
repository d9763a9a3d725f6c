package org.leverdesk.execution;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.leverdesk.broker.sim.SimOptionEvent;
import org.leverdesk.store.JournalRepository;
import org.leverdesk.store.PositionLedger;

/**
 * Brings the store's own count (decision record 0012) up to what an option event did at the broker: an
 * expiry, assignment or exercise moves positions without an order of ours, so without this the
 * reconciliation would call the assigned shares external and the vanished option missing. Each event is
 * recorded once (keyed by its fill id, so a restart can replay the broker's whole list), for the strategy
 * whose orders hold the contract, and journalled (kind {@code option-expiry}, {@code option-assignment},
 * {@code option-exercise}).
 */
public final class OptionEventLedger {
    private final PositionLedger ledger;
    private final JournalRepository journal;

    public OptionEventLedger(PositionLedger ledger, JournalRepository journal) {
        this.ledger = ledger;
        this.journal = journal;
    }

    /** Records every event of {@code events} not recorded yet; returns how many were new. */
    public int recordAll(List<SimOptionEvent> events) {
        int n = 0;
        for (SimOptionEvent e : events) {
            if (record(e)) {
                n++;
            }
        }
        return n;
    }

    /** Records {@code e} unless it was; true when it was new. */
    public synchronized boolean record(SimOptionEvent e) {
        String owner = ownerOf(e.optionSymbol(), e.contracts());
        Map<String, BigDecimal> changes = new LinkedHashMap<>();
        // The option leg closes: a short of −1 contract comes back to 0.
        changes.put(e.optionSymbol(), e.contracts().negate());
        if (e.shares().signum() != 0) {
            changes.put(e.underlying(), e.shares());
        }
        if (!ledger.recordEvent(e.optionFillId(), owner, changes, e.describe())) {
            return false;
        }
        journal.append(kind(e), owner, e.describe(), null);
        return true;
    }

    static String kind(SimOptionEvent e) {
        return switch (e.kind()) {
            case EXPIRED -> "option-expiry";
            case ASSIGNED -> "option-assignment";
            case EXERCISED, CASH_SETTLED -> "option-exercise";
        };
    }

    /** The strategy whose count holds {@code contracts} of the option (null: nobody's, e.g. a position opened by hand). */
    private String ownerOf(String optionSymbol, BigDecimal contracts) {
        String any = null;
        for (Map.Entry<String, Map<String, BigDecimal>> s : ledger.byStrategy().entrySet()) {
            BigDecimal held = s.getValue().get(optionSymbol);
            if (held != null && held.signum() != 0) {
                if (held.compareTo(contracts) == 0) {
                    return s.getKey().isEmpty() ? null : s.getKey();
                }
                any = s.getKey().isEmpty() ? null : s.getKey();
            }
        }
        return any;
    }
}
