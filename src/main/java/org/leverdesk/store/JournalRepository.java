package org.leverdesk.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The append-only journal of what the app did. There is deliberately no update or delete here, and
 * the database rejects both (see {@link AppendOnlyTrigger}).
 */
public final class JournalRepository {
    static final int MAX_MESSAGE = 2000;
    private static final int MAX_KIND = 32;

    private final Store store;
    private final Clock clock;

    public JournalRepository(Store store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /**
     * Appends one entry stamped with the clock's time and returns it. A message longer than 2,000
     * characters is shortened rather than lost; {@code detailsJson} may be null but must be JSON.
     */
    public JournalEntry append(String kind, String strategyId, String message, String detailsJson) {
        if (kind == null || kind.isBlank() || kind.length() > MAX_KIND) {
            throw new IllegalArgumentException("a journal kind of 1 to " + MAX_KIND + " characters is required (got '" + kind + "')");
        }
        if (message == null || message.isBlank()) {
            throw new IllegalArgumentException("a journal entry needs a message");
        }
        requireJson(detailsJson);
        // A broker or a notification service may echo a credential in an error text: it never reaches the journal.
        String masked = org.leverdesk.common.SecretMask.redact(message);
        String details = org.leverdesk.common.SecretMask.redact(detailsJson);
        String text = masked.length() <= MAX_MESSAGE ? masked : masked.substring(0, MAX_MESSAGE - 1) + "…";
        Instant at = clock.instant();
        long id = store.inTransaction("append to the journal", c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO journal (at, kind, strategy_id, message, details_json)"
                    + " VALUES (?, ?, ?, ?, ?)", Statement.RETURN_GENERATED_KEYS)) {
                Jdbc.setInstant(ps, 1, at);
                ps.setString(2, kind);
                ps.setString(3, strategyId);
                ps.setString(4, text);
                ps.setString(5, details);
                ps.executeUpdate();
                return Jdbc.generatedId(ps);
            }
        });
        return new JournalEntry(id, at, kind, strategyId, text, details);
    }

    /** The newest {@code n} entries, newest first. */
    public List<JournalEntry> recent(int n) {
        if (n < 0) {
            throw new IllegalArgumentException("the number of journal entries must not be negative (got " + n + ")");
        }
        return store.read("read the journal", c -> {
            List<JournalEntry> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT id, at, kind, strategy_id, message, details_json"
                    + " FROM journal ORDER BY id DESC FETCH FIRST ? ROWS ONLY")) {
                ps.setInt(1, n);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new JournalEntry(rs.getLong("id"), Jdbc.instant(rs, "at"), rs.getString("kind"),
                                rs.getString("strategy_id"), rs.getString("message"), rs.getString("details_json")));
                    }
                }
            }
            return out;
        });
    }

    /** The entries matching {@code query}, newest first. */
    public List<JournalEntry> find(JournalQuery query) {
        StringBuilder sql = new StringBuilder("SELECT id, at, kind, strategy_id, message, details_json FROM journal WHERE 1 = 1");
        List<Object> args = new ArrayList<>();
        if (query.strategyId() != null) {
            sql.append(" AND strategy_id = ?");
            args.add(query.strategyId());
        }
        if (query.kind() != null) {
            sql.append(" AND kind = ?");
            args.add(query.kind());
        }
        if (query.from() != null) {
            sql.append(" AND at >= ?");
            args.add(java.time.OffsetDateTime.ofInstant(query.from(), java.time.ZoneOffset.UTC));
        }
        if (query.to() != null) {
            sql.append(" AND at < ?");
            args.add(java.time.OffsetDateTime.ofInstant(query.to(), java.time.ZoneOffset.UTC));
        }
        if (query.text() != null) {
            // ESCAPE so that a search for "50%" or "a_b" means those characters, not wildcards
            sql.append(" AND LOWER(message) LIKE ? ESCAPE '\\'");
            args.add("%" + likeEscaped(query.text().toLowerCase(java.util.Locale.ROOT)) + "%");
        }
        if (query.beforeId() != null) {
            sql.append(" AND id < ?");
            args.add(query.beforeId());
        }
        sql.append(" ORDER BY id DESC FETCH FIRST ? ROWS ONLY");
        args.add(query.limit());
        return store.read("search the journal", c -> {
            try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
                for (int i = 0; i < args.size(); i++) {
                    ps.setObject(i + 1, args.get(i));
                }
                return entries(ps);
            }
        });
    }

    /** The distinct kinds in the journal, sorted (for a filter list). */
    public List<String> kinds() {
        return distinct("kind");
    }

    /** The distinct strategy ids in the journal, sorted (for a filter list). */
    public List<String> strategies() {
        return distinct("strategy_id");
    }

    private List<String> distinct(String column) {
        return store.read("list journal " + column, c -> {
            List<String> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT DISTINCT " + column + " FROM journal WHERE " + column
                    + " IS NOT NULL ORDER BY " + column);
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
            return out;
        });
    }

    private static List<JournalEntry> entries(PreparedStatement ps) throws java.sql.SQLException {
        List<JournalEntry> out = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(new JournalEntry(rs.getLong("id"), Jdbc.instant(rs, "at"), rs.getString("kind"),
                        rs.getString("strategy_id"), rs.getString("message"), rs.getString("details_json")));
            }
        }
        return out;
    }

    private static String likeEscaped(String s) {
        return s.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    private static void requireJson(String json) {
        if (json == null) {
            return;
        }
        if (json.isBlank()) {
            throw new IllegalArgumentException("journal details must be JSON or null, not blank");
        }
        try {
            Json.MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("journal details must be JSON: " + e.getOriginalMessage(), e);
        }
    }
}
