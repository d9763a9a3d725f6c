package org.leverdesk.research.advisor;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.leverdesk.store.Jdbc;
import org.leverdesk.store.Store;

/** {@link Suggestions} over the advisor_suggestions table. */
public final class AdvisorSuggestionRepository implements Suggestions {
    private final Store store;
    private final Clock clock;

    public AdvisorSuggestionRepository(Store store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    @Override
    public long record(Suggestion s, long versionId, boolean autoApplied) {
        return store.inTransaction("record the advisor's suggestion for " + s.strategyId(), c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO advisor_suggestions (strategy_id, version_id,"
                    + " against_version_id, confidence, reason, source, auto_applied, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                    Statement.RETURN_GENERATED_KEYS)) {
                ps.setString(1, s.strategyId());
                ps.setLong(2, versionId);
                Jdbc.setLong(ps, 3, s.againstVersionId());
                ps.setDouble(4, s.confidence());
                ps.setString(5, s.reason().isEmpty() ? "(no reason given)" : s.reason());
                ps.setString(6, s.source());
                ps.setBoolean(7, autoApplied);
                Jdbc.setInstant(ps, 8, clock.instant());
                ps.executeUpdate();
                return Jdbc.generatedId(ps);
            }
        });
    }

    @Override
    public List<Recorded> list(String strategyId) {
        return store.read("list the advisor's suggestions for " + strategyId, c -> {
            List<Recorded> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT id, strategy_id, version_id, against_version_id, confidence, reason,"
                    + " source, auto_applied, created_at FROM advisor_suggestions WHERE strategy_id = ? ORDER BY created_at DESC, id DESC")) {
                ps.setString(1, strategyId);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        long against = rs.getLong("against_version_id");
                        Long againstId = rs.wasNull() ? null : against;
                        out.add(new Recorded(rs.getLong("id"), rs.getString("strategy_id"), rs.getLong("version_id"), againstId,
                                rs.getDouble("confidence"), rs.getString("reason"), rs.getString("source"),
                                rs.getBoolean("auto_applied"), Jdbc.instant(rs, "created_at")));
                    }
                }
            }
            return out;
        });
    }
}
