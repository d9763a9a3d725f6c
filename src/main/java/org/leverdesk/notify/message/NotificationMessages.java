package org.leverdesk.notify.message;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import org.leverdesk.domain.Decision;
import org.leverdesk.domain.Explanation;
import org.leverdesk.domain.GateResult;
import org.leverdesk.domain.Target;
import org.leverdesk.notify.Notification;
import org.leverdesk.notify.NotificationKind;
import org.leverdesk.strategy.catalog.SignalLabels;

/**
 * Builds the text of every notification Leverdesk sends. Plain text, one fact per line, numbers
 * as a trader writes them ($1,234.50, +1.19%), times in New York time, so the same text reads
 * well in Telegram, Discord, an e-mail and a pop-up.
 */
public final class NotificationMessages {
    private NotificationMessages() {
    }

    /** A strategy run: its decision and the orders it placed (kind ORDERS when it placed any, else DECISION). */
    public static Notification run(RunReport run) {
        Decision decision = run.decision();
        Explanation why = decision.explanation();
        List<OrderLine> orders = run.orders();
        String headline;
        if (orders.size() == 1) {
            headline = describe(orders.get(0));
        } else if (!orders.isEmpty()) {
            headline = orders.size() + " orders";
        } else if (!run.denials().isEmpty()) {
            headline = "orders denied";
        } else {
            headline = decision.rebalance() ? "no orders needed" : "hold";
        }
        StringBuilder body = new StringBuilder();
        body.append("Run ").append(run.job()).append(" at ").append(Format.dateTimeEt(run.time()))
                .append(" for ").append(decision.date()).append('\n');
        body.append("Decision: ").append(decision.rebalance() ? "rebalance" : "hold");
        if (why.summary() != null && !why.summary().isBlank()) {
            body.append(" - ").append(why.summary());
        }
        body.append('\n');
        if (why.regime() != null) {
            body.append("Regime: ").append(why.regime()).append('\n');
        }
        if (!why.signals().isEmpty()) {
            StringJoiner signals = new StringJoiner(", ", "Signals: ", "\n");
            // in the words and units of the window and `leverdesk status`: "Slow SMA $412.35", not "smaSlow 412.3457"
            why.signals().forEach((name, value) -> signals.add(SignalLabels.label(name) + " " + SignalLabels.value(name, value)));
            body.append(signals);
        }
        List<GateResult> failed = why.gates().stream().filter(g -> !g.passed()).toList();
        if (!why.gates().isEmpty()) {
            body.append("Gates: ").append(why.gates().size() - failed.size()).append(" of ").append(why.gates().size())
                    .append(" passed").append('\n');
            failed.forEach(g -> body.append("  failed ").append(g.name()).append(": ").append(g.reason()).append('\n'));
        }
        if (decision.rebalance() && !decision.targets().isEmpty()) {
            StringJoiner targets = new StringJoiner(", ", "Targets: ", "\n");
            decision.targets().forEach(t -> targets.add(describe(t)));
            body.append(targets);
        }
        if (!orders.isEmpty()) {
            body.append("Orders:\n");
            orders.forEach(o -> body.append("  ").append(describe(o)).append(' ').append(terms(o))
                    .append(" [").append(o.clientOrderId()).append("]\n"));
        }
        if (!run.denials().isEmpty()) {
            body.append("Denied by risk:\n");
            run.denials().forEach(d -> body.append("  ").append(d).append('\n'));
        }
        return new Notification(orders.isEmpty() ? NotificationKind.DECISION : NotificationKind.ORDERS,
                decision.strategyId(), decision.strategyId() + ": " + headline, body.toString().stripTrailing(), run.time());
    }

    /** A fill: what traded, at what price, its value. */
    public static Notification fill(FillReport fill) {
        BigDecimal value = fill.quantity().multiply(fill.price());
        String title = "Filled: " + fill.side() + " " + Format.quantity(fill.quantity()) + " " + fill.symbol()
                + " @ " + Format.price(fill.price());
        String body = "Strategy " + (fill.strategyId() == null ? "none (manual)" : fill.strategyId()) + "\n"
                + "Value " + Format.money(value) + "\n"
                + "Time " + Format.dateTimeEt(fill.time()) + "\n"
                + "Order " + fill.clientOrderId();
        return new Notification(NotificationKind.FILL, fill.strategyId(), title, body, fill.time());
    }

