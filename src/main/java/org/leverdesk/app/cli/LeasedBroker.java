package org.leverdesk.app.cli;

import java.time.Clock;
import org.leverdesk.app.context.StoreOwner;
import org.leverdesk.app.context.TradingRuntime;
import org.leverdesk.broker.Broker;
import org.leverdesk.config.AppConfig;
import org.leverdesk.config.BrokerKind;
import org.leverdesk.config.BrokerSettings;
import org.leverdesk.config.ConfigFile;

/**
 * The broker a read-only command looks at: the running owner's (daemon or window), else the one the
 * config's broker settings name (read leniently: a listing must not need a valid strategy config). Either
 * the broker or the one-line reason it cannot be used.
 */
record LeasedBroker(Broker broker, String name, String problem) {
    static LeasedBroker of(StoreLease lease, ConfigFile file) {
        var runtime = lease.owner().flatMap(StoreOwner::trading).map(TradingRuntime::broker);
        if (runtime.isPresent()) {
            return new LeasedBroker(runtime.get(), runtime.get().name(), null);
        }
        BrokerSettings settings;
        try {
            settings = file.brokerOnly();
        } catch (RuntimeException e) {
            return new LeasedBroker(null, "unknown", CliErrors.oneLine(e));
        }
        try {
            Broker b = lease.app().broker(AppConfig.defaults().withBroker(settings), file.secrets(), Clock.systemUTC());
            return new LeasedBroker(b, b.name(), null);
        } catch (RuntimeException e) {
            return new LeasedBroker(null, expectedName(settings), CliErrors.oneLine(e));
        }
    }

    /** The name the broker of {@code settings} reports itself by (its position snapshots are kept under it). */
    static String expectedName(BrokerSettings settings) {
        if (settings.kind() == BrokerKind.PAPER) {
            return "paper";
        }
        return settings.alpacaEndpoint() == org.leverdesk.config.AlpacaEndpoint.LIVE ? "alpaca-live" : "alpaca-paper";
    }

    boolean available() {
        return broker != null;
    }
}
