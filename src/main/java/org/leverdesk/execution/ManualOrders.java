package org.leverdesk.execution;

/**
 * The order ticket's port: preview a typed order, then send it through the same checks as a
 * strategy's orders (quote guard, risk gate, intent stored before the broker call, a deterministic
 * client order id). Both calls block (broker and store): call them off the UI thread.
 */
public interface ManualOrders {
    /** The preview of {@code ticket}; never throws for a bad ticket (its problems say what is wrong). */
    TicketPreview preview(ManualTicket ticket);

    /** Sends {@code ticket} when its preview has no problem; otherwise sends nothing and says why. */
    ManualOrderResult submit(ManualTicket ticket);

    /** True when orders go to a live (real money) account: the ticket asks for a confirmation. */
    boolean live();

    /** The broker's name for the ticket's heading. */
    String brokerName();
}
