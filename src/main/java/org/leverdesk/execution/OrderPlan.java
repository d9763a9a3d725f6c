package org.leverdesk.execution;

import java.util.List;

/** The planner's output: orders to send (sells first) and, for each target not traded, why not. */
public record OrderPlan(List<PlannedOrder> orders, List<String> skipped) {
    /** Nothing to send. */
    public static final OrderPlan EMPTY = new OrderPlan(List.of(), List.of());

    public OrderPlan {
        orders = List.copyOf(orders);
        skipped = List.copyOf(skipped);
    }
}
