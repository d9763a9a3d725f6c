package org.leverdesk.notify.message;

import java.time.Instant;
import java.util.List;
import org.leverdesk.domain.Decision;

/**
 * One strategy run for a message: the job that ran ({@code "close"}, {@code "exit-check"}...),
 * when, the strategy's decision, the orders placed and the risk gate's denials (one line each).
 */
public record RunReport(String job, Instant time, Decision decision, List<OrderLine> orders, List<String> denials) {
    public RunReport {
        orders = orders == null ? List.of() : List.copyOf(orders);
        denials = denials == null ? List.of() : List.copyOf(denials);
    }
}
