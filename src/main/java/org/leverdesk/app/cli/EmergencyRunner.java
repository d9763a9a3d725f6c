package org.leverdesk.app.cli;

import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.util.function.Function;
import org.leverdesk.app.context.AppContext;
import org.leverdesk.app.context.Brokers;
import org.leverdesk.app.context.StoreOwner;
import org.leverdesk.broker.Broker;
import org.leverdesk.config.AppConfig;
import org.leverdesk.config.BrokerKind;
import org.leverdesk.config.BrokerSettings;
import org.leverdesk.config.ConfigFile;
import org.leverdesk.config.Secrets;
import org.leverdesk.emergency.EmergencyExit;
import org.leverdesk.emergency.EmergencyRecord;
import org.leverdesk.emergency.EmergencyReport;
import org.leverdesk.emergency.EmergencyScope;
import org.leverdesk.notify.NotificationDispatcher;
import org.leverdesk.notify.NotifyOptions;
import org.leverdesk.store.StoreLockedException;

/**
 * Runs the emergency exit for {@code close-all} and {@code force-exit}, whatever state the settings are
 * in: inside the process that owns the store it uses that process's broker and runtime (which halts its
 * scheduler); otherwise it needs only the broker settings (from {@code --broker}, or read leniently from
 * the config: a broken strategy, risk or notification setting does not matter here) and the secrets
 * (a secrets file others can read is used with a warning). When the store is held by a process that
 * does not answer, an Alpaca account is still closed, and the report says the halt was not recorded.
 */
final class EmergencyRunner {
    private static final Duration NOTIFY_WAIT = Duration.ofSeconds(10);

    private EmergencyRunner() {
    }

    /**
     * Runs the exit of the scope {@code scopeOf} gives for the config, prints the report and returns the
     * exit code (0 when everything worked, 1 when anything failed).
     */
    static int run(StoreOptions store, ConfigOptions config, BrokerSettings brokerOverride, String by, String reason,
                   Function<ConfigFile, EmergencyScope> scopeOf, PrintWriter out, PrintWriter err) {
        ConfigFile file = config.file();
        EmergencyScope scope = scopeOf.apply(file);
        EmergencyReport report;
        var owner = StoreOwner.of(store.folder());
        if (owner.isPresent()) {
            if (brokerOverride != null) {
                err.println("note: --broker is ignored: " + owner.get().description() + " owns this store and closes its own"
                        + " account");
            }
            report = owner.get().emergency().run(scope, by, reason);
            print(out, report, owner.get().app().marketData().isSimulated());
            return report.ok() ? 0 : 1;
        }
        BrokerSettings broker = brokerOverride != null ? brokerOverride : file.brokerOnly();
        Secrets secrets = config.secrets().tolerant();
        Clock clock = Clock.systemUTC();
        try (NotificationDispatcher notifications = notifications(file, secrets, clock, err)) {
            try (StoreLease lease = StoreLease.open(store.dataDir, store.create, store.pricesDir, 0, true)) {
                AppContext app = lease.app();
                Broker b = app.broker(AppConfig.defaults().withBroker(broker), secrets, clock);
                secrets.warnings().forEach(w -> err.println("warning: " + w));
                EmergencyExit exit = new EmergencyExit(b, app.emergencyRecord(clock), notifications, clock);
                report = exit.run(scope, by, reason);
                print(out, report, app.marketData().isSimulated() && broker.kind() == BrokerKind.PAPER);
            } catch (StoreLockedException e) {
                if (broker.kind() == BrokerKind.PAPER) {
                    throw new IllegalStateException(e.getMessage() + "; the paper account lives in that store, so only the"
                            + " process holding it can close it: stop that process (it did not answer the control channel),"
                            + " then run close-all again");
                }
                Broker b = Brokers.withoutStore(broker, secrets);
                secrets.warnings().forEach(w -> err.println("warning: " + w));
                EmergencyExit exit = new EmergencyExit(b, EmergencyRecord.unavailable(e.getMessage()
                        + " and its owner did not answer"), notifications, clock);
                report = exit.run(scope, by, reason);
                print(out, report, false);
            }
            if (notifications != null) {
                try {
                    notifications.awaitIdle(NOTIFY_WAIT);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }
        return report.ok() ? 0 : 1;
    }

    /** The notification channels of the config, or null (with a note) when the config cannot give them. */
    private static NotificationDispatcher notifications(ConfigFile file, Secrets secrets, Clock clock, PrintWriter err) {
        try {
            AppConfig cfg = file.read();
            return NotificationDispatcher.fromConfig(cfg.notifications(), secrets, NotifyOptions.defaults(), null, null, clock);
        } catch (RuntimeException e) {
            err.println("note: nobody is notified of this exit: the notification settings cannot be read ("
                    + CliErrors.oneLine(e) + ")");
            return null;
        }
    }

    static void print(PrintWriter out, EmergencyReport report, boolean demo) {
        out.println((demo ? "DEMO " : "") + report.summary());
        report.lines().forEach(l -> out.println("  " + l));
        out.flush();
    }
}
