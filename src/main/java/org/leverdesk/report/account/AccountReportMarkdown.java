package org.leverdesk.report.account;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** The report as Markdown (GitHub flavour: tables), the text kept in the reports folder and sent to the channels. */
public final class AccountReportMarkdown {
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private AccountReportMarkdown() {
    }

    /** The Markdown of {@code r}; {@code chartFile} (a PNG beside it) is linked when not null. */
    public static String of(AccountReport r, String chartFile) {
        StringBuilder sb = new StringBuilder();
        String title = r.kind() == AccountReport.Kind.DAILY ? "Daily report " + r.to() : "Weekly report " + r.from() + " to " + r.to();
        sb.append("# ").append(title).append("\n\n");
        sb.append("Broker ").append(r.broker()).append(", account ").append(r.accountId()).append(". Generated ")
                .append(TIME.format(r.generatedAt().atZone(NEW_YORK))).append(" New York time.\n\n");
        sb.append("## Account\n\n| | |\n|---|---:|\n");
        sb.append("| Equity | ").append(usd(r.equity())).append(" |\n");
        sb.append("| Cash | ").append(usd(r.cash())).append(" |\n");
        if (r.profit() != null) {
            sb.append("| P&L this ").append(r.kind() == AccountReport.Kind.DAILY ? "day" : "week").append(" | ").append(signedUsd(r.profit()))
                    .append(" (").append(percent(r.profit(), r.startEquity())).append(") |\n");
        } else {
            sb.append("| P&L this period | unknown (no equity recorded at its start) |\n");
        }
        sb.append("| Risk guard | ").append(r.guardState()).append(r.guardReason() == null || r.guardReason().isBlank() ? ""
                : ": " + r.guardReason().replace("|", "/")).append(" |\n\n");
        if (chartFile != null) {
            sb.append("![Equity at each close](").append(chartFile).append(")\n\n");
        }
        sb.append("## Positions by strategy\n\n");
        if (r.strategies().isEmpty()) {
            sb.append("No positions.\n\n");
        }
        for (AccountReport.StrategyLine s : r.strategies()) {
            sb.append("**").append(s.strategyId()).append("**: value ").append(usd(s.marketValue())).append(", unrealised P&L ")
                    .append(signedUsd(s.unrealizedProfit())).append("\n\n");
            sb.append("| Symbol | Shares | Average | Last | Value | Unrealised P&L |\n|---|---:|---:|---:|---:|---:|\n");
            for (AccountReport.PositionLine p : s.positions()) {
                sb.append("| ").append(p.symbol()).append(" | ").append(p.quantity().stripTrailingZeros().toPlainString()).append(" | ")
                        .append(usd(p.averagePrice())).append(" | ").append(usd(p.currentPrice())).append(" | ").append(usd(p.marketValue()))
                        .append(" | ").append(signedUsd(p.unrealizedProfit())).append(" |\n");
            }
            sb.append('\n');
        }
        sb.append("## Orders\n\n");
        if (r.orders().isEmpty()) {
            sb.append("No orders in the period.\n\n");
        } else {
            sb.append("| Time | Strategy | Order | Status | Client order id |\n|---|---|---|---|---|\n");
            for (AccountReport.OrderLine o : r.orders()) {
                sb.append("| ").append(TIME.format(o.at().atZone(NEW_YORK))).append(" | ").append(o.strategyId()).append(" | ")
                        .append(o.side()).append(' ').append(o.quantity().stripTrailingZeros().toPlainString()).append(' ').append(o.symbol())
                        .append(' ').append(o.type()).append(" | ").append(o.status()).append(" | `").append(o.clientOrderId()).append("` |\n");
            }
            sb.append('\n');
        }
        sb.append("## Decisions, fills and events\n\n");
        if (r.events().isEmpty()) {
            sb.append("Nothing journalled in the period.\n\n");
        }
        for (AccountReport.EventLine e : r.events()) {
            sb.append("- ").append(TIME.format(e.at().atZone(NEW_YORK))).append(" **").append(e.kind()).append("**")
                    .append(e.strategyId() == null ? "" : " " + e.strategyId()).append(": ").append(e.message().replace('\n', ' ')).append('\n');
        }
        if (!r.events().isEmpty()) {
            sb.append('\n');
        }
        sb.append("## Next runs\n\n");
        if (r.nextRuns().isEmpty()) {
            sb.append("No run scheduled (no strategy enabled).\n");
        }
        for (String n : r.nextRuns()) {
            sb.append("- ").append(n).append('\n');
        }
        return sb.toString();
    }

    static String usd(BigDecimal v) {
        return v == null ? "-" : String.format(Locale.ROOT, "$%,.2f", v);
    }

    static String signedUsd(BigDecimal v) {
        if (v == null) {
            return "-";
        }
        return (v.signum() < 0 ? "-" : "+") + String.format(Locale.ROOT, "$%,.2f", v.abs());
    }

    private static String percent(BigDecimal part, BigDecimal whole) {
        if (whole == null || whole.signum() == 0) {
            return "-";
        }
        // The sign follows the amount: a loss that rounds to 0.00% still reads "-0.00%".
        BigDecimal p = part.abs().multiply(BigDecimal.valueOf(100)).divide(whole.abs(), 2, RoundingMode.HALF_EVEN);
        return (part.signum() < 0 ? "-" : "+") + p.toPlainString() + "%";
    }
}