    /** An error: what was being done and what went wrong. */
    public static Notification error(ErrorReport error) {
        String title = "Error" + (error.strategyId() == null ? "" : " in " + error.strategyId()) + ": " + error.activity();
        String body = error.message() + "\nAt " + Format.dateTimeEt(error.time());
        return new Notification(NotificationKind.ERROR, error.strategyId(), title, body, error.time());
    }

    /** A missed run: which job, when it should have run, why, and that it will not be made up. */
    public static Notification missedRun(MissedRun missed) {
        String title = "Missed run: " + missed.strategyId() + " " + missed.job() + " at " + Format.timeEt(missed.scheduledFor());
        String body = "Scheduled for " + Format.dateTimeEt(missed.scheduledFor()) + ", noticed at "
                + Format.dateTimeEt(missed.noticedAt()) + "\n"
                + "Reason: " + missed.reason() + "\n"
                + "It was not run late; check the positions before the next run.";
        return new Notification(NotificationKind.MISSED_RUN, missed.strategyId(), title, body, missed.noticedAt());
    }

    /** The kill switch was engaged or released. */
    public static Notification killSwitch(KillSwitchChange change) {
        String title = change.engaged() ? "Kill switch ENGAGED: trading stopped" : "Kill switch released: trading resumes";
        String body = (change.engaged() ? "Engaged" : "Released") + " by " + change.by() + " at "
                + Format.dateTimeEt(change.time()) + "\n"
                + "Reason: " + change.reason()
                + (change.engaged() ? "\nNo new orders are sent until it is released." : "");
        return new Notification(NotificationKind.KILL_SWITCH, null, title, body, change.time());
    }

    /** The end-of-day summary: equity, day and total P&L, positions, regimes. */
    public static Notification dailySummary(DailySummary summary) {
        BigDecimal day = summary.equity().subtract(summary.previousEquity());
        String dayText = Format.signedMoney(day) + " (" + Format.signedPercent(day, summary.previousEquity()) + ")";
        StringBuilder body = new StringBuilder();
        body.append("Equity ").append(Format.money(summary.equity())).append('\n');
        body.append("Day P&L ").append(dayText).append('\n');
        if (summary.startingEquity() != null) {
            BigDecimal total = summary.equity().subtract(summary.startingEquity());
            body.append("Total P&L ").append(Format.signedMoney(total)).append(" (")
                    .append(Format.signedPercent(total, summary.startingEquity())).append(") since ")
                    .append(Format.money(summary.startingEquity())).append('\n');
        }
        if (summary.cash() != null) {
            body.append("Cash ").append(Format.money(summary.cash())).append('\n');
        }
        if (summary.positions().isEmpty()) {
            body.append("Positions: none\n");
        } else {
            body.append("Positions:\n");
            summary.positions().stream().sorted(java.util.Comparator.comparing(PositionLine::symbol))
                    .forEach(p -> body.append("  ").append(p.symbol()).append(' ').append(Format.quantity(p.quantity()))
                            .append(" @ ").append(Format.price(p.lastPrice())).append(" = ")
                            .append(Format.money(p.marketValue())).append(" (")
                            .append(Format.signedMoney(p.unrealizedProfit())).append(")\n"));
        }
        if (!summary.regimes().isEmpty()) {
            body.append("Regime:\n");
            for (Map.Entry<String, String> e : summary.regimes().entrySet()) {
                body.append("  ").append(e.getKey()).append(": ").append(e.getValue() == null ? "n/a" : e.getValue()).append('\n');
            }
        }
        String title = "Daily summary " + summary.date() + ": equity " + Format.money(summary.equity()) + ", day " + dayText;
        return new Notification(NotificationKind.DAILY_SUMMARY, null, title, body.toString().stripTrailing(), summary.time());
    }

    private static String describe(OrderLine order) {
        return order.side() + " " + Format.quantity(order.quantity()) + " " + order.symbol();
    }

    /** "limit $61.25", "stop $55.00 limit $54.90", "market on open"... */
    private static String terms(OrderLine order) {
        return switch (order.type()) {
            case LIMIT -> "limit " + priceOrUnknown(order.limitPrice());
            case STOP -> "stop " + priceOrUnknown(order.stopPrice());
            case STOP_LIMIT -> "stop " + priceOrUnknown(order.stopPrice()) + " limit " + priceOrUnknown(order.limitPrice());
            default -> order.type().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
        };
    }

    private static String priceOrUnknown(BigDecimal price) {
        return price == null ? "?" : Format.price(price);
    }

    private static String describe(Target target) {
        return target.symbol() + " " + target.quantity() + (target.hasStop() ? " (stop " + Format.price(java.math.BigDecimal.valueOf(target.stopPrice())) + ")" : "");
    }
}
