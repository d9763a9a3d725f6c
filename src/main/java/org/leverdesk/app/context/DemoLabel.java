package org.leverdesk.app.context;

import org.leverdesk.notify.Notification;
import org.leverdesk.notify.Notifier;

/**
 * Marks everything a runtime trading the simulated demo market tells people: each notification's title
 * starts with "DEMO" and its body with the reason, so a message about simulated trades is never read as
 * one about real money.
 */
final class DemoLabel {
    static final String TITLE = "DEMO ";
    static final String BODY = "DEMO - simulated prices on the paper account " + org.leverdesk.broker.paper.PaperBroker.DEMO_NAME
            + ": nothing here is a real market or real money.";

    private DemoLabel() {
    }

    /** {@code target} itself for real prices; for the demo market, one that labels every notification first. */
    static Notifier of(Notifier target, boolean simulated) {
        return simulated ? n -> target.send(label(n)) : target;
    }

    static Notification label(Notification n) {
        if (n.title().startsWith(TITLE)) {
            return n;
        }
        return new Notification(n.kind(), n.strategyId(), TITLE + n.title(), BODY + (n.body().isBlank() ? "" : "\n\n" + n.body()),
                n.time(), n.image());
    }
}
