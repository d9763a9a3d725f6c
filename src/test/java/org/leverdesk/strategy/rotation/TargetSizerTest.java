package org.leverdesk.strategy.rotation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TargetSizerTest {
    private static final Set<String> UNIVERSE = Set.of("AAA", "BBB", "CCC", "DDD");

    private static Map<String, Double> thirds(String... symbols) {
        Map<String, Double> w = new LinkedHashMap<>();
        for (String s : symbols) {
            w.put(s, 1.0 / symbols.length);
        }
        return w;
    }

    private static PlannedTarget find(List<PlannedTarget> plan, String symbol) {
        return plan.stream().filter(p -> p.symbol().equals(symbol)).findFirst().orElseThrow();
    }

    @Test
    void weightsScaleToTheStrategysShareOfEquityInWholeShares() {
        // equity 30,000, half of it for the strategy: 5,000 per third
        RotationFixtures.Book book = new RotationFixtures.Book(30_000, Map.of(), Map.of());
        List<PlannedTarget> plan = new TargetSizer(0.5, 0.02).plan(thirds("AAA", "BBB", "CCC"),
                Map.of("AAA", 100.0, "BBB", 33.0, "CCC", 7.0), UNIVERSE, book);
        assertEquals(50, find(plan, "AAA").target());   // 5000 / 100
        assertEquals(151, find(plan, "BBB").target());  // floor(5000 / 33 = 151.5)
        assertEquals(714, find(plan, "CCC").target());  // floor(5000 / 7 = 714.3)
    }

    @Test
    void changesUnderTwoPercentOfTheTargetAreNotTraded() {
        // equity 100 + 9,900 + 10,100 = 20,100 -> 10,050 each -> 100 shares: AAA +1 and BBB -1 are 1% of 100, not traded
        List<PlannedTarget> plan = new TargetSizer(1.0, 0.02).plan(thirds("AAA", "BBB"), Map.of("AAA", 100.0, "BBB", 100.0),
                UNIVERSE, new RotationFixtures.Book(100, Map.of("AAA", 99L, "BBB", 101L), Map.of("AAA", 100.0, "BBB", 100.0)));
        assertEquals(99, find(plan, "AAA").target());
        assertEquals(0, find(plan, "AAA").delta());
        assertTrue(find(plan, "AAA").note().contains("under 2% of 100; not traded"), find(plan, "AAA").note());
        assertEquals(101, find(plan, "BBB").target());
        // the same holdings with a 0.5% tolerance trade both
        plan = new TargetSizer(1.0, 0.005).plan(thirds("AAA", "BBB"), Map.of("AAA", 100.0, "BBB", 100.0),
                UNIVERSE, new RotationFixtures.Book(100, Map.of("AAA", 99L, "BBB", 101L), Map.of("AAA", 100.0, "BBB", 100.0)));
        assertEquals(1, find(plan, "AAA").delta());
        assertEquals(-1, find(plan, "BBB").delta());
    }

    @Test
    void aChangeOfExactlyTwoPercentIsTraded() {
        List<PlannedTarget> plan = new TargetSizer(1.0, 0.02).plan(thirds("AAA"), Map.of("AAA", 100.0), UNIVERSE,
                new RotationFixtures.Book(200, Map.of("AAA", 98L), Map.of("AAA", 100.0)));
        // equity 10,000 -> 100 shares; +2 is exactly 2% of 100
        assertEquals(100, find(plan, "AAA").target());
    }

    @Test
    void heldTickersOutsideTheSleeveAreSoldAndOthersLeftAlone() {
        List<PlannedTarget> plan = new TargetSizer(1.0, 0.02).plan(thirds("AAA"), Map.of("AAA", 10.0, "DDD", 10.0, "ZZZ", 10.0),
                UNIVERSE, new RotationFixtures.Book(0, Map.of("DDD", 100L, "ZZZ", 50L), Map.of("DDD", 10.0, "ZZZ", 10.0)));
        assertEquals(0, find(plan, "DDD").target());
        assertEquals(-100, find(plan, "DDD").delta());
        assertTrue(plan.stream().noneMatch(p -> p.symbol().equals("ZZZ")), "ZZZ is not the rotation's to sell");
        // equity 1,500 -> 150 AAA; buying power = 0 cash + 1,000 from the DDD sale -> 100 AAA
        assertEquals(100, find(plan, "AAA").target());
    }

    @Test
    void buysAreScaledDownToTheBuyingPower() {
        // equity 12,000, but 9,000 of it is 450 ZZZ (not the rotation's), so cash is only 3,000 while the sleeve wants 6,000 + 6,000
        RotationFixtures.Book book = new RotationFixtures.Book(3_000, Map.of("ZZZ", 450L), Map.of("ZZZ", 20.0));
        List<PlannedTarget> plan = new TargetSizer(1.0, 0.02).plan(thirds("AAA", "BBB"), Map.of("AAA", 50.0, "BBB", 30.0),
                UNIVERSE, book);
        // wanted: AAA floor(6000/50) = 120 ($6,000), BBB floor(6000/30) = 200 ($6,000); factor 3000/12000 = 0.25
        assertEquals(30, find(plan, "AAA").target());
        assertEquals(50, find(plan, "BBB").target());
        assertTrue(find(plan, "AAA").note().startsWith("buy cut from 120 to 30 shares"), find(plan, "AAA").note());
        double cost = 30 * 50.0 + 50 * 30.0;
        assertTrue(cost <= 3_000);
    }
}
