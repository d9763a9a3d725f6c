package org.leverdesk.research.similar;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class SimilarSessionsTest {
    private static final LocalDate D0 = LocalDate.of(2024, 3, 4);

    private static FeatureTable table() {
        LocalDate[] dates = new LocalDate[6];
        for (int i = 0; i < 6; i++) {
            dates[i] = D0.plusDays(i);
        }
        double[][] v = {{1, 0}, {2, 1}, {3, 0}, {1, 1}, {2, 0}, {3, 1}};
        return new FeatureTable(List.of("a", "b"), dates, v);
    }

    @Test
    void zScoresCosineAndNonOverlappingWindowsByHand() {
        // a: mean 2, sd sqrt(4/5); b: mean 0.5, sd sqrt(1.5/5). Today (3, 1) -> z (1.1180, 0.9129), |z|² = 25/12.
        // cos with r1 (0, 0.9129) = sqrt(0.4) = 0.6325; r2 (1.118, -0.9129) = (5/4 - 5/6)/(25/12) = 0.2; r3 = -0.2;
        // r4 = -0.6325; r0 = -1. With a 1-day horizon r2 overlaps r1's window, so the second pick is r3.
        SimilarSessions.Match m = SimilarSessions.nearest(table(), D0.plusDays(5), 2, 1);
        assertEquals(D0.plusDays(5), m.today());
        assertArrayEquals(new double[] {1 / Math.sqrt(0.8), 0.5 / Math.sqrt(0.3)}, m.todayZ(), 1e-12);
        assertEquals(2, m.neighbours().size());
        Neighbour first = m.neighbours().get(0);
        assertEquals(D0.plusDays(1), first.date());
        assertEquals(D0.plusDays(2), first.windowEnd());
        assertEquals(Math.sqrt(0.4), first.similarity(), 1e-12);
        assertEquals(D0.plusDays(3), m.neighbours().get(1).date());
        assertEquals(-0.2, m.neighbours().get(1).similarity(), 1e-12);
        assertArrayEquals(new double[] {1, 1}, m.neighbours().get(1).features());
    }

    @Test
    void onlyWindowsThatEndByTodayCount() {
        // today = row 3 with a 2-day horizon: only rows 0 and 1 have complete windows (ending rows 2 and 3)
        SimilarSessions.Match m = SimilarSessions.nearest(table(), D0.plusDays(3), 5, 2);
        assertEquals(1, m.neighbours().size(), "rows 0 and 1 overlap with a 2-day horizon, so one is kept");
        assertThrows(IllegalArgumentException.class, () -> SimilarSessions.nearest(table(), D0.plusDays(1), 5, 2));
        assertThrows(IllegalArgumentException.class, () -> SimilarSessions.nearest(table(), D0.minusDays(1), 5, 1));
    }

    @Test
    void cosineOfAZeroVectorIsZero() {
        assertEquals(0, SimilarSessions.cosine(new double[] {0, 0}, new double[] {1, 2}));
        assertEquals(1, SimilarSessions.cosine(new double[] {1, 2}, new double[] {2, 4}), 1e-12);
    }
}
