package org.leverdesk.store;

import com.fasterxml.jackson.core.type.TypeReference;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import org.leverdesk.strategy.catalog.ParameterChange;
import org.leverdesk.strategy.catalog.ParameterSets;
import org.leverdesk.strategy.catalog.StrategyCatalog;
import org.leverdesk.strategy.catalog.StrategyDescriptor;
import org.leverdesk.strategy.catalog.StrategyVersion;
import org.leverdesk.strategy.catalog.StrategyVersions;

/**
 * {@link StrategyVersions} over the strategy_configs and strategy_versions tables. Parameters are
 * stored as canonical JSON (sorted keys, canonical value text), so identical settings are found by
 * comparing text.
 */
public final class StrategyVersionRepository implements StrategyVersions {
    /** Who created the first version of every strategy. */
    public static final String DEFAULTS = "defaults";
    /**
     * Serializes version writes of every repository in this JVM (the app makes several over one
     * store, and the store admits one process), so version numbers and the single active version
     * never race.
     */
    private static final Object WRITES = new Object();
    private static final TypeReference<TreeMap<String, String>> PARAMETERS = new TypeReference<>() { };
    private static final String COLUMNS = "id, strategy_id, version, parent_version_id, created_by, created_at,"
            + " parameters_json, active";

    private final Store store;
    private final Clock clock;
    private final StrategyCatalog catalog;

    public StrategyVersionRepository(Store store, Clock clock, StrategyCatalog catalog) {
        this.store = store;
        this.clock = clock;
        this.catalog = catalog;
    }

    @Override
    public List<StrategyDescriptor> strategies() {
        return catalog.all();
    }

    @Override
    public void validate(String strategyId, Map<String, String> parameters) {
        ParameterSets.canonical(catalog.require(strategyId), parameters);
    }

