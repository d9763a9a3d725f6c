package org.leverdesk.report;

import java.awt.Color;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.leverdesk.backtest.BacktestConfig;
import org.leverdesk.backtest.BacktestResult;
import org.leverdesk.backtest.EquityPoint;
import org.leverdesk.backtest.metrics.Metrics;
import org.leverdesk.domain.BarSeries;
import org.leverdesk.domain.Fill;
import org.leverdesk.domain.Side;
import org.leverdesk.report.PdfPage.Align;

/**
 * The PDF report of one backtest run (A4 landscape, vector charts via PDFBox): a summary page
 * with the run, its parameters and the metrics beside buy-and-hold; equity and drawdown charts;
 * the traded symbol's price with every entry and exit and the strategy's indicator pane; the
 * monthly returns; and the full trade list.
 */
public final class BacktestReport {
    private static final Color STRATEGY = new Color(0x15, 0x65, 0xC0);
    private static final Color BENCH = new Color(0x9E, 0x9E, 0x9E);
    private static final Color BUY = new Color(0x2E, 0x7D, 0x32);
    private static final Color SELL = new Color(0xC6, 0x28, 0x28);
    private static final Color PRICE = new Color(0x37, 0x47, 0x4F);
    private static final Color HEADER_BG = new Color(0xEC, 0xEF, 0xF1);
    private static final Color ZEBRA = new Color(0xF7, 0xF8, 0xF9);
    private static final int CANDLE_LIMIT = 260;
    /** About six months: few enough bars for readable candles and markers. */
    private static final int DETAIL_BARS = 126;
    private static final String[] MONTHS = {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};

    private final ReportInput in;
    private final BacktestResult r;
    private final LocalDate first;
    private final LocalDate last;
    private int pageNo;

    private BacktestReport(ReportInput in) {
        this.in = in;
        this.r = in.result();
        this.first = r.equity().get(0).date();
        this.last = r.equity().get(r.equity().size() - 1).date();
    }

    /** Writes the report to {@code file} completely or not at all (see {@link AtomicFiles}). */
    public static void write(ReportInput input, Path file) {
        AtomicFiles.write(file, out -> write(input, out));
    }

    /** Writes the report as PDF to {@code out} (not closed). */
    public static void write(ReportInput input, OutputStream out) throws IOException {
        try (PDDocument doc = new PDDocument()) {
            new BacktestReport(input).render(doc);
            doc.save(out);
        }
    }

    private void render(PDDocument doc) {
        PDDocumentInformation info = doc.getDocumentInformation();
        info.setTitle("Backtest: " + in.strategyName() + " on " + r.symbol() + ", " + first + " to " + last);
        info.setCreator("Leverdesk");
        summaryPage(doc);
        org.leverdesk.backtest.OptionResults options = org.leverdesk.backtest.OptionResults.of(r);
        if (options.any()) {
            try (PdfPage p = newPage(doc, OptionsPage.HEADING)) {
                OptionsPage.draw(p, options);
            }
        }
        equityPage(doc);
        pricePages(doc);
        monthlyPages(doc);
        tradePages(doc);
        if (in.monteCarlo() != null) {
            try (PdfPage p = newPage(doc, MonteCarloPage.HEADING)) {
                MonteCarloPage.draw(p, in.monteCarlo());
            }
        }
    }

    // ---------------------------------------------------------------- page furniture

