package org.leverdesk.market.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.leverdesk.domain.Bar;
import org.leverdesk.market.calendar.NyseCalendar;
import org.leverdesk.market.calendar.TradingCalendar;
import org.leverdesk.testing.SharedPrices;

/** Split-basis jumps against the stored series, with hand-made bars and every real price file. */
class SplitCheckTest {
    private static final TradingCalendar CAL = new NyseCalendar();
    private static final String REMEDY = "re-import the whole file (leverdesk import NVDA.csv --replace) or run"
            + " 'leverdesk data update --symbols NVDA --full'";

    /** {@code n} sessions ending {@code last}, closes moving ±1% alternately around {@code level}; adj = close. */
    private static List<Bar> calm(LocalDate last, int n, double level) {
        List<Bar> out = new ArrayList<>();
        LocalDate d = last;
        for (int i = 0; i < n; i++) {
            double c = level * (i % 2 == 0 ? 1.0 : 0.99);
            out.add(0, new Bar(d, c, c * 1.01, c * 0.99, c, 1000, c));
            d = CAL.previousTradingDay(d);
        }
        return out;
    }

    private static Bar bar(String date, double close, double adj) {
        return new Bar(LocalDate.parse(date), close, close * 1.01, close * 0.99, close, 1000, adj);
    }

    @Test
    void theIssuesNvdaExampleIsRefusedNamingATenForOneSplit() {
        List<Bar> stored = calm(LocalDate.of(2024, 6, 7), 80, 1208.88);
        List<Bar> incoming = List.of(bar("2024-06-10", 121.79, 121.75), bar("2024-06-11", 120.91, 120.87));
        assertEquals(Optional.of("NVDA 2024-06-10: close 121.79 after 1208.88 looks like a 10:1 split the stored series does"
                + " not have; " + REMEDY), SplitCheck.check("NVDA", stored, incoming, REMEDY));
    }

    @Test
    void aReverseSplitIsNamedAsOne() {
        List<Bar> stored = calm(LocalDate.of(2024, 6, 7), 80, 8.0);
        Optional<String> r = SplitCheck.check("SQQQ", stored, List.of(bar("2024-06-10", 40.3, 40.3)), "fix it");
        assertEquals(Optional.of("SQQQ 2024-06-10: close 40.3 after 8 looks like a 1:5 reverse split the stored series does not"
                + " have; fix it"), r);
    }

    @Test
    void aSameDayBarOnAnotherShareBasisIsRefused() {
        List<Bar> stored = calm(LocalDate.of(2024, 3, 8), 30, 875.28);
        Optional<String> r = SplitCheck.check("NVDA", stored, List.of(bar("2024-03-08", 87.528, 87.5)), REMEDY);
        assertEquals(Optional.of("NVDA 2024-03-08: the new close 87.53 is 1/10 of the stored 875.28, a 10:1 split the stored"
                + " series does not have; " + REMEDY), r);
    }

    @Test
    void aCloseColumnThatIsNotSplitAdjustedIsRefusedWithinAFile() {
        // Raw closes halve on the split day while the adjusted close runs on: the file mixes two bases.
        List<Bar> file = List.of(bar("2024-06-06", 100, 50), bar("2024-06-07", 101, 50.5), bar("2024-06-10", 51, 51));
        Optional<String> r = SplitCheck.check("ABC", List.of(), file, "import split-adjusted prices");
        assertEquals(Optional.of("ABC 2024-06-10: close 51 after 101 looks like a 2:1 split the close column is not adjusted"
                + " for (adj_close moved +1.0%); use split-adjusted prices, or import split-adjusted prices"), r);
    }

    @Test
    void realMovesPass() {
        List<Bar> stored = calm(LocalDate.of(2024, 6, 7), 80, 100);
        // -35% in a day (TQQQ on 2020-03-16) is not near a split factor.
        assertEquals(Optional.empty(), SplitCheck.check("X", stored, List.of(bar("2024-06-10", 65, 65)), REMEDY));
        // A doubling within a file whose adjusted close doubles too is a real move (VIX on 2018-02-05: +116%).
        assertEquals(Optional.empty(), SplitCheck.check("VIX", List.of(),
                List.of(bar("2018-02-02", 17.31, 17.31), bar("2018-02-05", 37.32, 37.32)), REMEDY));
        // Stored and new agree on the overlap day (a different feed's close is cents away).
        assertEquals(Optional.empty(), SplitCheck.check("X", stored, List.of(bar("2024-06-07", 100.03, 100.0),
                bar("2024-06-10", 101, 101)), REMEDY));
    }

    @Test
    void aHalvingOfAVolatileSymbolAgainstTheStoreIsAcceptedWhenItsUsualMoveMakesItPlausible() {
        // Daily moves of ±15% (σ ≈ 0.14): a -50% day is under 6σ, so it is taken as a real move.
        List<Bar> stored = new ArrayList<>();
        LocalDate d = LocalDate.of(2024, 1, 2);
        double c = 10;
        for (int i = 0; i < 61; i++) {
            c *= i % 2 == 0 ? 1.15 : 1 / 1.15;
            stored.add(new Bar(d, c, c, c, c, 1000, c));
            d = CAL.nextTradingDay(d);
        }
        Bar last = stored.get(stored.size() - 1);
        assertEquals(Optional.empty(), SplitCheck.check("BIO", stored, List.of(new Bar(d, 5, 5, 5, last.close() / 2, 1000,
                last.close() / 2)), REMEDY));
        // The same halving of a calm stock (σ ≈ 1%) is 70σ: refused as a 2:1 split.
        assertTrue(SplitCheck.check("CALM", calm(last.date(), 80, 100), List.of(new Bar(d, 50, 50, 50, 50, 1000, 50)), REMEDY)
                .orElseThrow().contains("looks like a 2:1 split the stored series does not have"));
    }

    @Test
    void everyRealPriceFilePassesOnItsOwn() {
        var dir = SharedPrices.dir();
        CsvBarReader reader = new CsvBarReader(CAL);
        for (String symbol : List.of("QQQ", "SPY", "GLD", "TQQQ", "SQQQ", "QQQM", "VIX", "NVDA", "MSFT", "JEF", "TSLA", "PLTR",
                "SOFI", "AFRM", "CPER")) {
            List<Bar> bars = reader.read(dir.resolve(symbol + ".csv"));
            assertEquals(Optional.empty(), SplitCheck.check(symbol, List.of(), bars, REMEDY), symbol);
            // And appended to itself in two halves, as an update would add it.
            int half = bars.size() / 2;
            assertEquals(Optional.empty(), SplitCheck.check(symbol, bars.subList(0, half), bars.subList(half, bars.size()), REMEDY),
                    symbol + " in two halves");
        }
    }
}
