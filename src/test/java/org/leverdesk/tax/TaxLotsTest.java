package org.leverdesk.tax;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.leverdesk.tax.TaxAction.ASSIGNED;
import static org.leverdesk.tax.TaxAction.BUY;
import static org.leverdesk.tax.TaxAction.EXPIRED;
import static org.leverdesk.tax.TaxAction.SELL;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every figure below was worked out by hand from the fills (the comments show the arithmetic). */
class TaxLotsTest {
    private static TaxFill t(String date, String symbol, TaxAction action, long qty, String price, String fees) {
        return TaxFill.trade(date, symbol, action, qty, price, fees);
    }

    private static TaxFill event(String date, String occ, TaxAction action, long contracts) {
        return new TaxFill(LocalDate.parse(date), occ, action, BigDecimal.valueOf(contracts), BigDecimal.ZERO, BigDecimal.ZERO);
    }

    private static void line(Disposition d, String acquired, String sold, String proceeds, String basis, String code, String adjustment,
                             String gain, boolean longTerm) {
        assertEquals(LocalDate.parse(acquired), d.acquired(), d.toString());
        assertEquals(LocalDate.parse(sold), d.sold(), d.toString());
        assertEquals(new BigDecimal(proceeds), d.proceeds(), d.toString());
        assertEquals(new BigDecimal(basis), d.basis(), d.toString());
        assertEquals(code, d.code(), d.toString());
        assertEquals(new BigDecimal(adjustment), d.adjustment(), d.toString());
        assertEquals(new BigDecimal(gain), d.gain(), d.toString());
        assertEquals(longTerm, d.longTerm(), d.toString());
    }

    private static final List<TaxFill> TWO_LOTS = List.of(
            t("2025-01-10", "AAA", BUY, 100, "10", "1"),      // basis 1,001.00
            t("2025-03-03", "AAA", BUY, 50, "12", "0"));      // basis 600.00

    @Test
    void fifoClosesTheOldestLotFirstAndSplitsTheProceedsByShares() {
        List<TaxFill> fills = new java.util.ArrayList<>(TWO_LOTS);
        fills.add(t("2026-01-12", "AAA", SELL, 120, "15", "2"));   // proceeds 1,800 - 2 = 1,798
        List<Disposition> d = TaxLots.dispositions(fills, LotMethod.FIFO);
        assertEquals(2, d.size());
        // 100 of 120: 1,798 x 100/120 = 1,498.33; held 2025-01-10 .. 2026-01-12, more than a year
        line(d.get(0), "2025-01-10", "2026-01-12", "1498.33", "1001.00", "", "0.00", "497.33", true);
        // the other 20: 1,798 - 1,498.33 = 299.67; basis 600 x 20/50 = 240
        line(d.get(1), "2025-03-03", "2026-01-12", "299.67", "240.00", "", "0.00", "59.67", false);
    }

    @Test
    void aSaleOnTheAnniversaryIsStillShortTerm() {
        List<TaxFill> fills = List.of(t("2025-01-10", "AAA", BUY, 10, "10", "0"), t("2026-01-10", "AAA", SELL, 10, "11", "0"));
        assertFalse(TaxLots.dispositions(fills, LotMethod.FIFO).get(0).longTerm(), "held exactly one year: short term");
        List<TaxFill> later = List.of(t("2025-01-10", "AAA", BUY, 10, "10", "0"), t("2026-01-11", "AAA", SELL, 10, "11", "0"));
        assertTrue(TaxLots.dispositions(later, LotMethod.FIFO).get(0).longTerm(), "one day more: long term");
    }

    @Test
    void hifoClosesTheHighestCostLotFirst() {
        List<TaxFill> fills = new java.util.ArrayList<>(TWO_LOTS);
        fills.add(t("2026-01-12", "AAA", SELL, 120, "15", "2"));
        List<Disposition> d = TaxLots.dispositions(fills, LotMethod.HIFO);
        // 12.00 a share before 10.01: 50 of the March lot (1,798 x 50/120 = 749.17), then 70 of January's
        line(d.get(0), "2025-03-03", "2026-01-12", "749.17", "600.00", "", "0.00", "149.17", false);
        // 1,798 - 749.17 = 1,048.83; basis 1,001 x 70/100 = 700.70
        line(d.get(1), "2025-01-10", "2026-01-12", "1048.83", "700.70", "", "0.00", "348.13", true);
    }

