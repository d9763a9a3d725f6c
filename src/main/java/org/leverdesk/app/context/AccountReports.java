package org.leverdesk.app.context;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.leverdesk.broker.Account;
import org.leverdesk.broker.Broker;
import org.leverdesk.broker.BrokerPosition;
import org.leverdesk.config.AppConfig;
import org.leverdesk.config.StrategySettings;
import org.leverdesk.market.calendar.NyseCalendar;
import org.leverdesk.report.AtomicFiles;
import org.leverdesk.report.account.AccountReport;
import org.leverdesk.report.account.AccountReportMarkdown;
import org.leverdesk.report.account.EquityChartPng;
import org.leverdesk.schedule.DayPlan;
import org.leverdesk.schedule.JobCalendar;
import org.leverdesk.schedule.ScheduledJob;
import org.leverdesk.store.JournalEntry;
import org.leverdesk.store.JournalQuery;
import org.leverdesk.store.StoredOrder;

/**
 * Daily and weekly account reports (Markdown, with a small equity chart PNG beside it) built from the
 * broker (account, positions), the store (orders, journal, the risk guard, the equity of each daily
 * summary) and the schedule; written under {@code <data dir>/reports/}.
 */
public final class AccountReports {
    /** The equity in a daily summary's journal details (TradingRuntime reads it too). */
    static final Pattern EQUITY = Pattern.compile("\"equity\"\\s*:\\s*\"(-?[0-9.]+)\"");
    private static final Pattern DATE = Pattern.compile("\"date\"\\s*:\\s*\"([0-9-]{10})\"");

    private final AppContext app;
    private final AppConfig config;
    private final Broker broker;

    public AccountReports(AppContext app, AppConfig config, Broker broker) {
        this.app = app;
        this.config = config;
        this.broker = broker;
    }

    /** The written report: its Markdown text and where it and its chart (null without one) were written. */
    public record Written(String markdown, Path file, Path chart) {
    }

    /** The report of the day {@code day} or of its week (Monday to {@code day}), as of {@code now}. */
    public AccountReport build(AccountReport.Kind kind, LocalDate day, Instant now) {
        LocalDate from = kind == AccountReport.Kind.DAILY ? day : day.with(DayOfWeek.MONDAY);
        Instant start = from.atStartOfDay(NyseCalendar.ZONE).toInstant();
        Instant end = day.plusDays(1).atStartOfDay(NyseCalendar.ZONE).toInstant();
        Account account = broker.account();
        List<AccountReport.EquityPoint> curve = equityCurve(day);
        BigDecimal startEquity = curve.stream().filter(p -> p.date().isBefore(from)).reduce((a, b) -> b)
                .map(AccountReport.EquityPoint::equity).orElse(kind == AccountReport.Kind.DAILY ? account.lastEquity() : null);
        List<AccountReport.EquityPoint> chart = new ArrayList<>(curve.stream().filter(p -> !p.date().equals(day)).toList());
        chart.add(new AccountReport.EquityPoint(day, account.equity()));
        var state = app.tradingState().load();
        return new AccountReport(kind, from, day, now, broker.name(), account.accountId(), account.equity(), startEquity, account.cash(),
                strategies(broker.positions()), orders(start, end), events(start, end), state.map(s -> s.state()).orElse("ACTIVE"),
                state.map(s -> s.reason()).orElse(null), nextRuns(day, now), chart);
    }

