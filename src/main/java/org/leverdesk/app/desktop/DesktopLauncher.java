package org.leverdesk.app.desktop;

import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.leverdesk.app.context.AppContext;
import org.leverdesk.config.ConfigFile;
import org.leverdesk.config.Secrets;
import org.leverdesk.ui.AppServices;
import java.time.Clock;
import java.util.concurrent.atomic.AtomicReference;
import org.leverdesk.app.context.StoreDataUpdater;
import org.leverdesk.app.context.TradingRuntime;
import org.leverdesk.config.AppConfig;
import org.leverdesk.execution.ReconciliationReport;
import org.leverdesk.schedule.SchedulerClock;
import org.leverdesk.ui.common.PopupNotifications;
import org.slf4j.LoggerFactory;
import org.leverdesk.ui.journal.JournalSource;
import org.leverdesk.app.context.StoreOwner;
import org.leverdesk.app.control.ControlServer;
import org.leverdesk.schedule.SchedulerLock;
import org.leverdesk.store.StoreLockedException;

/**
 * Opens the JavaFX window over an {@link AppContext}. The context (and so the store lock) is opened
 * on its own thread while JavaFX starts, and the window waits for it; a failure such as a store
 * already in use is shown to the user in a dialog rather than only on a console they may not see.
 * It is closed on exit.
 */
public final class DesktopLauncher {
    private DesktopLauncher() {
    }

    /**
     * What the window runs on: the context, the user's settings, the trading runtime with its first
     * reconciliation, and its ownership of the store (other commands reach it over the control channel).
     */
    private record Desktop(AppContext app, AppConfig config, Secrets secrets, TradingRuntime runtime,
                           AtomicReference<ReconciliationReport> atStart, String tradingProblem, AutoCloseable ownership,
                           ControlServer control, AutoCloseable chat) {
        /** Stops serving other commands, then trading, then closes the store. */
        void close() {
            closeQuietly(chat);
            closeQuietly(control);
            closeQuietly(ownership);
            if (runtime != null) {
                runtime.close();
            }
            app.close();
        }
    }

    private static void closeQuietly(AutoCloseable c) {
        if (c != null) {
            try {
                c.close();
            } catch (Exception e) {
                LoggerFactory.getLogger(DesktopLauncher.class).warn("closing {} failed: {}", c, e.getMessage());
            }
        }
    }

    /**
     * Runs the desktop app until its window closes; returns the process exit code. While it runs it owns the
     * store and serves other commands ({@code leverdesk status}, {@code close-all}, ...) with {@code control}.
     */
    public static int launch(Path dataDir, Path pricesDir, ControlServer.Handler control) {
        return launch(dataDir, pricesDir, control, (dir, config, secrets) -> () -> { });
    }

    /** Starts the chat-command listeners the config switches on, in the process that owns the store. */
    @FunctionalInterface
    public interface ChatStarter {
        AutoCloseable start(Path dataDir, AppConfig config, Secrets secrets);
    }

