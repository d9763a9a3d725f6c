package org.leverdesk.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.leverdesk.backtest.BacktestResult;
import org.leverdesk.backtest.EquityPoint;
import org.leverdesk.domain.Fill;

/**
 * CSV exports of a backtest run (RFC 4180: comma separated, CRLF line ends, fields quoted when they
 * hold a comma, quote or line break, quotes doubled), one header line, ISO dates, plain decimals.
 */
public final class CsvExport {
    private static final String EOL = "\r\n";

    private CsvExport() {
    }

    /** Every fill: {@code date,side,symbol,quantity,price,commission,reason}. */
    public static void trades(List<Fill> fills, Appendable out) {
        try {
            out.append("date,side,symbol,quantity,price,commission,reason").append(EOL);
            for (Fill f : fills) {
                out.append(f.date().toString()).append(',')
                        .append(f.side().name()).append(',')
                        .append(field(f.symbol())).append(',')
                        .append(Long.toString(f.quantity())).append(',')
                        .append(ReportFormats.plain(f.price())).append(',')
                        .append(ReportFormats.plain(f.commission())).append(',')
                        .append(field(f.reason())).append(EOL);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The daily curve: {@code date,equity,cash,position_value,benchmark_equity} (benchmark empty when absent). */
    public static void equity(BacktestResult r, Appendable out) {
        List<EquityPoint> eq = r.equity();
        double[] bench = r.benchmarkEquity();
        try {
            out.append("date,equity,cash,position_value,benchmark_equity").append(EOL);
            for (int i = 0; i < eq.size(); i++) {
                EquityPoint p = eq.get(i);
                out.append(p.date().toString()).append(',')
                        .append(ReportFormats.plain(p.equity())).append(',')
                        .append(ReportFormats.plain(p.cash())).append(',')
                        .append(ReportFormats.plain(p.positionValue())).append(',')
                        .append(bench != null && i < bench.length ? ReportFormats.plain(bench[i]) : "").append(EOL);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One RFC 4180 field: quoted only when it must be. */
    static String field(String s) {
        if (s == null) {
            return "";
        }
        if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0 && s.indexOf('\r') < 0) {
            return s;
        }
        return '"' + s.replace("\"", "\"\"") + '"';
    }
}
