package org.leverdesk.backtest.runs;

import org.leverdesk.store.Store;
import org.leverdesk.store.Jdbc;
import org.leverdesk.store.Json;
import org.leverdesk.store.DecisionRepository;
import org.leverdesk.store.StoredDecision;

import org.leverdesk.domain.TradingMode;
import com.fasterxml.jackson.core.type.TypeReference;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.leverdesk.backtest.BacktestConfig;
import org.leverdesk.backtest.BacktestResult;
import org.leverdesk.backtest.DividendPayment;
import org.leverdesk.backtest.CostModel;
import org.leverdesk.backtest.EquityPoint;
import org.leverdesk.backtest.RoundTrip;
import org.leverdesk.backtest.metrics.Metrics;
import org.leverdesk.domain.Decision;
import org.leverdesk.domain.Fill;
import org.leverdesk.domain.Side;

/** Saved backtests: settings, metrics, daily equity, fills, round trips and recorded decisions. */
public final class BacktestRunRepository {
    private static final TypeReference<TreeMap<String, String>> PARAMETERS = new TypeReference<>() { };

    private final Store store;
    private final Clock clock;

    public BacktestRunRepository(Store store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /** Saves {@code result} with no strategy parameters or version; returns the run id. */
    public long save(BacktestResult result) {
        return save(result, Map.of(), null);
    }

    /**
     * Saves {@code result}, run with {@code parameters} of strategy version {@code versionId} (may be
     * null), in one transaction; returns the run id.
     */
    public long save(BacktestResult result, Map<String, String> parameters, Long versionId) {
        if (result.metrics() == null) {
            throw new IllegalArgumentException("a backtest result without metrics cannot be saved");
        }
        double[] bench = result.benchmarkEquity();
        if (bench != null && bench.length != result.equity().size()) {
            throw new IllegalArgumentException("benchmark equity has " + bench.length + " points but equity has "
                    + result.equity().size() + "; they must share dates");
        }
        Instant now = clock.instant();
        return store.inTransaction("save the backtest of " + result.strategyId() + " on " + result.symbol(), c -> {
            long id = insertRun(c, result, parameters, versionId, now);
            insertEquity(c, id, result.equity(), bench);
            insertFills(c, id, result.fills());
            insertDividends(c, id, result.dividends());
            insertRoundTrips(c, id, result.roundTrips() == null ? List.of() : result.roundTrips());
            DecisionRepository.insertAll(c, result.decisions() == null ? List.of() : result.decisions(),
                    TradingMode.BACKTEST, versionId, id, now);
            return id;
        });
    }

    private static long insertRun(Connection c, BacktestResult r, Map<String, String> parameters, Long versionId,
                                  Instant now) throws SQLException {
        BacktestConfig cfg = r.config();
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO backtest_runs (strategy_id, version_id, symbol,"
                + " from_date, to_date, capital, commission_per_order, commission_per_share, slippage_bps, allow_margin,"
                + " benchmark_symbol, record_decisions, has_benchmark_equity, parameters_json, metrics_json,"
                + " benchmark_metrics_json, total_return, final_equity, data_source, created_at)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", Statement.RETURN_GENERATED_KEYS)) {
            CostModel costs = cfg.costs() == null ? CostModel.FREE : cfg.costs();
            ps.setString(1, r.strategyId());
            Jdbc.setLong(ps, 2, versionId);
            ps.setString(3, r.symbol());
            ps.setObject(4, cfg.from());
            ps.setObject(5, cfg.to());
            ps.setDouble(6, cfg.capital());
            ps.setDouble(7, costs.commissionPerOrder());
            ps.setDouble(8, costs.commissionPerShare());
            ps.setDouble(9, costs.slippageBps());
            ps.setBoolean(10, cfg.allowMargin());
            ps.setString(11, cfg.benchmarkSymbol());
            ps.setBoolean(12, cfg.recordDecisions());
            ps.setBoolean(13, r.benchmarkEquity() != null);
            ps.setString(14, Json.write(new TreeMap<>(parameters)));
            ps.setString(15, Json.write(r.metrics()));
            ps.setString(16, r.benchmarkMetrics() == null ? null : Json.write(r.benchmarkMetrics()));
            ps.setDouble(17, r.metrics().totalReturn());
            ps.setDouble(18, r.metrics().finalEquity());
            ps.setString(19, r.dataSource() == null ? "" : r.dataSource());
            Jdbc.setInstant(ps, 20, now);
            ps.executeUpdate();
            return Jdbc.generatedId(ps);
        }
    }