    @Test
    void aLossWithSharesBoughtWithin30DaysAfterIsAWashSale() {
        List<TaxFill> fills = List.of(
                t("2026-02-02", "BBB", BUY, 100, "50", "0"),   // 5,000
                t("2026-03-02", "BBB", SELL, 100, "40", "0"),  // 4,000: loss 1,000, 10 a share
                t("2026-03-20", "BBB", BUY, 60, "42", "0"),    // 18 days later: 60 shares replace; 2,520 + 600 disallowed
                t("2026-05-01", "BBB", SELL, 60, "45", "0"));  // 2,700 - 3,120 = -420
        List<Disposition> d = TaxLots.dispositions(fills, LotMethod.FIFO);
        // 60 of the 100 shares' loss is disallowed (600); 400 stays deductible
        line(d.get(0), "2026-02-02", "2026-03-02", "4000.00", "5000.00", "W", "600.00", "-400.00", false);
        line(d.get(1), "2026-03-20", "2026-05-01", "2700.00", "3120.00", "", "0.00", "-420.00", false);
        // the 28 days the sold shares were held carry over: the replacement's holding period starts on 2026-02-20
        BigDecimal total = d.stream().map(Disposition::gain).reduce(BigDecimal.ZERO, BigDecimal::add);
        assertEquals(new BigDecimal("-820.00"), total, "over both sales the whole economic loss (7,520 paid, 6,700 received) counts");
    }

    @Test
    void theReplacementSharesCarryTheSoldSharesHoldingPeriod() {
        List<TaxFill> fills = List.of(
                t("2025-01-02", "BBB", BUY, 10, "50", "0"),
                t("2026-01-05", "BBB", SELL, 10, "40", "0"),   // held 368 days, loss 100
                t("2026-01-06", "BBB", BUY, 10, "41", "0"),    // replacement: holding from 2026-01-06 - 368 days = 2025-01-03
                t("2026-01-09", "BBB", SELL, 10, "45", "0"));  // so this sale is long term
        List<Disposition> d = TaxLots.dispositions(fills, LotMethod.FIFO);
        assertTrue(d.get(0).longTerm());
        line(d.get(1), "2026-01-06", "2026-01-09", "450.00", "510.00", "", "0.00", "-60.00", true);
    }

    @Test
    void sharesBoughtWithin30DaysBeforeALossReplaceToo() {
        List<TaxFill> fills = List.of(
                t("2026-06-01", "CCC", BUY, 100, "20", "0"),   // 2,000
                t("2026-06-20", "CCC", BUY, 100, "15", "0"),   // 1,500: bought 5 days before the loss sale
                t("2026-06-25", "CCC", SELL, 100, "14", "0"),  // FIFO: the June 1 lot, loss 600, all disallowed
                t("2026-08-10", "CCC", SELL, 100, "16", "0")); // 1,600 - (1,500 + 600) = -500; no purchase near it
        List<Disposition> d = TaxLots.dispositions(fills, LotMethod.FIFO);
        line(d.get(0), "2026-06-01", "2026-06-25", "1400.00", "2000.00", "W", "600.00", "0.00", false);
        line(d.get(1), "2026-06-20", "2026-08-10", "1600.00", "2100.00", "", "0.00", "-500.00", false);
    }

    @Test
    void anAssignedPutLowersTheSharesBasisAndAnAssignedCallRaisesTheirProceeds() {
        List<TaxFill> fills = List.of(
                t("2026-01-05", "QQQ260116P00400000", SELL, 1, "5.00", "0.65"),   // premium 500 - 0.65 = 499.35
                event("2026-01-16", "QQQ260116P00400000", ASSIGNED, 1),           // buys 100 QQQ at 400: basis 40,000 - 499.35
                t("2026-01-20", "QQQ260220C00410000", SELL, 1, "3.00", "0.65"),   // covered call: 299.35
                event("2026-02-20", "QQQ260220C00410000", ASSIGNED, 1));          // delivers 100 at 410: 41,000 + 299.35
        List<Disposition> d = TaxLots.dispositions(fills, LotMethod.FIFO);
        assertEquals(1, d.size(), "premiums of assigned options are in the shares' figures, not lines of their own");
        line(d.get(0), "2026-01-16", "2026-02-20", "41299.35", "39500.65", "", "0.00", "1798.70", false);
        assertEquals("100 sh QQQ", d.get(0).description());
    }

