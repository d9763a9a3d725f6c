package org.leverdesk.app.context;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.leverdesk.execution.OrderOutcome;
import org.leverdesk.execution.PlannedOrder;
import org.leverdesk.execution.RunResult;
import org.leverdesk.notify.Notification;
import org.leverdesk.notify.message.ErrorReport;
import org.leverdesk.notify.message.NotificationMessages;
import org.leverdesk.notify.message.OrderLine;
import org.leverdesk.notify.message.RunReport;

/** Turns one scheduled run's {@link RunResult} into its notifications and its one-line summary. */
final class RunReports {
    /** Outcomes that mean the order is at the broker now. */
    private static final Set<OrderOutcome.Kind> PLACED = Set.of(OrderOutcome.Kind.SENT, OrderOutcome.Kind.ADOPTED,
            OrderOutcome.Kind.RECOVERED);
    /** Outcomes someone should look at. */
    private static final Set<OrderOutcome.Kind> TROUBLE = Set.of(OrderOutcome.Kind.REJECTED, OrderOutcome.Kind.UNKNOWN);

    private RunReports() {
    }

    /** The run's decision and the orders it placed (kind ORDERS when it placed any, else DECISION). */
    static Notification run(String job, Instant time, RunResult result) {
        List<OrderLine> orders = new ArrayList<>();
        List<String> denials = new ArrayList<>(result.blockedQuotes());
        for (OrderOutcome o : result.outcomes()) {
            PlannedOrder p = o.order();
            if (PLACED.contains(o.kind())) {
                orders.add(new OrderLine(p.clientOrderId(), p.symbol(), p.side(), BigDecimal.valueOf(p.quantity()), p.type(),
                        p.limitPrice(), null));
            } else if (o.kind() == OrderOutcome.Kind.DENIED) {
                denials.add(p.text() + ": " + o.detail());
            }
        }
        return NotificationMessages.run(new RunReport(job, time, result.decision(), orders, denials));
    }

    /** An error notification for orders the broker rejected or whose outcome is unknown, if there were any. */
    static Optional<Notification> trouble(Instant time, RunResult result) {
        List<String> lines = result.outcomes().stream().filter(o -> TROUBLE.contains(o.kind()))
                .map(o -> o.order().text() + " " + o.kind() + ": " + o.detail()).toList();
        if (lines.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(NotificationMessages.error(new ErrorReport(result.strategyId(), "sending the day's orders",
                String.join("\n", lines), time)));
    }

    /** "regime BULL ...: 1 order placed (buy 40 TQQQ MARKET DAY)" for the run log and the journal. */
    static String summary(RunResult result) {
        List<String> placed = result.outcomes().stream().filter(o -> PLACED.contains(o.kind()))
                .map(o -> o.order().text()).toList();
        long other = result.outcomes().size() - placed.size();
        String decision = result.decision().explanation().summary();
        String text = (decision == null || decision.isBlank() ? (result.decision().rebalance() ? "rebalance" : "hold") : decision)
                + ": " + (placed.isEmpty() ? "no orders placed" : placed.size() + " order(s) placed (" + String.join(", ", placed) + ")")
                + (other > 0 ? ", " + other + " not placed" : "");
        return text.replace('\n', ' ');
    }
}