    private static void insertEquity(Connection c, long id, List<EquityPoint> equity, double[] bench) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO backtest_equity"
                + " (run_id, point_date, equity, cash, position_value, benchmark) VALUES (?, ?, ?, ?, ?, ?)")) {
            for (int i = 0; i < equity.size(); i++) {
                EquityPoint p = equity.get(i);
                ps.setLong(1, id);
                ps.setObject(2, p.date());
                ps.setDouble(3, p.equity());
                ps.setDouble(4, p.cash());
                ps.setDouble(5, p.positionValue());
                if (bench == null) {
                    ps.setNull(6, Types.DOUBLE);
                } else {
                    ps.setDouble(6, bench[i]);
                }
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    private static void insertFills(Connection c, long id, List<Fill> fills) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO backtest_fills (run_id, seq, fill_date, symbol, side,"
                + " quantity, price, commission, reason) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (int i = 0; i < fills.size(); i++) {
                Fill f = fills.get(i);
                ps.setLong(1, id);
                ps.setInt(2, i);
                ps.setObject(3, f.date());
                ps.setString(4, f.symbol());
                ps.setString(5, f.side().name());
                ps.setLong(6, f.quantity());
                ps.setDouble(7, f.price());
                ps.setDouble(8, f.commission());
                ps.setString(9, f.reason());
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    private static void insertRoundTrips(Connection c, long id, List<RoundTrip> trips) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO backtest_round_trips (run_id, seq, symbol, entry_date,"
                + " entry_price, exit_date, exit_price, quantity, profit) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (int i = 0; i < trips.size(); i++) {
                RoundTrip t = trips.get(i);
                ps.setLong(1, id);
                ps.setInt(2, i);
                ps.setString(3, t.symbol());
                ps.setObject(4, t.entryDate());
                ps.setDouble(5, t.entryPrice());
                ps.setObject(6, t.exitDate());
                ps.setDouble(7, t.exitPrice());
                ps.setLong(8, t.quantity());
                ps.setDouble(9, t.profit());
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    /** All saved runs, newest first. */
    public List<BacktestRunSummary> list() {
        return store.read("list saved backtests", c -> {
            List<BacktestRunSummary> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT id, strategy_id, version_id, symbol, from_date, to_date,"
                    + " created_at, parameters_json, total_return, final_equity, data_source FROM backtest_runs"
                    + " ORDER BY created_at DESC, id DESC");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    long id = rs.getLong("id");
                    out.add(new BacktestRunSummary(id, rs.getString("strategy_id"), rs.getObject("version_id", Long.class),
                            rs.getString("symbol"), rs.getObject("from_date", LocalDate.class),
                            rs.getObject("to_date", LocalDate.class), Jdbc.instant(rs, "created_at"),
                            Json.read(rs.getString("parameters_json"), PARAMETERS, "parameters of backtest #" + id),
                            rs.getDouble("total_return"), rs.getDouble("final_equity"), rs.getString("data_source")));
                }
            }
            return out;
        });
    }

    /** The saved run {@code id} as it was saved, or empty when there is no such run. */
    public Optional<BacktestResult> load(long id) {
        return store.read("load backtest #" + id, c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT * FROM backtest_runs WHERE id = ?")) {
                ps.setLong(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        return Optional.empty();
                    }
                    return Optional.of(readRun(c, id, rs));
                }
            }
        });
    }

    /** Deletes run {@code id} with its equity, fills, round trips and decisions; false when there was none. */
    public boolean delete(long id) {
        return store.inTransaction("delete backtest #" + id, c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM backtest_runs WHERE id = ?")) {
                ps.setLong(1, id);
                return ps.executeUpdate() == 1;
            }
        });
    }

    private static BacktestResult readRun(Connection c, long id, ResultSet run) throws SQLException {
        String what = "metrics of backtest #" + id;
        CostModel costs = new CostModel(run.getDouble("commission_per_order"), run.getDouble("commission_per_share"),
                run.getDouble("slippage_bps"));
        BacktestConfig cfg = new BacktestConfig(run.getObject("from_date", LocalDate.class),
                run.getObject("to_date", LocalDate.class), run.getDouble("capital"), costs,
                run.getBoolean("allow_margin"), run.getString("benchmark_symbol"), run.getBoolean("record_decisions"));
        String benchJson = run.getString("benchmark_metrics_json");
        Metrics metrics = Json.read(run.getString("metrics_json"), Metrics.class, what);
        Metrics benchMetrics = benchJson == null ? null : Json.read(benchJson, Metrics.class, what);

        List<EquityPoint> equity = new ArrayList<>();
        List<Double> bench = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT point_date, equity, cash, position_value, benchmark"
                + " FROM backtest_equity WHERE run_id = ? ORDER BY point_date")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    equity.add(new EquityPoint(rs.getObject(1, LocalDate.class), rs.getDouble(2), rs.getDouble(3),
                            rs.getDouble(4)));
                    bench.add(rs.getDouble(5));
                }
            }
        }
        double[] benchmarkEquity = run.getBoolean("has_benchmark_equity")
                ? bench.stream().mapToDouble(Double::doubleValue).toArray() : null;
        return new BacktestResult(run.getString("strategy_id"), run.getString("symbol"), cfg, run.getString("data_source"),
                equity, benchmarkEquity, metrics, benchMetrics, readFills(c, id), readRoundTrips(c, id),
                readDecisions(c, id), readDividends(c, id));
    }

    private static void insertDividends(Connection c, long id, List<DividendPayment> dividends) throws SQLException {
        if (dividends.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO backtest_dividends (run_id, seq, ex_date, symbol, shares,"
                + " per_share, amount) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            for (int i = 0; i < dividends.size(); i++) {
                DividendPayment d = dividends.get(i);
                ps.setLong(1, id);
                ps.setInt(2, i);
                ps.setObject(3, d.date());
                ps.setString(4, d.symbol());
                ps.setLong(5, d.shares());
                ps.setDouble(6, d.perShare());
                ps.setDouble(7, d.amount());
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    private static List<DividendPayment> readDividends(Connection c, long id) throws SQLException {
        List<DividendPayment> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT ex_date, symbol, shares, per_share, amount FROM backtest_dividends"
                + " WHERE run_id = ? ORDER BY seq")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new DividendPayment(rs.getObject(1, LocalDate.class), rs.getString(2), rs.getLong(3),
                            rs.getDouble(4), rs.getDouble(5)));
                }
            }
        }
        return out;
    }

    private static List<Fill> readFills(Connection c, long id) throws SQLException {
        List<Fill> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT fill_date, symbol, side, quantity, price, commission, reason"
                + " FROM backtest_fills WHERE run_id = ? ORDER BY seq")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Fill(rs.getObject(1, LocalDate.class), rs.getString(2), Side.valueOf(rs.getString(3)),
                            rs.getLong(4), rs.getDouble(5), rs.getDouble(6), rs.getString(7)));
                }
            }
        }
        return out;
    }

    private static List<RoundTrip> readRoundTrips(Connection c, long id) throws SQLException {
        List<RoundTrip> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT symbol, entry_date, entry_price, exit_date, exit_price,"
                + " quantity, profit FROM backtest_round_trips WHERE run_id = ? ORDER BY seq")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new RoundTrip(rs.getString(1), rs.getObject(2, LocalDate.class), rs.getDouble(3),
                            rs.getObject(4, LocalDate.class), rs.getDouble(5), rs.getLong(6), rs.getDouble(7)));
                }
            }
        }
        return out;
    }

    private static List<Decision> readDecisions(Connection c, long id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + DecisionRepository.COLUMNS
                + " FROM decisions WHERE backtest_run_id = ? ORDER BY trading_day, id")) {
            ps.setLong(1, id);
            return DecisionRepository.readAll(ps).stream().map(StoredDecision::decision).toList();
        }
    }
}
