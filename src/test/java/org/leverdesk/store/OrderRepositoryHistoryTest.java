package org.leverdesk.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.leverdesk.domain.OrderStatus;
import org.leverdesk.domain.OrderType;
import org.leverdesk.domain.Side;
import org.leverdesk.domain.TimeInForce;

/** The order history the Orders view lists: newest first, with each order's current status. */
class OrderRepositoryHistoryTest {
    @TempDir
    Path dir;
    private Store store;

    @BeforeEach
    void open() {
        store = Store.open(dir);
    }

    @AfterEach
    void close() {
        store.close();
    }

    private OrderRepository at(String instant) {
        return new OrderRepository(store, Clock.fixed(Instant.parse(instant), ZoneOffset.UTC));
    }

    private static OrderIntent market(String id, LocalDate day, Side side, String qty) {
        return new OrderIntent(id, "lev-trend", day, "leg-" + id, "TQQQ", side, new BigDecimal(qty), OrderType.MARKET,
                TimeInForce.DAY, null, null);
    }

    @Test
    void recentListsNewestFirstWithCurrentStatus() {
        StoredOrder older = at("2026-03-02T20:50:00Z").insertIntent(market("a", LocalDate.of(2026, 3, 2), Side.BUY, "100"));
        StoredOrder newer = at("2026-03-03T20:50:00Z").insertIntent(market("b", LocalDate.of(2026, 3, 3), Side.SELL, "40"));
        StoredOrder filled = at("2026-03-04T14:30:00Z").updateStatus("a", OrderStatus.FILLED, "brk-1");

        OrderRepository orders = at("2026-03-04T15:00:00Z");
        List<StoredOrder> history = orders.recent(10);
        assertEquals(List.of(newer, filled), history);
        assertEquals(OrderStatus.FILLED, history.get(1).status());
        assertEquals(older.createdAt(), history.get(1).createdAt());
        assertEquals(List.of(newer), orders.recent(1));
        assertEquals(List.of(), orders.recent(0));
        assertEquals("the number of orders must not be negative (got -1)",
                assertThrows(IllegalArgumentException.class, () -> orders.recent(-1)).getMessage());
    }
}