    /** Builds the report and writes {@code daily-<day>.md} or {@code weekly-<day>.md} (and its chart) in the reports folder. */
    public Written write(AccountReport.Kind kind, LocalDate day, Instant now) {
        AccountReport report = build(kind, day, now);
        Path dir = app.dataDirectory().resolve("reports");
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new IllegalStateException("cannot create the reports folder " + dir + ": " + e.getMessage(), e);
        }
        String base = (kind == AccountReport.Kind.DAILY ? "daily-" : "weekly-") + day;
        byte[] png = EquityChartPng.of(report.equityCurve(), 640, 240);
        Path chart = png == null ? null : dir.resolve(base + ".png");
        if (chart != null) {
            AtomicFiles.write(chart, out -> out.write(png));
        }
        String markdown = AccountReportMarkdown.of(report, chart == null ? null : chart.getFileName().toString());
        Path file = dir.resolve(base + ".md");
        AtomicFiles.write(file, out -> out.write(markdown.getBytes(StandardCharsets.UTF_8)));
        return new Written(markdown, file, chart);
    }

    private List<AccountReport.StrategyLine> strategies(List<BrokerPosition> positions) {
        Map<String, String> owner = new LinkedHashMap<>();
        for (StrategySettings s : config.enabledStrategies()) {
            Set<String> traded = LiveStrategies.strategy(s).tradedSymbols();
            traded.forEach(sym -> owner.putIfAbsent(sym, s.strategyId()));
        }
        Map<String, List<AccountReport.PositionLine>> grouped = new LinkedHashMap<>();
        for (BrokerPosition p : positions) {
            String id = owner.getOrDefault(p.symbol(), "not a strategy's (held outside Leverdesk's strategies)");
            grouped.computeIfAbsent(id, k -> new ArrayList<>()).add(new AccountReport.PositionLine(p.symbol(), p.quantity(),
                    p.averageEntryPrice(), p.currentPrice(), p.marketValue(), p.unrealizedProfit()));
        }
        List<AccountReport.StrategyLine> out = new ArrayList<>();
        grouped.forEach((id, lines) -> out.add(new AccountReport.StrategyLine(id, lines)));
        return out;
    }

    private List<AccountReport.OrderLine> orders(Instant start, Instant end) {
        List<AccountReport.OrderLine> out = new ArrayList<>();
        for (StoredOrder o : app.orderQueries().recent(2000)) {
            if (o.createdAt().isBefore(start) || !o.createdAt().isBefore(end)) {
                continue;
            }
            var i = o.intent();
            out.add(new AccountReport.OrderLine(o.createdAt(), i.strategyId(), i.side().name(), i.quantity(), i.symbol(), i.type().name(),
                    o.status().name(), i.clientOrderId()));
        }
        out.sort(java.util.Comparator.comparing(AccountReport.OrderLine::at));
        return out;
    }

    private List<AccountReport.EventLine> events(Instant start, Instant end) {
        List<AccountReport.EventLine> out = new ArrayList<>();
        for (JournalEntry e : app.journal().find(new JournalQuery(null, null, start, end, null, null, 500))) {
            // Deliveries of notifications and the summaries themselves are bookkeeping, not the trader's news.
            if (e.kind().equals(TradingRuntime.SUMMARY_KIND) || e.kind().equals("notification") || e.kind().equals("report")) {
                continue;
            }
            out.add(new AccountReport.EventLine(e.at(), e.kind(), e.strategyId(), e.message()));
        }
        Collections.reverse(out);
        return out;
    }

    /** The equity of every daily summary up to {@code day} (the last 260), oldest first. */
    private List<AccountReport.EquityPoint> equityCurve(LocalDate day) {
        Map<LocalDate, BigDecimal> byDay = new java.util.TreeMap<>();
        for (JournalEntry e : app.journal().find(new JournalQuery(null, TradingRuntime.SUMMARY_KIND, null, null, null, null, 260))) {
            String json = e.detailsJson() == null ? "" : e.detailsJson();
            Matcher d = DATE.matcher(json);
            Matcher q = EQUITY.matcher(json);
            if (d.find() && q.find()) {
                LocalDate date = LocalDate.parse(d.group(1));
                if (!date.isAfter(day)) {
                    byDay.putIfAbsent(date, new BigDecimal(q.group(1)));
                }
            }
        }
        List<AccountReport.EquityPoint> out = new ArrayList<>();
        byDay.forEach((d, v) -> out.add(new AccountReport.EquityPoint(d, v)));
        return out;
    }

    /** The scheduled runs of the next trading day after {@code day} (and of {@code day} still to come at {@code now}). */
    private List<String> nextRuns(LocalDate day, Instant now) {
        JobCalendar jobs = new JobCalendar(app.calendar());
        List<String> out = new ArrayList<>();
        LocalDate next = app.calendar().isTradingDay(day) ? day : app.calendar().nextTradingDay(day);
        for (int k = 0; k < 2 && out.isEmpty(); k++) {
            for (ScheduledJob j : DayPlan.of(next, TradingRuntime.jobsOf(config), jobs).jobs()) {
                if (j.at().toInstant().isAfter(now)) {
                    out.add(j.at().toLocalDate() + " " + j.at().toLocalTime() + " " + j.definition().strategyId() + " " + j.name());
                }
            }
            next = app.calendar().nextTradingDay(next);
        }
        return out;
    }
}
