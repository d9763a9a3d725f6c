package org.leverdesk.app.context;

import org.leverdesk.broker.Broker;

/** Puts a test broker behind {@link AppContext#broker()} (the package-visible hook) and takes it away. */
public final class TestBrokers {
    private TestBrokers() {
    }

    public static void use(Broker broker) {
        AppContext.brokerFactory = app -> broker;
    }

    public static void reset() {
        AppContext.brokerFactory = null;
    }
}