    private PdfPage newPage(PDDocument doc, String heading) {
        PdfPage p = new PdfPage(doc);
        pageNo++;
        p.text(PdfPage.BOLD, 14, PdfPage.TEXT, PdfPage.MARGIN, PdfPage.MARGIN + 8, Align.LEFT, 520, heading);
        float room = PdfPage.WIDTH - 2 * PdfPage.MARGIN - Math.min(520, PdfPage.width(PdfPage.BOLD, 14, heading)) - 24;
        p.text(PdfPage.REGULAR, 8, PdfPage.MUTED, PdfPage.WIDTH - PdfPage.MARGIN, PdfPage.MARGIN + 8, Align.RIGHT, room,
                in.strategyName() + " on " + r.symbol() + ", " + first + " to " + last);
        p.line(PdfPage.RULE, 0.6f, PdfPage.MARGIN, PdfPage.MARGIN + 14, PdfPage.WIDTH - PdfPage.MARGIN, PdfPage.MARGIN + 14);
        p.text(PdfPage.REGULAR, 7, PdfPage.MUTED, PdfPage.WIDTH - PdfPage.MARGIN, PdfPage.HEIGHT - 18, Align.RIGHT, 100, "page " + pageNo);
        p.text(PdfPage.REGULAR, 7, PdfPage.MUTED, PdfPage.MARGIN, PdfPage.HEIGHT - 18, Align.LEFT, 600,
                "Leverdesk backtest report" + (in.runId() == null ? "" : " - run " + in.runId())
                        + (in.strategyVersion() == null ? "" : " - strategy " + in.strategyVersion()) + " - data: " + r.dataSource());
        return p;
    }

    // ---------------------------------------------------------------- page 1: summary

    private void summaryPage(PDDocument doc) {
        try (PdfPage p = newPage(doc, "Backtest report: " + in.strategyName() + " on " + r.symbol())) {
            BacktestConfig c = r.config();
            float x = PdfPage.MARGIN;
            float y = 78;
            List<String[]> run = new ArrayList<>();
            run.add(new String[] {"Strategy", in.strategyName() + " (id " + r.strategyId() + ")"});
            run.add(new String[] {"Strategy version", in.strategyVersion() == null ? "not recorded" : in.strategyVersion()});
            run.add(new String[] {"Run id", in.runId() == null ? "not saved" : Long.toString(in.runId())});
            run.add(new String[] {"Symbol", r.symbol()});
            run.add(new String[] {"Period", first + " to " + last + ", " + ReportFormats.whole(r.equity().size()) + " trading days"
                    + (first.equals(c.from()) && last.equals(c.to()) ? "" : " (asked " + c.from() + " to " + c.to() + ")")});
            run.add(new String[] {"Starting capital", ReportFormats.money(c.capital())});
            run.add(new String[] {"Benchmark", "buy and hold " + c.benchmarkSymbol() + " (total return, no costs)"});
            run.add(new String[] {"Costs", "commission " + ReportFormats.money(c.costs().commissionPerOrder()) + " per order + "
                    + ReportFormats.money(c.costs().commissionPerShare()) + " per share, slippage "
                    + ReportFormats.plain(c.costs().slippageBps()) + " bps"});
            run.add(new String[] {"Data source", r.dataSource()});
            y = keyValues(p, "Run", run, x, y, 380, 95);

            List<String[]> params = new ArrayList<>();
            new TreeMap<>(in.parameters()).forEach((k, v) -> params.add(new String[] {k, v}));
            if (params.isEmpty()) {
                params.add(new String[] {"(none given)", "every parameter at its default"});
            }
            // A mode run (several strategies on one account) lists its mode, assets, each strategy's share, parameters and part.
            boolean mode = r.strategyId().startsWith("mode:");
            y = keyValues(p, mode ? "Mode: assets, each strategy's share, parameters and result" : "Parameters (others at their defaults)",
                    params, x, y + 14, 380, mode ? 90 : 130);

            metricsTable(p, 440, 78, PdfPage.WIDTH - PdfPage.MARGIN - 440);

            String note = "Dividends are not credited to the strategy (prices are split-adjusted closes); the benchmark "
                    + "uses the total-return series, so the comparison favours the benchmark slightly.";
            p.text(PdfPage.REGULAR, 7.5f, PdfPage.MUTED, PdfPage.MARGIN, PdfPage.HEIGHT - 40, Align.LEFT, PdfPage.WIDTH - 2 * PdfPage.MARGIN, note);
        }
    }

