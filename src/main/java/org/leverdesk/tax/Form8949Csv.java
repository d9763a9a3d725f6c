package org.leverdesk.tax;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * The report in Form 8949's column layout, one CSV row per line: Part I (short term) then Part II (long
 * term), columns (a) to (h), dates as MM/DD/YYYY, amounts to the cent with losses negative, a totals row
 * per part. An expired held option shows "EXPIRED" as proceeds, an expired written one as cost basis.
 */
public final class Form8949Csv {
    public static final String HEADER = "Part,(a) Description of property,(b) Date acquired,(c) Date sold or disposed of,"
            + "(d) Proceeds,(e) Cost or other basis,(f) Code(s),(g) Amount of adjustment,(h) Gain or (loss)";
    private static final DateTimeFormatter US = DateTimeFormatter.ofPattern("MM/dd/yyyy");

    private Form8949Csv() {
    }

    public static String of(TaxReport report) {
        StringBuilder sb = new StringBuilder(HEADER).append('\n');
        part(sb, "I", "short term", report.shortTerm());
        part(sb, "II", "long term", report.longTerm());
        return sb.toString();
    }

    private static void part(StringBuilder sb, String part, String label, List<Disposition> lines) {
        for (Disposition d : lines) {
            boolean expiredHeld = d.expired() && !d.written();
            boolean expiredWritten = d.expired() && d.written();
            sb.append(part).append(',').append(quoted(d.description())).append(',').append(date(d.acquired())).append(',')
                    .append(date(d.sold())).append(',').append(expiredHeld ? "EXPIRED" : d.proceeds().toPlainString()).append(',')
                    .append(expiredWritten ? "EXPIRED" : d.basis().toPlainString()).append(',').append(d.code()).append(',')
                    .append(d.adjustment().signum() == 0 ? "" : d.adjustment().toPlainString()).append(',')
                    .append(d.gain().toPlainString()).append('\n');
        }
        BigDecimal proceeds = TaxReport.sum(lines, Disposition::proceeds);
        BigDecimal basis = TaxReport.sum(lines, Disposition::basis);
        BigDecimal adjustment = TaxReport.sum(lines, Disposition::adjustment);
        BigDecimal gain = TaxReport.sum(lines, Disposition::gain);
        sb.append(part).append(',').append(quoted("Totals (" + label + ")")).append(",,,").append(proceeds.toPlainString()).append(',')
                .append(basis.toPlainString()).append(",,").append(adjustment.toPlainString()).append(',').append(gain.toPlainString())
                .append('\n');
    }

    private static String date(LocalDate d) {
        return d == null ? "" : d.format(US);
    }

    private static String quoted(String s) {
        return s.contains(",") || s.contains("\"") ? '"' + s.replace("\"", "\"\"") + '"' : s;
    }
}
