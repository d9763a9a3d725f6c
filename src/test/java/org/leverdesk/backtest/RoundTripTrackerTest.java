package org.leverdesk.backtest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.List;
import org.leverdesk.domain.Fill;
import org.leverdesk.domain.Side;
import org.junit.jupiter.api.Test;

class RoundTripTrackerTest {
    private static final LocalDate D1 = LocalDate.parse("2024-01-02");
    private static final LocalDate D2 = LocalDate.parse("2024-01-03");
    private static final LocalDate D3 = LocalDate.parse("2024-01-04");

    @Test
    void partialSellsCloseTheOldestLotWithProRataCommissions() {
        RoundTripTracker t = new RoundTripTracker();
        t.add(new Fill(D1, "X", Side.BUY, 10, 10, 1, "buy"));
        t.add(new Fill(D2, "X", Side.SELL, 4, 12, 1, "trim"));
        t.add(new Fill(D3, "X", Side.SELL, 6, 9, 1, "exit"));
        List<RoundTrip> trips = t.closed();
        assertEquals(2, trips.size());
        // (12 - 10) * 4 - (1/10 + 1/4) * 4 = 8 - 1.4
        assertEquals(6.6, trips.get(0).profit(), 1e-12);
        assertEquals(4, trips.get(0).quantity());
        // (9 - 10) * 6 - (1/10 + 1/6) * 6 = -6 - 1.6
        assertEquals(-7.6, trips.get(1).profit(), 1e-12);
        assertEquals(D1, trips.get(1).entryDate());
        assertEquals(D3, trips.get(1).exitDate());
    }

    @Test
    void sellsMatchLotsFirstInFirstOut() {
        RoundTripTracker t = new RoundTripTracker();
        t.add(new Fill(D1, "X", Side.BUY, 5, 10, 0, "a"));
        t.add(new Fill(D2, "X", Side.BUY, 5, 20, 0, "b"));
        t.add(new Fill(D3, "X", Side.SELL, 7, 15, 0, "c"));
        List<RoundTrip> trips = t.closed();
        assertEquals(25.0, trips.get(0).profit(), 1e-12);   // 5 * (15 - 10)
        assertEquals(-10.0, trips.get(1).profit(), 1e-12);  // 2 * (15 - 20)
    }

    @Test
    void shortsCloseWhenBoughtBack() {
        RoundTripTracker t = new RoundTripTracker();
        t.add(new Fill(D1, "X", Side.SELL, 3, 50, 0, "short"));
        t.add(new Fill(D2, "X", Side.BUY, 3, 40, 0, "cover"));
        assertEquals(30.0, t.closed().get(0).profit(), 1e-12);
    }
}