    @Override
    public List<StrategyVersion> list(String strategyId) {
        StrategyDescriptor strategy = catalog.require(strategyId);
        ensureDefaults(strategy);
        return store.read("list the versions of " + strategyId, c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS
                    + " FROM strategy_versions WHERE strategy_id = ? ORDER BY version DESC")) {
                ps.setString(1, strategyId);
                return readAll(ps);
            }
        });
    }

    @Override
    public Optional<StrategyVersion> get(long id) {
        return store.read("read strategy version " + id, c -> find(c, id));
    }

    @Override
    public StrategyVersion active(String strategyId) {
        StrategyDescriptor strategy = catalog.require(strategyId);
        ensureDefaults(strategy);
        return store.read("read the active version of " + strategyId, c -> activeVersion(c, strategyId)
                .orElseThrow(() -> new StoreException("strategy " + strategyId + " has no active version")));
    }

    @Override
    public StrategyVersion save(String strategyId, Map<String, String> parameters, Long parentId, String createdBy) {
        StrategyDescriptor strategy = catalog.require(strategyId);
        SortedMap<String, String> canonical = ParameterSets.canonical(strategy, parameters);
        if (createdBy == null || createdBy.isBlank()) {
            throw new IllegalArgumentException("a strategy version needs a creator, e.g. \"user\" or \"backtest\"");
        }
        ensureDefaults(strategy);
        String json = Json.write(canonical);
        synchronized (WRITES) {
            return insertUnlessKnown(strategyId, json, parentId, createdBy.trim());
        }
    }

    private StrategyVersion insertUnlessKnown(String strategyId, String json, Long parentId, String createdBy) {
        return store.inTransaction("save a version of " + strategyId, c -> {
            Optional<StrategyVersion> same = findByParameters(c, strategyId, json);
            if (same.isPresent()) {
                return same.get();
            }
            Long parent = parentId;
            if (parent == null) {
                parent = activeVersion(c, strategyId).map(StrategyVersion::id).orElse(null);
            } else {
                StrategyVersion p = find(c, parent).orElseThrow(() -> new IllegalArgumentException(
                        "parent version " + parentId + " does not exist; pick a listed version"));
                if (!p.strategyId().equals(strategyId)) {
                    throw new IllegalArgumentException("parent version " + parentId + " belongs to " + p.strategyId()
                            + ", not " + strategyId);
                }
            }
            long id = insert(c, strategyId, parent, createdBy, json, false);
            return find(c, id).orElseThrow();
        });
    }

    @Override
    public StrategyVersion activate(long id) {
        synchronized (WRITES) {
            return activateNow(id);
        }
    }

    private StrategyVersion activateNow(long id) {
        return store.inTransaction("activate strategy version " + id, c -> {
            StrategyVersion v = find(c, id).orElseThrow(() -> new IllegalArgumentException(
                    "strategy version " + id + " does not exist; pick a listed version"));
            // Off first, then on: the unique active_strategy column allows one active row at any moment.
            try (PreparedStatement off = c.prepareStatement(
                    "UPDATE strategy_versions SET active = FALSE WHERE strategy_id = ? AND active AND id <> ?")) {
                off.setString(1, v.strategyId());
                off.setLong(2, id);
                off.executeUpdate();
            }
            try (PreparedStatement on = c.prepareStatement("UPDATE strategy_versions SET active = TRUE WHERE id = ?")) {
                on.setLong(1, id);
                on.executeUpdate();
            }
            return find(c, id).orElseThrow();
        });
    }

    @Override
    public List<ParameterChange> diff(long a, long b) {
        StrategyVersion va = get(a).orElseThrow(() -> new IllegalArgumentException("strategy version " + a + " does not exist"));
        StrategyVersion vb = get(b).orElseThrow(() -> new IllegalArgumentException("strategy version " + b + " does not exist"));
        return diff(va.parameters(), vb.parameters());
    }

    /** Parameters that differ from {@code a} to {@code b}, sorted by name. */
    static List<ParameterChange> diff(Map<String, String> a, Map<String, String> b) {
        List<ParameterChange> out = new ArrayList<>();
        TreeSet<String> names = new TreeSet<>(a.keySet());
        names.addAll(b.keySet());
        for (String name : names) {
            String old = a.get(name);
            String now = b.get(name);
            if (old == null) {
                out.add(new ParameterChange(name, null, now, ParameterChange.Kind.ADDED));
            } else if (now == null) {
                out.add(new ParameterChange(name, old, null, ParameterChange.Kind.REMOVED));
            } else if (!old.equals(now)) {
                out.add(new ParameterChange(name, old, now, ParameterChange.Kind.CHANGED));
            }
        }
        return out;
    }

    /** Registers the strategy and its defaults as active version 1 the first time it is used. */
    private void ensureDefaults(StrategyDescriptor strategy) {
        synchronized (WRITES) {
            createDefaultsIfMissing(strategy);
        }
    }

    private void createDefaultsIfMissing(StrategyDescriptor strategy) {
        store.inTransaction("create the default version of " + strategy.id(), c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM strategy_versions WHERE strategy_id = ?")) {
                ps.setString(1, strategy.id());
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    if (rs.getLong(1) > 0) {
                        return null;
                    }
                }
            }
            try (PreparedStatement ps = c.prepareStatement("MERGE INTO strategy_configs (strategy_id, display_name, created_at)"
                    + " KEY (strategy_id) VALUES (?, ?, ?)")) {
                ps.setString(1, strategy.id());
                ps.setString(2, strategy.displayName());
                Jdbc.setInstant(ps, 3, clock.instant());
                ps.executeUpdate();
            }
            insert(c, strategy.id(), null, DEFAULTS, Json.write(ParameterSets.canonical(strategy, Map.of())), true);
            return null;
        });
    }

    private long insert(Connection c, String strategyId, Long parent, String createdBy, String json, boolean active)
            throws SQLException {
        int number;
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT COALESCE(MAX(version), 0) + 1 FROM strategy_versions WHERE strategy_id = ?")) {
            ps.setString(1, strategyId);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                number = rs.getInt(1);
            }
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO strategy_versions (strategy_id, version,"
                + " parent_version_id, created_by, created_at, parameters_json, active) VALUES (?, ?, ?, ?, ?, ?, ?)",
                Statement.RETURN_GENERATED_KEYS)) {
            ps.setString(1, strategyId);
            ps.setInt(2, number);
            Jdbc.setLong(ps, 3, parent);
            ps.setString(4, createdBy);
            Jdbc.setInstant(ps, 5, clock.instant());
            ps.setString(6, json);
            ps.setBoolean(7, active);
            ps.executeUpdate();
            return Jdbc.generatedId(ps);
        }
    }

    private static Optional<StrategyVersion> find(Connection c, long id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM strategy_versions WHERE id = ?")) {
            ps.setLong(1, id);
            return readAll(ps).stream().findFirst();
        }
    }

    private static Optional<StrategyVersion> activeVersion(Connection c, String strategyId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS
                + " FROM strategy_versions WHERE strategy_id = ? AND active")) {
            ps.setString(1, strategyId);
            return readAll(ps).stream().findFirst();
        }
    }

    private static Optional<StrategyVersion> findByParameters(Connection c, String strategyId, String json)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS
                + " FROM strategy_versions WHERE strategy_id = ? AND parameters_json = ? ORDER BY version LIMIT 1")) {
            ps.setString(1, strategyId);
            ps.setString(2, json);
            return readAll(ps).stream().findFirst();
        }
    }

    private static List<StrategyVersion> readAll(PreparedStatement ps) throws SQLException {
        List<StrategyVersion> out = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                long parent = rs.getLong("parent_version_id");
                Long parentId = rs.wasNull() ? null : parent;
                out.add(new StrategyVersion(rs.getLong("id"), rs.getString("strategy_id"), rs.getInt("version"), parentId,
                        rs.getString("created_by"), Jdbc.instant(rs, "created_at"),
                        Json.read(rs.getString("parameters_json"), PARAMETERS, "parameters of strategy version " + rs.getLong("id")),
                        rs.getBoolean("active")));
            }
        }
        return out;
    }
}
