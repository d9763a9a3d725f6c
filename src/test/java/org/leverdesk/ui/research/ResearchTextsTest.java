package org.leverdesk.ui.research;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class ResearchTextsTest {
    @Test
    void aPeriodWrapsOnlyAfterItsDashNeverLeavingTheDashAlone() {
        String p = ResearchTexts.period(LocalDate.of(2021, 1, 4), LocalDate.of(2022, 1, 3));
        // no-break space before the en dash, an ordinary space after it: the only place a narrow column may break
        assertEquals("2021-01-04\u00a0\u2013 2022-01-03", p);
        assertEquals(1, p.chars().filter(c -> c == ' ').count());
        assertEquals("2021-01-04\u00a0\u2013", ResearchTexts.periodFirstLine(LocalDate.of(2021, 1, 4)));
    }
}
