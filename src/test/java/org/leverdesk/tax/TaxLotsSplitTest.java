package org.leverdesk.tax;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A split keeps a lot's basis and holding period and multiplies its shares; the cash in lieu is a sale. */
class TaxLotsSplitTest {
    private static TaxFill split(String date, String symbol, String ratio) {
        return new TaxFill(LocalDate.parse(date), symbol, TaxAction.SPLIT, new BigDecimal(ratio), null, null);
    }

    @Test
    void aTwoForOneSplitDoublesTheLotsSharesAtTheSameBasis() {
        List<Disposition> d = TaxLots.dispositions(List.of(
                TaxFill.trade("2026-03-02", "XYZ", TaxAction.BUY, 15, "100.01", "0"),
                split("2026-03-04", "XYZ", "2"),
                TaxFill.trade("2026-03-05", "XYZ", TaxAction.SELL, 30, "55.00", "0")), LotMethod.FIFO);
        // Basis 15 x 100.01 = 1,500.15; proceeds 30 x 55.00 = 1,650.00; gain 149.85, acquired on the day of the buy.
        assertEquals(1, d.size());
        assertEquals(new BigDecimal("1500.15"), d.get(0).basis());
        assertEquals(new BigDecimal("1650.00"), d.get(0).proceeds());
        assertEquals(new BigDecimal("149.85"), d.get(0).gain());
        assertEquals(LocalDate.of(2026, 3, 2), d.get(0).acquired());
    }

    @Test
    void aOneForTenReverseSplitsCashInLieuSellsTheFractionAtItsShareOfTheBasis() {
        List<Disposition> d = TaxLots.dispositions(List.of(
                TaxFill.trade("2026-03-02", "XYZ", TaxAction.BUY, 15, "2.00", "0"),
                split("2026-03-04", "XYZ", "0.1"),
                new TaxFill(LocalDate.parse("2026-03-04"), "XYZ", TaxAction.SELL, new BigDecimal("0.5"), new BigDecimal("20.00"), null),
                TaxFill.trade("2026-03-05", "XYZ", TaxAction.SELL, 1, "21.00", "0")), LotMethod.FIFO);
        // Basis 30.00 for 1.5 shares: the half share carries 10.00 and brings 0.5 x 20.00 = 10.00 (no gain); the last
        // share carries 20.00 and brings 21.00 (gain 1.00).
        assertEquals(List.of(new BigDecimal("0.00"), new BigDecimal("1.00")), d.stream().map(Disposition::gain).toList());
        assertEquals(List.of(new BigDecimal("10.00"), new BigDecimal("20.00")), d.stream().map(Disposition::basis).toList());
    }

    @Test
    void aSplitOfAnOptionSymbolIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> split("2026-03-04", "QQQ260116P00400000", "2"));
    }
}