    /** A titled two-column list; returns the y below it. Long lists stop with "... n more". */
    private float keyValues(PdfPage p, String title, List<String[]> rows, float x, float y, float width, float keyWidth) {
        p.text(PdfPage.BOLD, 10, PdfPage.TEXT, x, y, Align.LEFT, width, title);
        y += 14;
        int room = (int) ((PdfPage.HEIGHT - 60 - y) / 12);
        for (int i = 0; i < rows.size(); i++) {
            if (i == room - 1 && rows.size() > room) {
                p.text(PdfPage.REGULAR, 8, PdfPage.MUTED, x, y, Align.LEFT, width, "... " + (rows.size() - i) + " more");
                return y + 12;
            }
            p.text(PdfPage.REGULAR, 8, PdfPage.MUTED, x, y, Align.LEFT, keyWidth - 6, rows.get(i)[0]);
            p.text(PdfPage.REGULAR, 8, PdfPage.TEXT, x + keyWidth, y, Align.LEFT, width - keyWidth, rows.get(i)[1]);
            y += 12;
        }
        return y;
    }

    private void metricsTable(PdfPage p, float x, float y, float width) {
        Metrics s = r.metrics();
        Metrics b = r.benchmarkMetrics();
        p.text(PdfPage.BOLD, 10, PdfPage.TEXT, x, y, Align.LEFT, width, "Metrics");
        y += 8;
        float col1 = x + width * 0.44f;
        float col2 = x + width * 0.72f;
        float right = x + width;
        float rowH = 15;
        p.fillRect(HEADER_BG, x, y, width, rowH);
        p.text(PdfPage.BOLD, 8, PdfPage.TEXT, x + 4, y + 10.5f, Align.LEFT, col1 - x - 8, "metric");
        p.text(PdfPage.BOLD, 8, PdfPage.TEXT, col2 - 6, y + 10.5f, Align.RIGHT, col2 - col1 - 10, "strategy");
        p.text(PdfPage.BOLD, 8, PdfPage.TEXT, right - 4, y + 10.5f, Align.RIGHT, right - col2 - 8, "buy & hold " + r.config().benchmarkSymbol());
        y += rowH;
        List<MetricRow> rows = List.of(
                new MetricRow("Total return", m -> ReportFormats.pct(m.totalReturn())),
                new MetricRow("Annual return (CAGR)", m -> ReportFormats.pct(m.cagr())),
                new MetricRow("Annual volatility", m -> ReportFormats.pct(m.annualVolatility())),
                new MetricRow("Sharpe ratio", m -> ReportFormats.num(m.sharpe())),
                new MetricRow("Sortino ratio", m -> ReportFormats.num(m.sortino())),
                new MetricRow("Max drawdown", m -> ReportFormats.pct(m.maxDrawdown())),
                new MetricRow("Max drawdown peak", m -> ReportFormats.date(m.maxDrawdownPeak())),
                new MetricRow("Max drawdown trough", m -> ReportFormats.date(m.maxDrawdownTrough())),
                new MetricRow("Calmar ratio", m -> ReportFormats.num(m.calmar())),
                new MetricRow("Number of trades (fills)", m -> ReportFormats.whole(m.trades())),
                new MetricRow("Win rate", m -> ReportFormats.pct(m.winRate())),
                new MetricRow("Profit factor", m -> ReportFormats.num(m.profitFactor())),
                new MetricRow("Average win", m -> ReportFormats.money(m.avgWin())),
                new MetricRow("Average loss", m -> ReportFormats.money(m.avgLoss())),
                new MetricRow("Exposure", m -> ReportFormats.pct(m.exposure())),
                new MetricRow("Final equity", m -> ReportFormats.money(m.finalEquity())));
        for (int i = 0; i < rows.size(); i++) {
            MetricRow row = rows.get(i);
            if (i % 2 == 1) {
                p.fillRect(ZEBRA, x, y, width, rowH);
            }
            p.text(PdfPage.REGULAR, 8.5f, PdfPage.TEXT, x + 4, y + 10.5f, Align.LEFT, col1 - x - 8, row.name());
            p.text(PdfPage.REGULAR, 8.5f, PdfPage.TEXT, col2 - 6, y + 10.5f, Align.RIGHT, col2 - col1 - 10, row.value().apply(s));
            p.text(PdfPage.REGULAR, 8.5f, PdfPage.TEXT, right - 4, y + 10.5f, Align.RIGHT, right - col2 - 8,
                    b == null ? "-" : row.value().apply(b));
            y += rowH;
        }
        p.line(PdfPage.RULE, 0.6f, x, y, right, y);
        p.text(PdfPage.REGULAR, 7, PdfPage.MUTED, x, y + 11, Align.LEFT, width,
                "Win rate, profit factor and averages are over closed round trips (FIFO, net of commissions).");
    }

