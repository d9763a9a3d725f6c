package org.leverdesk.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.util.OptionalLong;

/** Where each chat transport's update stream was read up to (Telegram's getUpdates offset), per channel name. */
public final class ChatOffsetRepository {
    private final Store store;
    private final Clock clock;

    public ChatOffsetRepository(Store store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /** The next offset to ask for, if one was stored. */
    public OptionalLong next(String channel) {
        return store.read("read the chat offset", c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT next_offset FROM chat_offsets WHERE channel = ?")) {
                ps.setString(1, channel);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? OptionalLong.of(rs.getLong(1)) : OptionalLong.empty();
                }
            }
        });
    }

    /** Stores {@code next} as the offset to ask for after a restart. */
    public void save(String channel, long next) {
        store.inTransaction("store the chat offset", c -> {
            try (PreparedStatement ps = c.prepareStatement("MERGE INTO chat_offsets (channel, next_offset, updated_at)"
                    + " KEY (channel) VALUES (?, ?, ?)")) {
                ps.setString(1, channel);
                ps.setLong(2, next);
                Jdbc.setInstant(ps, 3, clock.instant());
                return ps.executeUpdate();
            }
        });
    }
}
