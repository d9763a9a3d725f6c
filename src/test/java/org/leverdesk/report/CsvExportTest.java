package org.leverdesk.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class CsvExportTest {
    @Test
    void tradesAreOneRfc4180RowPerFillWithReasonsQuotedWhenNeeded() {
        StringBuilder sb = new StringBuilder();
        CsvExport.trades(ReportSamples.FILLS, sb);
        assertEquals("date,side,symbol,quantity,price,commission,reason\r\n"
                + "2024-01-03,BUY,TQQQ,100,50.25,1,\"RSI(2) 12.5 <= 30, buy\"\r\n"
                + "2024-01-05,SELL,TQQQ,100,52.5,1,\"stop 47.74, \"\"gap\"\" at open\"\r\n", sb.toString());
    }

    @Test
    void equityCurveHasCashPositionAndBenchmarkInPlainDecimals() {
        StringBuilder sb = new StringBuilder();
        CsvExport.equity(ReportSamples.result(), sb);
        assertEquals("date,equity,cash,position_value,benchmark_equity\r\n"
                + "2024-01-02,10000,10000,0,10000\r\n"
                + "2024-01-03,9999,4974,5025,10050.5\r\n"
                + "2024-01-04,10124,4974,5150,10100.25\r\n"
                + "2024-01-05,10223,10223,0,10200\r\n"
                + "2024-02-01,10223,10223,0,10300.125\r\n", sb.toString());
    }

    @Test
    void plainDecimalsNeverUseExponents() {
        assertEquals("0.0000001", ReportFormats.plain(1e-7));
        assertEquals("12345678901234", ReportFormats.plain(1.2345678901234e13));
        assertEquals("-3.5", ReportFormats.plain(-3.5));
        assertEquals("", ReportFormats.plain(Double.NaN));
    }
}
