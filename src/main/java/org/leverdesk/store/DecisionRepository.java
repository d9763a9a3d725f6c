package org.leverdesk.store;

import org.leverdesk.domain.TradingMode;
import com.fasterxml.jackson.core.type.TypeReference;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import org.leverdesk.domain.Decision;
import org.leverdesk.domain.Explanation;
import org.leverdesk.domain.GateResult;
import org.leverdesk.domain.Target;

/** Strategy decisions with their signals, gates and targets, written before any order is sent. */
public final class DecisionRepository {
    public static final String COLUMNS = "id, strategy_id, version_id, trading_day, mode, created_at, rebalance, regime,"
            + " summary, inputs_json, gates_json, targets_json";
    private static final TypeReference<LinkedHashMap<String, Double>> SIGNALS = new TypeReference<>() { };
    private static final TypeReference<List<GateResult>> GATES = new TypeReference<>() { };
    private static final TypeReference<List<Target>> TARGETS = new TypeReference<>() { };

    private final Store store;
    private final Clock clock;

    public DecisionRepository(Store store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /** Stores {@code decision} made in {@code mode} by strategy version {@code versionId} (may be null); returns its id. */
    public long save(Decision decision, TradingMode mode, Long versionId) {
        return store.inTransaction("save the decision of " + decision.strategyId() + " for " + decision.date(),
                c -> insert(c, decision, mode, versionId, null, clock.instant()));
    }

    /**
     * Decisions of {@code strategyId} for trading days {@code from} to {@code to} inclusive, by day
     * and then in the order written. Decisions that belong to a saved backtest run are not listed
     * here; they load with the run.
     */
    public List<StoredDecision> list(String strategyId, LocalDate from, LocalDate to) {
        return store.read("list decisions of " + strategyId, c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM decisions"
                    + " WHERE strategy_id = ? AND trading_day BETWEEN ? AND ? AND backtest_run_id IS NULL"
                    + " ORDER BY trading_day, id")) {
                ps.setString(1, strategyId);
                ps.setObject(2, from);
                ps.setObject(3, to);
                return readAll(ps);
            }
        });
    }

    /** The newest live (paper or live, not backtest) decision of {@code strategyId}, if any. */
    public java.util.Optional<StoredDecision> latest(String strategyId) {
        return store.read("latest decision of " + strategyId, c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM decisions"
                    + " WHERE strategy_id = ? AND backtest_run_id IS NULL ORDER BY trading_day DESC, id DESC LIMIT 1")) {
                ps.setString(1, strategyId);
                return readAll(ps).stream().findFirst();
            }
        });
    }

    private static final String INSERT = "INSERT INTO decisions (strategy_id, version_id, backtest_run_id,"
            + " trading_day, mode, created_at, rebalance, regime, summary, inputs_json, gates_json, targets_json)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    /** Rows per JDBC batch: bounds the driver's buffered rows when a backtest saves thousands of decisions. */
    private static final int BATCH = 500;

    static long insert(Connection c, Decision d, TradingMode mode, Long versionId, Long runId, Instant at)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(INSERT, Statement.RETURN_GENERATED_KEYS)) {
            bind(ps, d, mode, versionId, runId, at);
            ps.executeUpdate();
            return Jdbc.generatedId(ps);
        }
    }

    /**
     * Inserts {@code decisions} in order with batched statements and without asking for their ids: a
     * backtest saves one decision a trading day, some 4,000 for a long run, and they load with the run.
     */
    public static void insertAll(Connection c, List<Decision> decisions, TradingMode mode, Long versionId, Long runId, Instant at)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(INSERT)) {
            for (int i = 0; i < decisions.size(); i++) {
                bind(ps, decisions.get(i), mode, versionId, runId, at);
                ps.addBatch();
                if ((i + 1) % BATCH == 0 || i + 1 == decisions.size()) {
                    ps.executeBatch();
                }
            }
        }
    }

    private static void bind(PreparedStatement ps, Decision d, TradingMode mode, Long versionId, Long runId, Instant at)
            throws SQLException {
        Explanation why = d.explanation() == null ? Explanation.of("") : d.explanation();
        ps.setString(1, d.strategyId());
        Jdbc.setLong(ps, 2, versionId);
        Jdbc.setLong(ps, 3, runId);
        ps.setObject(4, d.date());
        ps.setString(5, mode.name());
        Jdbc.setInstant(ps, 6, at);
        ps.setBoolean(7, d.rebalance());
        ps.setString(8, why.regime());
        ps.setString(9, why.summary() == null ? "" : why.summary());
        ps.setString(10, Json.write(why.signals()));
        ps.setString(11, Json.write(why.gates()));
        ps.setString(12, Json.write(d.targets()));
    }

    public static List<StoredDecision> readAll(PreparedStatement ps) throws SQLException {
        List<StoredDecision> out = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                long id = rs.getLong("id");
                String what = "decision #" + id;
                Explanation why = new Explanation(rs.getString("summary"),
                        Json.read(rs.getString("inputs_json"), SIGNALS, what),
                        Json.read(rs.getString("gates_json"), GATES, what),
                        rs.getString("regime"));
                Decision d = new Decision(rs.getObject("trading_day", LocalDate.class), rs.getString("strategy_id"),
                        rs.getBoolean("rebalance"), Json.read(rs.getString("targets_json"), TARGETS, what), why);
                out.add(new StoredDecision(id, TradingMode.valueOf(rs.getString("mode")),
                        rs.getObject("version_id", Long.class),
                        Jdbc.instant(rs, "created_at"), d));
            }
        }
        return out;
    }
}
