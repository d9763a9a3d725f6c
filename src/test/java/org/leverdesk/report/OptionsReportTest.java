package org.leverdesk.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.leverdesk.backtest.BacktestResult;
import org.leverdesk.domain.Fill;
import org.leverdesk.domain.Side;
import org.leverdesk.testing.OptionRunSamples;

/** The PDF's options page, read back with PDFBox: the hand-checked split, the trades with OCC symbols, spread exits. */
class OptionsReportTest {
    @TempDir
    Path tmp;

    private String options(BacktestResult r, String name) throws IOException {
        String keep = System.getProperty("leverdesk.report.out");
        Path pdf = keep == null || keep.isBlank() ? tmp.resolve(name) : Path.of(keep).resolve(name);
        BacktestReport.write(new ReportInput(r, r.strategyId(), Map.of(), OptionRunSamples.bars(), null, null), pdf);
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            PDFTextStripper page2 = new PDFTextStripper();
            page2.setStartPage(2);
            page2.setEndPage(2);
            return page2.getText(doc);
        }
    }

    @Test
    void theWheelsPageHasThePremiumTheAssignmentsAndTheSplit() throws IOException {
        String t = options(OptionRunSamples.wheel(true), "wheel.pdf");
        assertTrue(t.contains(OptionsPage.HEADING), t);
        assertTrue(t.contains("premium collected $750.00"), t);
        assertTrue(t.contains("puts assigned 1"), t);
        assertTrue(t.contains("calls assigned (called away) 1"), t);
        assertTrue(t.contains("premium P&L $630.00"), t);
        assertTrue(t.contains("open options, marked at the last close -$120.00"), t);
        assertTrue(t.contains("stock P&L $1,050.00"), t);
        assertTrue(t.contains("of it dividends $50.00"), t);
        // every option trade with its OCC symbol and its event
        assertTrue(t.contains("2024-01-12 put assigned Buy QQQ   240112P00400000") || t.contains("put assigned Buy QQQ 240112P00400000"), t);
        assertTrue(t.contains("called away"), t);
        assertFalse(t.contains("more option trades"), t);
        assertFalse(t.contains("Spread exits by kind"), "no spread section for the wheel");
    }

    @Test
    void aSpreadsPageHasTheExitsByKindAndTheRefusals() throws IOException {
        String t = options(OptionRunSamples.spread(), "spreads.pdf");
        assertTrue(t.contains("Spread exits by kind"), t);
        assertTrue(t.contains("spreads opened 1"), t);
        assertTrue(t.contains("closed: profit take 1"), t);
        assertTrue(t.contains("closed: stop 0"), t);
        assertTrue(t.contains("closed: short strike 0"), t);
        assertTrue(t.contains("closed: close before expiry 0"), t);
        assertTrue(t.contains("cooldown 2 days"), t);
        assertTrue(t.contains("drawdown throttle 1 days"), t);
        assertTrue(t.contains("spread opened"), t);
    }

    @Test
    void aLongListIsCappedWithTheNumberLeft() throws IOException {
        BacktestResult w = OptionRunSamples.wheel(true);
        List<Fill> fills = new ArrayList<>();
        LocalDate d = LocalDate.parse("2020-01-03");
        for (int i = 0; i < 60; i++, d = d.plusWeeks(1)) {
            String occ = String.format("QQQ   %02d%02d%02dP00400000", d.getYear() % 100, d.getMonthValue(), d.getDayOfMonth());
            fills.add(new Fill(d.minusDays(7), occ, Side.SELL, 1, 1.0, 0, "sell 1 cash-secured put"));
            fills.add(new Fill(d, occ, Side.BUY, 1, 0, 0, occ.replaceAll("\\s+", " ") + " expired worthless (QQQ closed $410.00)"));
        }
        BacktestResult many = new BacktestResult(w.strategyId(), w.symbol(), w.config(), w.dataSource(), w.equity(), null,
                w.metrics(), null, fills, List.of(), List.of(), List.of(), Map.of());
        String t = options(many, "many.pdf");
        assertTrue(t.contains("expired worthless 60"), t);
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\.\\.\\. (\\d+) more option trades").matcher(t);
        assertTrue(m.find(), t);
        int more = Integer.parseInt(m.group(1));
        int listed = t.split("QQQ +\\d{6}P00400000", -1).length - 1;
        assertEquals(120, listed + more, "listed " + listed + " + " + more + " more");
    }
}
