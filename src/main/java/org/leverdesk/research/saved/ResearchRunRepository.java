package org.leverdesk.research.saved;

import com.fasterxml.jackson.core.type.TypeReference;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.leverdesk.backtest.metrics.Metrics;
import org.leverdesk.research.Trial;
import org.leverdesk.research.sweep.SweepResult;
import org.leverdesk.research.walkforward.WalkForwardResult;
import org.leverdesk.research.walkforward.WalkForwardWindow;
import org.leverdesk.store.Jdbc;
import org.leverdesk.store.Json;
import org.leverdesk.store.Store;

/** {@link ResearchRuns} over the research_runs and research_trials tables (one transaction per job). */
public final class ResearchRunRepository implements ResearchRuns {
    private static final TypeReference<TreeMap<String, String>> PARAMETERS = new TypeReference<>() { };
    private final Store store;
    private final Clock clock;

    public ResearchRunRepository(Store store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /** A run to insert: its window (null for a sweep) and whether it is the window's out-of-sample run. */
    private record Row(Integer window, boolean outOfSample, Trial trial) {
    }

    @Override
    public long save(SweepResult r, Long baseVersionId) {
        var q = r.request();
        List<Row> rows = r.trials().stream().map(t -> new Row(null, false, t)).toList();
        return insert(SavedResearch.Kind.SWEEP, q.base().strategyId(), q.base().symbol(), q.from(), q.to(), q.metric().key(),
                r.dataSource(), baseVersionId, r.skipped().size(), r.elapsed().toMillis(), ResearchJson.request(r),
                ResearchJson.summary(r), rows);
    }

    @Override
    public long save(WalkForwardResult r, Long baseVersionId) {
        var q = r.request();
        List<Row> rows = new ArrayList<>();
        for (WalkForwardWindow w : r.windows()) {
            rows.add(new Row(w.number(), false, w.inSampleBest()));
            rows.add(new Row(w.number(), true, w.outOfSample()));
        }
        return insert(SavedResearch.Kind.WALK_FORWARD, q.base().strategyId(), q.base().symbol(), q.from(), q.to(),
                q.metric().key(), r.dataSource(), baseVersionId, 0, r.elapsed().toMillis(), ResearchJson.request(r),
                ResearchJson.summary(r), rows);
    }

    private long insert(SavedResearch.Kind kind, String strategyId, String symbol, LocalDate from, LocalDate to, String metric,
                        String source, Long baseVersionId, int skipped, long elapsedMs, Map<String, Object> request,
                        Map<String, Object> summary, List<Row> rows) {
        String requestJson = Json.write(request);
        String summaryJson = Json.write(summary);
        return store.inTransaction("save the " + kind.name().toLowerCase(java.util.Locale.ROOT) + " of " + strategyId, c -> {
            long id;
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO research_runs (kind, strategy_id, symbol, from_date,"
                    + " to_date, metric, data_source, base_version_id, trial_count, skipped_count, elapsed_ms, request_json,"
                    + " summary_json, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    Statement.RETURN_GENERATED_KEYS)) {
                ps.setString(1, kind.name());
                ps.setString(2, strategyId);
                ps.setString(3, symbol);
                ps.setObject(4, from);
                ps.setObject(5, to);
                ps.setString(6, metric);
                ps.setString(7, source == null ? "" : source);
                Jdbc.setLong(ps, 8, baseVersionId);
                ps.setInt(9, rows.size());
                ps.setInt(10, skipped);
                ps.setLong(11, elapsedMs);
                ps.setString(12, requestJson);
                ps.setString(13, summaryJson);
                Jdbc.setInstant(ps, 14, clock.instant());
                ps.executeUpdate();
                id = Jdbc.generatedId(ps);
            }
            insertTrials(c, id, rows);
            return id;
        });
    }

    private static void insertTrials(Connection c, long id, List<Row> rows) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO research_trials (run_id, seq, window_no, out_of_sample,"
                + " parameters_json, metrics_json) VALUES (?, ?, ?, ?, ?, ?)")) {
            for (int i = 0; i < rows.size(); i++) {
                Row row = rows.get(i);
                ps.setLong(1, id);
                ps.setInt(2, i);
                if (row.window() == null) {
                    ps.setNull(3, Types.INTEGER);
                } else {
                    ps.setInt(3, row.window());
                }
                ps.setBoolean(4, row.outOfSample());
                ps.setString(5, Json.write(row.trial().parameters()));
                ps.setString(6, Json.write(row.trial().metrics()));
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    @Override
    public List<SavedResearch> list() {
        return store.read("list saved research", c -> {
            List<SavedResearch> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT id, kind, strategy_id, symbol, from_date, to_date, metric,"
                    + " data_source, base_version_id, trial_count, skipped_count, elapsed_ms, request_json, summary_json,"
                    + " created_at FROM research_runs ORDER BY created_at DESC, id DESC");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    long base = rs.getLong("base_version_id");
                    Long baseId = rs.wasNull() ? null : base;
                    out.add(new SavedResearch(rs.getLong("id"), SavedResearch.Kind.valueOf(rs.getString("kind")),
                            rs.getString("strategy_id"), rs.getString("symbol"), rs.getObject("from_date", LocalDate.class),
                            rs.getObject("to_date", LocalDate.class), rs.getString("metric"), rs.getString("data_source"), baseId,
                            rs.getInt("trial_count"), rs.getInt("skipped_count"), rs.getLong("elapsed_ms"),
                            rs.getString("request_json"), rs.getString("summary_json"), Jdbc.instant(rs, "created_at")));
                }
            }
            return out;
        });
    }

    @Override
    public List<SavedTrial> trials(long id) {
        return store.read("read the runs of research job " + id, c -> {
            List<SavedTrial> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT seq, window_no, out_of_sample, parameters_json, metrics_json"
                    + " FROM research_trials WHERE run_id = ? ORDER BY seq")) {
                ps.setLong(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        int window = rs.getInt("window_no");
                        Integer w = rs.wasNull() ? null : window;
                        int seq = rs.getInt("seq");
                        out.add(new SavedTrial(seq, w, rs.getBoolean("out_of_sample"),
                                Json.read(rs.getString("parameters_json"), PARAMETERS, "parameters of research run " + id),
                                Json.read(rs.getString("metrics_json"), Metrics.class, "metrics of research run " + id)));
                    }
                }
            }
            return out;
        });
    }
}