    /** {@link #launch(Path, Path, ControlServer.Handler)} with chat commands started by {@code chat}. */
    public static int launch(Path dataDir, Path pricesDir, ControlServer.Handler control, ChatStarter chat) {
        DesktopMemory.tune();
        // Opening H2 and running Flyway takes ~0.5 s of a cold start; JavaFX's toolkit start-up takes
        // about as long and needs none of it, so the two run side by side.
        CompletableFuture<Desktop> opening = CompletableFuture.supplyAsync(() -> open(dataDir, pricesDir, control, chat),
                work -> {
                    Thread t = new Thread(work, "leverdesk-store-open");
                    t.setDaemon(true);
                    t.start();
                });
        LeverdeskApp.services(() -> {
            Desktop d = await(opening);
            AppServices services = services(d.app(), ConfigFile.inDefaultDirectory(), d.secrets(), d.config(), d.runtime());
            if (d.runtime() == null) {
                // Research still works; say once, after the window is up, why there is no trading.
                javafx.application.Platform.runLater(() -> {
                    javafx.scene.control.Alert alert = new javafx.scene.control.Alert(javafx.scene.control.Alert.AlertType.WARNING,
                            d.tradingProblem());
                    alert.setHeaderText("Trading is off: the broker could not be started");
                    alert.setTitle("Leverdesk");
                    alert.show();
                });
                return services;
            }
            services = services.withTrading(RuntimeBindings.trading(d.app(), d.config(), d.runtime(), d.atStart()::get,
                    Clock.systemDefaultZone()));
            services = services.withSettings(new AppServices.Settings(services.configFile(), services.secrets(),
                    RuntimeBindings.notificationTest(d.runtime()), services.alpacaKeyCheck(), services.historyFetch(),
                    services.dataUpdater()));
            d.runtime().start();
            reconcileInBackground(d);
            return services;
        });
        try {
            javafx.application.Application.launch(LeverdeskApp.class);
        } finally {
            try {
                opening.join().close();
            } catch (CompletionException e) {
                // it never opened: nothing to close (the window has reported why)
            }
        }
        return LeverdeskApp.exitCode();
    }

    /**
     * Opens the store, reads the settings (the defaults before the first-run dialog has written them),
     * starts the trading runtime (broker, scheduler, notifications) and reconciles with the broker once.
     */
    private static Desktop open(Path dataDir, Path pricesDir, ControlServer.Handler handler, ChatStarter chatStarter) {
        long from = System.nanoTime();
        AppContext app;
        try {
            app = AppContext.open(dataDir, pricesDir, 0, true);
        } catch (StoreLockedException e) {
            Path dir = dataDir != null ? dataDir : org.leverdesk.store.DataDirectory.resolveDefault();
            throw SchedulerLock.heldBy(dir).<RuntimeException>map(holder -> new IllegalStateException("another Leverdesk process ("
                    + holder + ") runs on the store in " + dir + "; stop it to open the window here, or reach it from a"
                    + " terminal: 'leverdesk status', 'leverdesk orders', 'leverdesk close-all'", e)).orElse(e);
        }
        LoggerFactory.getLogger(DesktopLauncher.class).info("store opened and migrated in {} ms, beside JavaFX's start-up",
                (System.nanoTime() - from) / 1_000_000);
        try {
            ConfigFile file = ConfigFile.inDefaultDirectory();
            Secrets secrets = file.secrets().registerForMasking();
            AppConfig config;
            TradingRuntime runtime = null;
            String problem = null;
            try {
                config = file.load();
            } catch (org.leverdesk.config.ConfigException e) {
                // The window still opens, for research and for Settings, which shows the file's problems to fix.
                config = asWritten(file);
                problem = e.getMessage();
            }
            if (problem == null && app.marketData().isSimulated() && config.broker().kind() == org.leverdesk.config.BrokerKind.ALPACA) {
                problem = "the prices are the simulated DEMO market, but the broker is Alpaca: no order goes to a real account"
                        + " on simulated prices; import real prices in the Data view, then restart";
            }
            if (problem == null) {
                try {
                    runtime = TradingRuntime.open(app, config, secrets, SchedulerClock.system(), new PopupNotifications(), null);
                } catch (RuntimeException e) {
                    // e.g. Alpaca chosen but its keys are not set: the window opens for research, without trading.
                    problem = e.getMessage();
                }
            }
            if (problem != null) {
                LoggerFactory.getLogger(DesktopLauncher.class).warn("trading is off: {}", problem);
            }
            AutoCloseable ownership = StoreOwner.register(new StoreOwner(app.dataDirectory(), "window", app, file, runtime,
                    problem));
            ControlServer control = null;
            try {
                control = ControlServer.start(app.dataDirectory(), handler);
            } catch (java.io.IOException e) {
                LoggerFactory.getLogger(DesktopLauncher.class).error("the control channel could not start ({}); commands like"
                        + " 'leverdesk status' cannot reach this window", e.getMessage());
            }
            AutoCloseable started = null;
            try {
                started = chatStarter.start(app.dataDirectory(), config, secrets);
            } catch (RuntimeException e) {
                LoggerFactory.getLogger(DesktopLauncher.class).error("chat commands are off: {}", e.getMessage());
            }
            // Refused control-lock attempts (wrong passphrase, slow-down) go to this store's journal.
            AutoCloseable lockAudit = org.leverdesk.config.ControlLock.journalRefusals(
                    org.leverdesk.config.ControlLock.besideConfig(file.path()).file(),
                    line -> app.journal().append("control-lock", null, line, null));
            AutoCloseable chatListeners = started;
            AutoCloseable chat = () -> {
                closeQuietly(chatListeners);
                closeQuietly(lockAudit);
            };
            return new Desktop(app, config, secrets, runtime, runtime == null ? null : new AtomicReference<>(), problem,
                    ownership, control, chat);
        } catch (RuntimeException e) {
            app.close();
            throw e;
        }
    }