    private record MetricRow(String name, Function<Metrics, String> value) {
    }

    // ---------------------------------------------------------------- page 2: equity and drawdown

    private void equityPage(PDDocument doc) {
        try (PdfPage p = newPage(doc, "Equity and drawdown")) {
            List<EquityPoint> eq = r.equity();
            int n = eq.size();
            LocalDate[] dates = new LocalDate[n];
            double[] strat = new double[n];
            double[] bench = new double[n];
            boolean hasBench = r.benchmarkEquity() != null && r.benchmarkEquity().length == n;
            double min = Double.POSITIVE_INFINITY;
            double max = Double.NEGATIVE_INFINITY;
            for (int i = 0; i < n; i++) {
                dates[i] = eq.get(i).date();
                strat[i] = eq.get(i).equity();
                bench[i] = hasBench ? r.benchmarkEquity()[i] : Double.NaN;
                min = Math.min(min, strat[i]);
                max = Math.max(max, strat[i]);
                if (hasBench) {
                    min = Math.min(min, bench[i]);
                    max = Math.max(max, bench[i]);
                }
            }
            // a ten-fold range squeezes the early years on a linear axis; a log axis shows equal % moves equally
            boolean log = min > 0 && max / min > 8;
            float x = PdfPage.MARGIN;
            float w = PdfPage.WIDTH - 2 * PdfPage.MARGIN - 30;
            p.text(PdfPage.BOLD, 9, PdfPage.TEXT, x, 70, Align.LEFT, w,
                    "Equity at each close" + (log ? " (logarithmic scale)" : ""));
            ChartFrame ec = new ChartFrame(p, x, 76, w, 270, first, last, min, max, log);
            ec.axes(ReportBits::compactMoney, true);
            if (hasBench) {
                ec.line(dates, bench, BENCH, 0.8f);
            }
            ec.line(dates, strat, STRATEGY, 0.9f);
            ec.legend(hasBench ? List.of(in.strategyName(), "buy & hold " + r.config().benchmarkSymbol()) : List.of(in.strategyName()),
                    hasBench ? List.of(STRATEGY, BENCH) : List.of(STRATEGY));

            double[] dd = ReportBits.drawdowns(strat);
            double[] bdd = hasBench ? ReportBits.drawdowns(bench) : null;
            double ddMin = 0;
            for (int i = 0; i < n; i++) {
                ddMin = Math.min(ddMin, dd[i]);
                if (bdd != null) {
                    ddMin = Math.min(ddMin, bdd[i]);
                }
            }
            p.text(PdfPage.BOLD, 9, PdfPage.TEXT, x, 372, Align.LEFT, w, "Drawdown from the running peak");
            ChartFrame dc = new ChartFrame(p, x, 378, w, 150, first, last, Math.min(ddMin * 1.05, -0.01), 0, false);
            dc.axes(v -> ReportBits.pct0(v), true);
            if (bdd != null) {
                dc.line(dates, bdd, BENCH, 0.7f);
            }
            dc.line(dates, dd, STRATEGY, 0.8f);
            dc.legend(bdd != null ? List.of(in.strategyName(), "buy & hold " + r.config().benchmarkSymbol()) : List.of(in.strategyName()),
                    bdd != null ? List.of(STRATEGY, BENCH) : List.of(STRATEGY));
            Metrics m = r.metrics();
            p.text(PdfPage.REGULAR, 7.5f, PdfPage.MUTED, x + ChartFrame.LEFT_AXIS, 542, Align.LEFT, w,
                    "Strategy's deepest drawdown " + ReportFormats.pct(m.maxDrawdown()) + " from "
                            + ReportFormats.date(m.maxDrawdownPeak()) + " to " + ReportFormats.date(m.maxDrawdownTrough()) + ".");
        }
    }

