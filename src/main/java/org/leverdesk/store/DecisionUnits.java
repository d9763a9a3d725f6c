package org.leverdesk.store;

import java.sql.PreparedStatement;
import java.time.Clock;
import java.util.Optional;
import org.leverdesk.domain.Decision;
import org.leverdesk.domain.TradingMode;

/**
 * A decision and its orders as one unit of work. A decision that wants orders is saved OPEN in the same
 * transaction as the decision itself, so a kill at any moment leaves either no decision or an open one;
 * it becomes DONE once every order reached the broker (or the broker or the risk gate ended it), or
 * SUPERSEDED when a newer trading day's decision replaces it. A restart resumes the open decision of
 * the same trading day instead of asking the strategy again.
 */
public final class DecisionUnits {
    /** The states of a decision's orders. */
    public enum State { OPEN, DONE, SUPERSEDED }

    private final Store store;
    private final Clock clock;

    public DecisionUnits(Store store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /** Saves {@code decision} with its orders still to send (OPEN) when {@code open}, else DONE; returns its id. */
    public long save(Decision decision, TradingMode mode, Long versionId, boolean open) {
        return store.inTransaction("save the decision of " + decision.strategyId() + " for " + decision.date(), c -> {
            long id = DecisionRepository.insert(c, decision, mode, versionId, null, clock.instant());
            if (open) {
                try (PreparedStatement ps = c.prepareStatement("UPDATE decisions SET orders_state = 'OPEN' WHERE id = ?")) {
                    ps.setLong(1, id);
                    ps.executeUpdate();
                }
            }
            return id;
        });
    }

    /** The newest live decision of {@code strategyId} whose orders are not all sent, if any. */
    public Optional<StoredDecision> open(String strategyId) {
        return store.read("open decision of " + strategyId, c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + DecisionRepository.COLUMNS + " FROM decisions"
                    + " WHERE strategy_id = ? AND backtest_run_id IS NULL AND orders_state = 'OPEN'"
                    + " ORDER BY trading_day DESC, id DESC LIMIT 1")) {
                ps.setString(1, strategyId);
                return DecisionRepository.readAll(ps).stream().findFirst();
            }
        });
    }

    /** Moves decision {@code id} from OPEN to {@code state} with {@code note} (why); a closed decision stays as it is. */
    public void close(long id, State state, String note) {
        store.inTransaction("close decision #" + id, c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE decisions SET orders_state = ?, orders_note = ?"
                    + " WHERE id = ? AND orders_state = 'OPEN'")) {
                ps.setString(1, state.name());
                ps.setString(2, note == null || note.length() <= 500 ? note : note.substring(0, 497) + "...");
                ps.setLong(3, id);
                return ps.executeUpdate();
            }
        });
    }

    /** The state of decision {@code id}. */
    public State state(long id) {
        return store.read("state of decision #" + id, c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT orders_state FROM decisions WHERE id = ?")) {
                ps.setLong(1, id);
                try (var rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        throw new StoreException("no decision #" + id + " is recorded");
                    }
                    return State.valueOf(rs.getString(1));
                }
            }
        });
    }

    /**
     * True when {@code strategyId} has a live decision that was carried out (DONE): its first day is behind
     * it. Open and superseded decisions do not count, so a first day whose orders never went out is the
     * first day again on the next trading day (an open one of the same day is resumed, not decided again).
     */
    public boolean started(String strategyId) {
        return store.read("decisions of " + strategyId, c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM decisions WHERE strategy_id = ?"
                    + " AND backtest_run_id IS NULL AND orders_state = 'DONE' LIMIT 1")) {
                ps.setString(1, strategyId);
                try (var rs = ps.executeQuery()) {
                    return rs.next();
                }
            }
        });
    }
}
