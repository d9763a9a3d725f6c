package org.leverdesk.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/** The account's persisted trading state (ACTIVE / REDUCING / HALTED) as text; one row, none means ACTIVE. */
public final class TradingStateRepository {
    /** The stored state with why and when it was set. */
    public record StoredState(String state, String reason, Instant changedAt) {
    }

    private final Store store;
    private final Clock clock;

    public TradingStateRepository(Store store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /** The stored state, or empty when it was never set. */
    public Optional<StoredState> load() {
        return store.read("read the trading state", c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT state, reason, changed_at FROM trading_state WHERE id = 1");
                 ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(new StoredState(rs.getString("state"), rs.getString("reason"),
                        Jdbc.instant(rs, "changed_at"))) : Optional.empty();
            }
        });
    }

    /** Stores {@code state} with its reason and returns what was stored. */
    public StoredState save(String state, String reason) {
        Instant now = clock.instant();
        String why = reason.length() <= 2000 ? reason : reason.substring(0, 1999) + "…";
        store.inTransaction("set the trading state to " + state, c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "MERGE INTO trading_state (id, state, reason, changed_at) KEY (id) VALUES (1, ?, ?, ?)")) {
                ps.setString(1, state);
                ps.setString(2, why);
                Jdbc.setInstant(ps, 3, now);
                return ps.executeUpdate();
            }
        });
        return new StoredState(state, why, now);
    }
}