    // ---------------------------------------------------------------- page 3: price with trades, indicator

    /** The whole run, then (when that is too long for candles) its last months in detail. */
    private void pricePages(PDDocument doc) {
        BarSeries all = in.prices();
        Optional<Indicators.Pane> pane = Indicators.forStrategy(r.strategyId(), r.symbol(), in.parameters(), all);
        BarSeries run = all.between(first, last);
        pricePage(doc, all, run, pane, "Price of " + r.symbol() + " with the trades");
        if (run.size() > CANDLE_LIMIT) {
            BarSeries recent = run.between(run.date(run.size() - DETAIL_BARS), last);
            pricePage(doc, all, recent, pane, "The last " + DETAIL_BARS + " trading days in detail");
        }
    }

    private void pricePage(PDDocument doc, BarSeries all, BarSeries bars, Optional<Indicators.Pane> pane, String heading) {
        try (PdfPage p = newPage(doc, heading)) {
            float x = PdfPage.MARGIN;
            float w = PdfPage.WIDTH - 2 * PdfPage.MARGIN - 46;   // room for the indicator levels' labels
            if (bars.isEmpty()) {
                p.text(PdfPage.REGULAR, 9, x, 80, "No bars of " + r.symbol() + " in the run's period.");
                return;
            }
            LocalDate from = bars.firstDate();
            LocalDate to = bars.lastDate();
            boolean candles = bars.size() <= CANDLE_LIMIT;
            // half a slot either side so the first and last candle are whole
            LocalDate axisFrom = candles ? from.minusDays(1) : from;
            LocalDate axisTo = candles ? to.plusDays(1) : to;
            float priceH = pane.isPresent() ? 300 : 440;
            double lo = Double.POSITIVE_INFINITY;
            double hi = Double.NEGATIVE_INFINITY;
            for (int i = 0; i < bars.size(); i++) {
                lo = Math.min(lo, bars.low(i));
                hi = Math.max(hi, bars.high(i));
            }
            boolean log = lo > 0 && hi / lo > 8;
            // room above and below the range for the markers: about 10 points of the plot's height each side
            double frac = 10.0 / (priceH - ChartFrame.BOTTOM_AXIS);
            double min;
            double max;
            if (log) {
                double span = Math.log10(hi / lo);
                min = lo / Math.pow(10, span * frac);
                max = hi * Math.pow(10, span * frac);
            } else {
                double span = Math.max(hi - lo, hi * 0.01);
                min = lo - span * frac;
                max = hi + span * frac;
            }
            p.text(PdfPage.BOLD, 9, PdfPage.TEXT, x, 70, Align.LEFT, w * 0.7f, (candles ? "Daily candles" : "Daily closes")
                    + " (split-adjusted" + (log ? ", logarithmic scale" : "") + ")");
            ChartFrame pc = new ChartFrame(p, x, 78, w, priceH, axisFrom, axisTo, min, max, log);
            pc.axes(ReportBits::axisNumber, pane.isEmpty());
            LocalDate[] dates = new LocalDate[bars.size()];
            double[] closes = new double[bars.size()];
            for (int i = 0; i < bars.size(); i++) {
                dates[i] = bars.date(i);
                closes[i] = bars.close(i);
            }
            if (candles) {
                drawCandles(p, pc, bars);
            } else {
                pc.line(dates, closes, PRICE, 0.6f);
            }
            int others = drawMarkers(p, pc, bars);
            legendMarkers(p, x + ChartFrame.LEFT_AXIS + (w - ChartFrame.LEFT_AXIS), 72);
            float below = 78 + priceH;
            if (others > 0) {
                p.text(PdfPage.REGULAR, 7, PdfPage.MUTED, x + w, below + 9, Align.RIGHT, w * 0.6f,
                        others + " fills in other symbols (the hedge) are not on this chart; see the trade list");
            }
            if (pane.isPresent()) {
                Indicators.Pane ind = pane.get();
                int offset = all.indexOf(bars.firstDate());
                double[] values = java.util.Arrays.copyOfRange(ind.values(), offset, offset + bars.size());
                float top = below + 22;
                p.text(PdfPage.BOLD, 9, PdfPage.TEXT, x, top, Align.LEFT, w, ind.name() + " of the closes (ta4j, Wilder smoothing)");
                ChartFrame ic = new ChartFrame(p, x, top + 6, w, PdfPage.HEIGHT - 40 - top - 6, axisFrom, axisTo, ind.min(), ind.max(), false);
                ic.axes(ReportBits::plain0, true);
                ic.line(dates, values, PRICE, bars.size() > 1000 ? 0.3f : 0.7f);
                for (Indicators.Level l : ind.levels()) {
                    ic.level(l.value(), l.color(), l.label());
                }
            }
        }
    }

