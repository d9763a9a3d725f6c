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

    /**
     * Records {@code e} unless it was; true when it was new. When several strategies hold the contract (decision
     * record 0031) the event is split among them by their counts ({@link org.leverdesk.broker.PositionOwnership#split}),
     * each getting its part of the contracts and of the delivered shares, all in one transaction: an expiry takes
     * each strategy's part away, an assignment of a wheel's put brings the shares to the wheel.
     */
    public synchronized boolean record(SimOptionEvent e) {
        Map<String, Long> recorded = new LinkedHashMap<>();
        ledger.byStrategy().forEach((s, bySymbol) -> {
            BigDecimal held = bySymbol.get(e.optionSymbol());
            if (held != null && held.signum() != 0) {
                recorded.put(s, held.longValue());
            }
        });
        long contracts = e.contracts().longValue();
        Map<String, Long> parts = parts(contracts, recorded);
        Map<String, Map<String, BigDecimal>> changes = new LinkedHashMap<>();
        parts.forEach((owner, part) -> changes.put(owner.isEmpty() ? null : owner, changes(e, part)));
        if (!ledger.recordEvent(e.optionFillId(), changes, e.describe())) {
            return false;
        }
        if (parts.size() == 1) {
            String owner = parts.keySet().iterator().next();
            journal.append(kind(e), owner.isEmpty() ? null : owner, e.describe(), null);
        } else {
            parts.forEach((owner, part) -> journal.append(kind(e), owner.isEmpty() ? null : owner, e.describe() + " ("
                    + Math.abs(part) + " of the " + Math.abs(contracts) + " contracts "
                    + (owner.isEmpty() ? "no strategy's" : owner + "'s") + ")", null));
        }
        return true;
    }

    /**
     * The event's {@code contracts} split among the strategies holding them ({@code recorded}); what no strategy's count
     * explains (a contract opened by hand) is nobody's, under "".
     */
    static Map<String, Long> parts(long contracts, Map<String, Long> recorded) {
        Map<String, Long> parts = new LinkedHashMap<>(org.leverdesk.broker.PositionOwnership.split(contracts, recorded, Map.of()));
        long attributed = parts.values().stream().mapToLong(Long::longValue).sum();
        if (attributed != contracts) {
            parts.merge("", contracts - attributed, Long::sum);
        }
        return parts;
    }

    /** What the event does to the count of the strategy holding {@code part} of its contracts. */
    static Map<String, BigDecimal> changes(SimOptionEvent e, long part) {
        Map<String, BigDecimal> mine = new LinkedHashMap<>();
        // The option leg closes: a short of −1 contract comes back to 0.
        mine.put(e.optionSymbol(), BigDecimal.valueOf(-part));
        if (e.shares().signum() != 0) {
            mine.put(e.underlying(), e.shares().multiply(BigDecimal.valueOf(part)).divide(e.contracts(), java.math.MathContext.DECIMAL64)
                    .stripTrailingZeros());
        }
        return mine;
    }

    static String kind(SimOptionEvent e) {
        return switch (e.kind()) {
            case EXPIRED -> "option-expiry";
            case ASSIGNED -> "option-assignment";
            case EXERCISED, CASH_SETTLED -> "option-exercise";
        };
    }

}
