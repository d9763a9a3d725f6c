package org.leverdesk.research.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ParameterAxisTest {

    @Test
    void rangesIncludeBothEndsInExactSteps() {
        ParameterAxis a = ParameterAxis.parse("entryRsi=5..45:1");
        assertEquals("entryRsi", a.name());
        assertEquals(41, a.size());
        assertEquals("5", a.values().get(0));
        assertEquals("45", a.values().get(40));
        assertTrue(a.numeric());
        assertEquals(List.of("0.1", "0.2", "0.3"), ParameterAxis.parse("deadzone=0.1..0.3:0.1").values());
        assertEquals(List.of("1", "2", "3"), ParameterAxis.parse("x=1..3").values(), "step 1 by default");
        assertEquals(List.of("0", "2.5", "5"), ParameterAxis.parse("x = 0..6:2.5").values(), "stops before passing the end");
    }

    @Test
    void listsAndSingleValues() {
        ParameterAxis choice = ParameterAxis.parse("profitTaker=off,moderate,aggressive");
        assertEquals(List.of("off", "moderate", "aggressive"), choice.values());
        assertFalse(choice.numeric());
        ParameterAxis numbers = ParameterAxis.parse("exitRsi=70,75.0,7.5e1,80");
        assertEquals(List.of("70", "75", "80"), numbers.values(), "one spelling, duplicates once");
        assertTrue(numbers.numeric());
        assertEquals(List.of("true"), ParameterAxis.parse("hedge=TRUE").values());
    }

    @Test
    void badSpecsSayWhatIsWrong() {
        for (String bad : new String[] {"entryRsi", "=5", "x=", "x=5..", "x=a..b", "x=5..1", "x=1..5:0", "x=1..5:-1",
            "x=0..1:0.00001", "x=1,,2"}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ParameterAxis.parse(bad), bad);
            assertFalse(e.getMessage().contains("\n"), e.getMessage());
        }
    }

    @Test
    void gridVariesTheLastAxisFastest() {
        SearchSpace s = SearchSpace.grid(List.of(ParameterAxis.parse("a=1,2"), ParameterAxis.parse("b=x,y,z")));
        assertEquals(6, s.gridSize());
        List<Map<String, String>> p = s.points();
        assertEquals(Map.of("a", "1", "b", "x"), p.get(0));
        assertEquals(Map.of("a", "1", "b", "z"), p.get(2));
        assertEquals(Map.of("a", "2", "b", "x"), p.get(3));
    }

    @Test
    void randomSearchIsSeededAndDistinct() {
        List<ParameterAxis> axes = List.of(ParameterAxis.parse("a=1..100"), ParameterAxis.parse("b=1..100"));
        List<Map<String, String>> one = SearchSpace.random(axes, 50, 7).points();
        assertEquals(50, one.size());
        assertEquals(50, one.stream().distinct().count());
        assertEquals(one, SearchSpace.random(axes, 50, 7).points(), "same seed, same points");
        assertFalse(one.equals(SearchSpace.random(axes, 50, 8).points()));
        assertEquals(10_000, SearchSpace.random(axes, 20_000, 7).points().size(), "more samples than points: the whole grid");
    }

    @Test
    void hugeGridsAndRepeatedNamesAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> SearchSpace.grid(List.of(ParameterAxis.parse("a=1..1000"),
                ParameterAxis.parse("b=1..1000"))));
        assertThrows(IllegalArgumentException.class, () -> SearchSpace.grid(List.of(ParameterAxis.parse("a=1"),
                ParameterAxis.parse("a=2"))));
    }
}