    /** The buy and sell triangles' key, right-aligned at (right, y). */
    private static void legendMarkers(PdfPage p, float right, float y) {
        float sellW = PdfPage.width(PdfPage.REGULAR, 7.5f, "sell");
        float buyW = PdfPage.width(PdfPage.REGULAR, 7.5f, "buy (entry)");
        float xs = right - sellW;
        p.text(PdfPage.REGULAR, 7.5f, PdfPage.TEXT, xs, y, Align.LEFT, 40, "sell");
        p.triangle(SELL, xs - 7, y, 5, false);
        float xb = xs - 20 - buyW;
        p.text(PdfPage.REGULAR, 7.5f, PdfPage.TEXT, xb, y, Align.LEFT, 60, "buy (entry)");
        p.triangle(BUY, xb - 7, y - 5, 5, true);
    }

    private void drawCandles(PdfPage p, ChartFrame c, BarSeries bars) {
        float slot = c.pw / Math.max(bars.size(), 1);
        float body = Math.max(0.8f, Math.min(slot * 0.6f, 6));
        p.clip(c.px, c.py, c.pw, c.ph);
        for (int i = 0; i < bars.size(); i++) {
            float xx = c.x(bars.date(i));
            boolean up = bars.close(i) >= bars.open(i);
            Color col = up ? BUY : SELL;
            p.line(col, 0.5f, xx, c.y(bars.high(i)), xx, c.y(bars.low(i)));
            float top = c.y(Math.max(bars.open(i), bars.close(i)));
            float bottom = c.y(Math.min(bars.open(i), bars.close(i)));
            p.fillRect(col, xx - body / 2, top, body, Math.max(bottom - top, 0.5f));
        }
        p.unclip();
    }

    /** Buy triangles under the bar's low, sell triangles over its high; returns the number of fills in other symbols. */
    private int drawMarkers(PdfPage p, ChartFrame c, BarSeries bars) {
        int others = 0;
        float size = bars.size() > 1000 ? 4.5f : 6;
        for (Fill f : r.fills()) {
            if (!f.symbol().equalsIgnoreCase(r.symbol())) {
                others++;
                continue;
            }
            int i = bars.indexOf(f.date());
            if (i < 0) {
                continue;
            }
            float xx = c.x(f.date());
            if (f.side() == Side.BUY) {
                p.triangle(BUY, xx, c.y(bars.low(i)) + 1.5f, size, true);
            } else {
                p.triangle(SELL, xx, c.y(bars.high(i)) - 1.5f, size, false);
            }
        }
        return others;
    }

