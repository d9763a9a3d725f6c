package org.leverdesk.insight;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.leverdesk.domain.Decision;
import org.leverdesk.domain.GateResult;
import org.leverdesk.strategy.regime.Regime;

/**
 * What the regime strategy would decide if run now, without trading.
 *
 * @param today          the clock's date in New York
 * @param dataDate       the last session with data on or before today (the day the decision is for)
 * @param latestSession  the last session before today: data ending before it is stale, the rule the live run
 *                       applies ({@link org.leverdesk.market.calendar.PriceFreshness}); a stale status is
 *                       decided for this session, so its data-fresh gate fails and nothing is ordered
 * @param simulated      true on the demo market
 * @param sourceLabel    where the prices came from
 * @param account        the account the target is sized against
 * @param raw            raw regime of the data date (null before the slow SMA exists)
 * @param confirmed      confirmed regime of the data date (null before the slow SMA exists)
 * @param heldShares     shares of the traded symbol held now
 * @param targetShares   shares the sizing rule wants (before gates)
 * @param order          what would be sent now (after gates): the decision's target minus the holding
 * @param decision       the full decision: summary, signals, every gate
 */
public record RegimeStatus(LocalDate today, LocalDate dataDate, LocalDate latestSession, boolean simulated,
                           String sourceLabel, AccountSnapshot account, Regime raw, Regime confirmed,
                           long heldShares, long targetShares, OrderPreview order, Decision decision) {
    /** True when the data ends before the latest completed session. */
    public boolean stale() {
        return dataDate.isBefore(latestSession);
    }

    public List<GateResult> gates() {
        return decision.explanation().gates();
    }

    public Map<String, Double> signals() {
        return decision.explanation().signals();
    }

    /** A signal value by name, NaN when absent. */
    public double signal(String name) {
        Double v = signals().get(name);
        return v == null ? Double.NaN : v;
    }
}
