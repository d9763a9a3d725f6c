package org.leverdesk.research.similar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.leverdesk.backtest.CostModel;
import org.leverdesk.common.CancellationToken;
import org.leverdesk.common.ProgressListener;
import org.leverdesk.research.GrowthFunction;
import org.leverdesk.research.ResearchFixture;
import org.leverdesk.research.RunBase;

class SessionAdvisorTest {
    /** x=1 earns 0.1% a day; x=2 earns 0.3% a day in even months and loses 0.1% a day in odd ones. */
    private static final GrowthFunction FN = new GrowthFunction((p, d) -> p.get("x").equals("1") ? 0.001
            : d.getMonthValue() % 2 == 0 ? 0.003 : -0.001);
    private static final RunBase BASE = new RunBase("rsi2", "TQQQ", 10_000, CostModel.FREE, null, Map.of());

    private static double growth(String x, LocalDate from, LocalDate to) {
        double e = 1;
        for (LocalDate d = from.plusDays(1); !d.isAfter(to); d = d.plusDays(1)) {
            if (ResearchFixture.CALENDAR.isTradingDay(d)) {
                e *= 1 + (x.equals("1") ? 0.001 : d.getMonthValue() % 2 == 0 ? 0.003 : -0.001);
            }
        }
        return e - 1;
    }

    @Test
    void theConfidenceIsTheShareOfSimilarWindowsWhereTheSuggestionBeatTheActiveVersion() {
        SessionAdvisor advisor = new SessionAdvisor(ResearchFixture.demoEngine(), FN);
        List<Candidate> candidates = List.of(new Candidate("active", 1L, Map.of("x", "1")), new Candidate("x=2", null, Map.of("x", "2")));
        Advice a = advisor.advise(new AdviceRequest(BASE, LocalDate.of(2015, 6, 30), 12, 5, candidates, 0), ProgressListener.NONE,
                CancellationToken.NONE);
        List<Neighbour> nb = a.match().neighbours();
        assertEquals(12, nb.size());
        int wins = 0;
        double mean1 = 0;
        double mean2 = 0;
        for (int i = 0; i < nb.size(); i++) {
            double r1 = growth("1", nb.get(i).date(), nb.get(i).windowEnd());
            double r2 = growth("2", nb.get(i).date(), nb.get(i).windowEnd());
            assertEquals(r1, a.returns()[i][0], 1e-12);
            assertEquals(r2, a.returns()[i][1], 1e-12);
            wins += r2 > r1 ? 1 : 0;
            mean1 += r1 / nb.size();
            mean2 += r2 / nb.size();
            assertTrue(nb.get(i).windowEnd().isBefore(LocalDate.of(2015, 7, 1)), "every window is over by today");
        }
        assertEquals(mean2 > mean1 ? 1 : 0, a.suggested());
        assertEquals(wins, a.wins()[1]);
        if (!a.keepActive()) {
            assertEquals((double) wins / nb.size(), a.confidence(), 1e-12);
            assertTrue(a.reason().contains("x=2 beat active in " + wins + " of the 12"), a.reason());
        }
        SessionAdvisor.Measured m = advisor.measure(a, new Candidate("again", null, Map.of("x", "2")), ProgressListener.NONE,
                CancellationToken.NONE);
        assertEquals(wins, m.wins(), "measuring a set again gives the same count");
    }
}