    // ---------------------------------------------------------------- monthly returns

    private void monthlyPages(PDDocument doc) {
        List<MonthlyReturns.Year> years = MonthlyReturns.of(r.equity());
        int perPage = 30;
        for (int start = 0; start < Math.max(years.size(), 1); start += perPage) {
            try (PdfPage p = newPage(doc, "Monthly returns (%)" + (start > 0 ? ", continued" : ""))) {
                float x = PdfPage.MARGIN;
                float y = 70;
                float yearW = 50;
                float totalW = 64;
                float monthW = (PdfPage.WIDTH - 2 * PdfPage.MARGIN - yearW - totalW) / 12;
                float rowH = 14.5f;
                p.fillRect(HEADER_BG, x, y, PdfPage.WIDTH - 2 * PdfPage.MARGIN, rowH);
                p.text(PdfPage.BOLD, 8, PdfPage.TEXT, x + 4, y + 10, Align.LEFT, yearW - 8, "Year");
                for (int mo = 0; mo < 12; mo++) {
                    p.text(PdfPage.BOLD, 8, PdfPage.TEXT, x + yearW + (mo + 1) * monthW - 5, y + 10, Align.RIGHT, monthW - 8, MONTHS[mo]);
                }
                p.text(PdfPage.BOLD, 8, PdfPage.TEXT, PdfPage.WIDTH - PdfPage.MARGIN - 5, y + 10, Align.RIGHT, totalW - 8, "Year total");
                y += rowH;
                for (int k = start; k < Math.min(years.size(), start + perPage); k++) {
                    MonthlyReturns.Year yr = years.get(k);
                    p.text(PdfPage.REGULAR, 8, PdfPage.TEXT, x + 4, y + 10, Align.LEFT, yearW - 8, Integer.toString(yr.year()));
                    for (int mo = 1; mo <= 12; mo++) {
                        double v = yr.month(mo);
                        float cx = x + yearW + (mo - 1) * monthW;
                        if (!Double.isNaN(v)) {
                            p.fillRect(ReportBits.tint(v), cx + 1, y + 1, monthW - 2, rowH - 2);
                        }
                        p.text(PdfPage.REGULAR, 8, PdfPage.TEXT, cx + monthW - 5, y + 10, Align.RIGHT, monthW - 8, ReportFormats.pct1(v));
                    }
                    float tx = PdfPage.WIDTH - PdfPage.MARGIN - totalW;
                    p.fillRect(ReportBits.tint(yr.total()), tx + 1, y + 1, totalW - 2, rowH - 2);
                    p.text(PdfPage.BOLD, 8, PdfPage.TEXT, tx + totalW - 5, y + 10, Align.RIGHT, totalW - 8, ReportFormats.pct1(yr.total()));
                    p.line(PdfPage.RULE, 0.3f, x, y + rowH, PdfPage.WIDTH - PdfPage.MARGIN, y + rowH);
                    y += rowH;
                }
                p.text(PdfPage.REGULAR, 7.5f, PdfPage.MUTED, x, y + 14, Align.LEFT, PdfPage.WIDTH - 2 * PdfPage.MARGIN,
                        "Month return = last equity of the month / last equity of the previous month - 1, in percent; the first"
                                + " month is measured from the first day's close. Blank: no trading day of the run in that month.");
            }
        }
    }

    // ---------------------------------------------------------------- trade list

