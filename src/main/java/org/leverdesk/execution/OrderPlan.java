package org.leverdesk.execution;

import java.util.List;

/**
 * The planner's output: orders to send (sells first), the multi-leg option orders (each sent as one unit,
 * after the single orders) and, for each target not traded, why not.
 */
public record OrderPlan(List<PlannedOrder> orders, List<String> skipped, List<ComboOrder> combos) {
    /** Nothing to send. */
    public static final OrderPlan EMPTY = new OrderPlan(List.of(), List.of());

    public OrderPlan {
        orders = List.copyOf(orders);
        skipped = List.copyOf(skipped);
        combos = combos == null ? List.of() : List.copyOf(combos);
    }

    /** A plan without multi-leg orders. */
    public OrderPlan(List<PlannedOrder> orders, List<String> skipped) {
        this(orders, skipped, List.of());
    }
}