    /**
     * Reconciles with the broker once at start, off the window's start-up: an unreachable broker
     * (retries and timeouts take up to a minute) must not hold up the first frame.
     */
    private static void reconcileInBackground(Desktop d) {
        Thread t = new Thread(() -> {
            try {
                d.atStart().set(d.runtime().execution().reconcile());
            } catch (RuntimeException e) {
                // The Orders view shows no reconciliation until the next run makes one.
                LoggerFactory.getLogger(DesktopLauncher.class).warn("reconciliation at start failed: {}", e.getMessage());
            }
        }, "leverdesk-reconcile-at-start");
        t.setDaemon(true);
        t.start();
    }

    private static Desktop await(CompletableFuture<Desktop> opening) {
        try {
            return opening.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : e;
        }
    }

    private static AppConfig asWritten(ConfigFile file) {
        try {
            return file.read();
        } catch (org.leverdesk.config.ConfigException unreadable) {
            return AppConfig.defaults();
        }
    }

    /** The window's view of the context, without Settings and the first-run dialog. */
    public static AppServices services(AppContext app) {
        return services(app, null, null);
    }

    /**
     * Like {@link #services(AppContext, ConfigFile, Secrets)}, with the Regime and Rotation views sized against
     * the configured account when trading runs (the broker's equity x the strategy's capital share, its real
     * positions) and their parameters from {@code settings}.
     */
    static AppServices services(AppContext app, ConfigFile config, Secrets secrets, AppConfig settings, TradingRuntime runtime) {
        AppServices base = services(app, config, secrets);
        if (runtime == null || settings == null) {
            return base;
        }
        return Insights.sized(base, app, settings, runtime.broker());
    }

    /** The window's view of the context with the user's config and secrets (Settings, first run). */
    public static AppServices services(AppContext app, ConfigFile config, Secrets secrets) {
        AppServices.Mode mode = app.marketData().isSimulated() ? AppServices.Mode.DEMO : AppServices.Mode.PAPER;
        AppServices.Trading trading = new AppServices.Trading(null, null, null, app.orders()::recent,
                JournalSource.of(app.journal()), null);
        AppServices.Settings settings = config == null ? AppServices.Settings.NONE
                : new AppServices.Settings(config, secrets, null, AlpacaLinks.keyCheck(), AlpacaLinks.historyFetch(secrets, app),
                        new StoreDataUpdater(app, config, secrets, Clock.systemUTC()));
        return new AppServices(app.backtests(), app.dataCatalog(), app.savedRuns(), mode, app.marketData().sourceLabel(),
                app.storePath(), app.regimeInsight(), app.strategyVersions(), app.marketData(), app.rotationInsight(),
                trading, settings, new AppServices.Research(app.researchRuns(), app.advisorSuggestions(),
                        new org.leverdesk.app.context.ParityService(app.marketData(), app.calendar(),
                                org.leverdesk.strategy.catalog.StrategyCatalog.builtIn())));
    }
}