    private void tradePages(PDDocument doc) {
        List<Fill> fills = r.fills();
        float top = 70;
        float lineH = 9.5f;
        float bottom = PdfPage.HEIGHT - 52;
        String[] head = {"#", "Date", "Side", "Symbol", "Quantity", "Price", "Value", "Commission", "Reason"};
        float x = PdfPage.MARGIN;
        // right edges of the numeric columns, left edges of the text ones
        float[] at = {x + 30, x + 38, x + 100, x + 136, x + 230, x + 300, x + 390, x + 460, x + 472};
        Align[] align = {Align.RIGHT, Align.LEFT, Align.LEFT, Align.LEFT, Align.RIGHT, Align.RIGHT, Align.RIGHT, Align.RIGHT, Align.LEFT};
        float[] max = {28, 60, 34, 50, 70, 66, 86, 66, PdfPage.WIDTH - PdfPage.MARGIN - at[8] - 2};
        // lay out first: a long reason wraps to a second line, so rows differ in height
        List<List<String>> reasons = new ArrayList<>();
        List<Integer> pageStarts = new ArrayList<>(List.of(0));
        float y = top + lineH + 4;
        for (int i = 0; i < fills.size(); i++) {
            List<String> lines = ReportBits.wrap(PdfPage.REGULAR, 8, fills.get(i).reason() == null ? "" : fills.get(i).reason(), max[8], 2);
            reasons.add(lines);
            float h = lines.size() * lineH + 4;
            if (y + h > bottom) {
                pageStarts.add(i);
                y = top + lineH + 4;
            }
            y += h;
        }
        int pages = pageStarts.size();
        for (int pg = 0; pg < pages; pg++) {
            int end = pg + 1 < pages ? pageStarts.get(pg + 1) : fills.size();
            try (PdfPage p = newPage(doc, "Trades (fills)" + (pages > 1 ? ", " + (pg + 1) + " of " + pages : ""))) {
                y = top;
                float headH = lineH + 4;
                p.fillRect(HEADER_BG, x, y, PdfPage.WIDTH - 2 * PdfPage.MARGIN, headH);
                for (int k = 0; k < head.length; k++) {
                    p.text(PdfPage.BOLD, 8, PdfPage.TEXT, at[k], y + 9.5f, align[k], max[k], head[k]);
                }
                y += headH;
                if (fills.isEmpty()) {
                    p.text(PdfPage.REGULAR, 8, x + 4, y + 9.5f, "The strategy made no trade in this period.");
                    y += headH;
                }
                for (int i = pageStarts.get(pg); i < end; i++) {
                    Fill f = fills.get(i);
                    List<String> lines = reasons.get(i);
                    float h = lines.size() * lineH + 4;
                    if (i % 2 == 1) {
                        p.fillRect(ZEBRA, x, y, PdfPage.WIDTH - 2 * PdfPage.MARGIN, h);
                    }
                    String[] cells = {Integer.toString(i + 1), f.date().toString(), f.side() == Side.BUY ? "Buy" : "Sell", f.symbol(),
                            ReportFormats.whole(f.quantity()), ReportFormats.price(f.price()), ReportFormats.money(f.quantity() * f.price()
                                    * org.leverdesk.options.contract.OptionSymbols.multiplier(f.symbol())),
                            ReportFormats.money(f.commission())};
                    for (int k = 0; k < cells.length; k++) {
                        Color col = k == 2 ? (f.side() == Side.BUY ? BUY : SELL) : PdfPage.TEXT;
                        p.text(PdfPage.REGULAR, 8, col, at[k], y + 9.5f, align[k], max[k], cells[k]);
                    }
                    for (int l = 0; l < lines.size(); l++) {
                        p.text(PdfPage.REGULAR, 8, PdfPage.TEXT, at[8], y + 9.5f + l * lineH, Align.LEFT, max[8], lines.get(l));
                    }
                    y += h;
                }
                if (pg == pages - 1) {
                    p.text(PdfPage.REGULAR, 7.5f, PdfPage.MUTED, x, y + 12, Align.LEFT, PdfPage.WIDTH - 2 * PdfPage.MARGIN,
                            fills.size() + " fills. Prices include slippage; value = quantity x price (x 100 for an option contract). Dividends are not credited to the strategy.");
                }
            }
        }
    }
}