    @Test
    void writtenOptionsThatExpireOrAreBoughtBackAreShortTermGains() {
        List<TaxFill> fills = List.of(
                t("2026-03-02", "QQQ260320P00380000", SELL, 2, "2.50", "1.30"),   // 500 - 1.30 = 498.70
                event("2026-03-20", "QQQ260320P00380000", EXPIRED, 2),
                t("2026-04-01", "QQQ260417C00450000", SELL, 1, "4.00", "0.65"),   // 399.35
                t("2026-04-10", "QQQ260417C00450000", BUY, 1, "1.00", "0.65"),    // 100.65 to close
                t("2026-05-01", "QQQ260515C00500000", BUY, 1, "1.20", "0.65"),    // held: 120.65
                event("2026-05-15", "QQQ260515C00500000", EXPIRED, 1));
        List<Disposition> d = TaxLots.dispositions(fills, LotMethod.FIFO);
        // written: (b) the day closed, (c) the day written
        line(d.get(0), "2026-03-20", "2026-03-02", "498.70", "0.00", "", "0.00", "498.70", false);
        assertTrue(d.get(0).written() && d.get(0).expired());
        assertEquals("2 QQQ 2026-03-20 380 put (written)", d.get(0).description());
        line(d.get(1), "2026-04-10", "2026-04-01", "399.35", "100.65", "", "0.00", "298.70", false);
        line(d.get(2), "2026-05-01", "2026-05-15", "0.00", "120.65", "", "0.00", "-120.65", false);
        assertTrue(d.get(2).expired() && !d.get(2).written());
        String csv = Form8949Csv.of(TaxLots.report(fills, LotMethod.FIFO, 2026));
        assertTrue(csv.contains("I,2 QQQ 2026-03-20 380 put (written),03/20/2026,03/02/2026,498.70,EXPIRED,,,498.70"), csv);
        assertTrue(csv.contains("I,1 QQQ 2026-05-15 500 call,05/01/2026,05/15/2026,EXPIRED,120.65,,,-120.65"), csv);
        assertTrue(csv.contains("I,Totals (short term),,,898.05,221.30,,0.00,676.75"), csv);
    }

    @Test
    void aSaleOfMoreThanTheLotsHoldIsRefusedWithTheDayAndSymbol() {
        List<TaxFill> fills = List.of(t("2026-03-02", "TQQQ", BUY, 40, "50", "0"), t("2026-03-03", "TQQQ", SELL, 50, "51", "0"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TaxLots.dispositions(fills, LotMethod.FIFO));
        assertEquals("2026-03-03 TQQQ: closes 50 but the open lots hold 40; a fill is missing from the list (short sales are not supported)",
                e.getMessage());
    }

    @Test
    void theYearsReportHoldsWhatWasRealisedInIt() {
        List<TaxFill> fills = new java.util.ArrayList<>(TWO_LOTS);
        fills.add(t("2025-12-30", "AAA", SELL, 10, "11", "0"));
        fills.add(t("2026-01-12", "AAA", SELL, 120, "15", "2"));
        TaxReport y2025 = TaxLots.report(fills, LotMethod.FIFO, 2025);
        assertEquals(1, y2025.shortTerm().size());
        assertEquals(new BigDecimal("9.90"), y2025.shortTermGain()); // 110 - 100.10
        TaxReport y2026 = TaxLots.report(fills, LotMethod.FIFO, 2026);
        assertEquals(1, y2026.longTerm().size());
        assertEquals(1, y2026.shortTerm().size());
    }

    @Test
    void aFillsFileWithBadLinesListsEveryProblem() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TaxFillsCsv.parse("f.csv", List.of(
                TaxFillsCsv.HEADER, "2026-13-01,TQQQ,BUY,10,50,0", "2026-01-02,TQQQ,HOLD,10,50,0", "2026-01-02,TQQQ,BUY,ten,50,0",
                "2026-01-02,TQQQ,EXPIRED,1,0,0")));
        assertEquals(String.join(System.lineSeparator(), "f.csv:2: date '2026-13-01' is not YYYY-MM-DD",
                "f.csv:3: action 'HOLD' must be one of BUY, SELL, EXPIRED, ASSIGNED, EXERCISED",
                "f.csv:4: quantity, price and fees must be numbers",
                "f.csv:5: 2026-01-02 TQQQ: EXPIRED applies to an option (an OCC symbol such as QQQ260116P00400000)"), e.getMessage());
    }
}
