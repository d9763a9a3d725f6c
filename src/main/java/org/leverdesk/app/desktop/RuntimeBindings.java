package org.leverdesk.app.desktop;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.leverdesk.app.context.AppContext;
import org.leverdesk.app.context.RuntimeStatus;
import org.leverdesk.app.context.StoreOwner;
import org.leverdesk.app.context.StrategyExitScopes;
import org.leverdesk.app.context.TradingRuntime;
import org.leverdesk.broker.paper.PaperBroker;
import org.leverdesk.config.AppConfig;
import org.leverdesk.execution.ExecutionService;
import org.leverdesk.execution.ReconciliationReport;
import org.leverdesk.notify.Channel;
import org.leverdesk.schedule.SchedulerState;
import org.leverdesk.ui.AppServices;
import org.leverdesk.ui.journal.JournalSource;
import org.leverdesk.ui.orders.PositionHolds;
import org.leverdesk.ui.orders.ReconciliationSource;
import org.leverdesk.ui.orders.ReconciliationSummary;
import org.leverdesk.ui.orders.TradingControls;
import org.slf4j.LoggerFactory;

/** Binds the window's trading ports (Orders, Dashboard, Settings' "send test") to the running {@link TradingRuntime}. */
final class RuntimeBindings {
    private static final String BY = "desktop";

    private RuntimeBindings() {
    }

    /** The trading services of the window over {@code runtime}. */
    static AppServices.Trading trading(AppContext app, AppConfig config, TradingRuntime runtime,
                                       java.util.function.Supplier<ReconciliationReport> atStart, Clock clock) {
        return new AppServices.Trading(runtime.broker(), controls(runtime), reconciliation(config, runtime, atStart),
                app.orders()::recent,
                JournalSource.of(app.journal()), new DashboardData(runtime.broker(), () -> config, app.decisions(),
                        () -> startingCapital(runtime), runtime::status, clock, app.riskGuardStatus(config, runtime.broker())),
                manualOrders(app, config, runtime),
                runtime.emergency(), positionHolds(runtime.execution()), app.riskGuardStatus(config),
                new org.leverdesk.execution.OptionInstructions(app.journal()), strategyScopes(app, config));
    }

    /**
     * "Close strategy…"'s scopes, built where {@code force-exit --strategy S} builds them: from the config file of the
     * process that owns the store (this window) as it is at the press, as the CLI forwarded here reads it; from the
     * settings the window started with when no owner is registered (a window in a test).
     */
    static org.leverdesk.ui.orders.StrategyScopes strategyScopes(AppContext app, AppConfig config) {
        return id -> StoreOwner.of(app.dataDirectory()).map(owner -> StrategyExitScopes.of(owner.configFile(), id, false,
                        note -> LoggerFactory.getLogger(RuntimeBindings.class).warn("Close strategy {}: {}", id, note)))
                .orElseGet(() -> StrategyExitScopes.of(config, id, false));
    }

    /**
     * The Orders view's held symbols and their Accept: the execution service's own, as
     * {@code leverdesk reconcile --accept} uses them (its run lock makes an accept wait for no run: it refuses
     * while one is in progress).
     */
    static PositionHolds positionHolds(ExecutionService execution) {
        return new PositionHolds() {
            @Override
            public Map<String, String> held() {
                return execution.heldSymbols();
            }

            @Override
            public String accept(String symbol) {
                // Lifted meanwhile (by the CLI, another window): accepting would still set the count, so say so instead.
                if (!execution.heldSymbols().containsKey(symbol)) {
                    throw new IllegalStateException(symbol + " is not held any more; nothing to accept");
                }
                return execution.acceptPosition(symbol, BY);
            }
        };
    }

    /** The order ticket over the runtime's broker and risk gate, recording intents in the app's store. */
    static org.leverdesk.execution.ManualOrders manualOrders(AppContext app, AppConfig config, TradingRuntime runtime) {
        Clock now = Clock.systemUTC();
        return new org.leverdesk.execution.ManualOrderService(runtime.broker(), app.orders(), runtime.execution().riskGate(),
                new org.leverdesk.execution.QuoteGuard(config.risk(), now), app.journal(), now,
                config.broker().mode() == org.leverdesk.domain.TradingMode.LIVE);
    }

    /** Settings' "Send test": sends a test message on one channel and returns what happened. */
    static Function<String, String> notificationTest(TradingRuntime runtime) {
        return channel -> runtime.notifications().sendTest(Channel.valueOf(channel.toUpperCase(Locale.ROOT)));
    }

    /** Pause/resume stop and restart new jobs; the kill switch halts trading until Resume releases it. */
    static TradingControls controls(TradingRuntime runtime) {
        return new TradingControls() {
            @Override
            public void pause() {
                runtime.pause();
            }

            @Override
            public void resume() {
                if (runtime.status().halted()) {
                    runtime.release(BY, "released with Resume in the window");
                }
                runtime.resume();
            }

            @Override
            public void halt() {
                runtime.halt(BY, "kill switch pressed in the window");
            }

            @Override
            public State state() {
                RuntimeStatus s = runtime.status();
                if (s.halted()) {
                    return State.HALTED;
                }
                return s.scheduler() == SchedulerState.PAUSED ? State.PAUSED : State.ACTIVE;
            }
        };
    }

    /**
     * The Orders view's reconciliation: the newest of the one made when the window opened and those
     * each run makes before it decides. Showing it never reconciles again (that writes to the store).
     */
    static ReconciliationSource reconciliation(AppConfig config, TradingRuntime runtime,
                                               java.util.function.Supplier<ReconciliationReport> atStart) {
        return () -> {
            ReconciliationReport newest = atStart.get();
            for (var s : config.strategies()) {
                var run = runtime.lastRun(s.strategyId());
                ReconciliationReport r = run == null ? null : run.reconciliation();
                if (r != null && (newest == null || r.at().isAfter(newest.at()))) {
                    newest = r;
                }
            }
            if (newest == null) {
                return Optional.empty();
            }
            List<String> lines = new ArrayList<>(newest.differences());
            lines.addAll(newest.positionChanges());
            return Optional.of(new ReconciliationSummary(newest.at(), lines));
        };
    }

    private static Optional<BigDecimal> startingCapital(TradingRuntime runtime) {
        return runtime.broker() instanceof PaperBroker paper ? Optional.of(paper.startingCapital()) : Optional.empty();
    }
}
