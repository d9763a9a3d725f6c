package org.leverdesk.ui.orders;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.leverdesk.emergency.EmergencyExit;
import org.leverdesk.emergency.EmergencyScope;
import org.leverdesk.emergency.EmergencyReport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The window's Close all button: runs the one emergency path ({@link EmergencyExit}: HALTED first,
 * cancel every order, close every position, verify flat, journal, notify) on a thread of its own, never
 * on the shared task executor, so it works while a job holds the executor or the scheduler is stuck.
 * After {@code timeout} it reports that the broker did not answer (the close may still complete there).
 */
public final class PanicClose {
    /** How long the button waits for the whole exit by default: the exit's own time limit plus the broker's timeouts. */
    public static final Duration DEFAULT_TIMEOUT = EmergencyExit.DEFAULT_TIME_LIMIT.plusSeconds(45);
    private static final Logger LOG = LoggerFactory.getLogger(PanicClose.class);
    private static final AtomicInteger THREADS = new AtomicInteger();

    private final EmergencyExit exit;
    private final Duration timeout;
    private final Consumer<Runnable> uiThread;
    private final AtomicBoolean running = new AtomicBoolean();

    /** {@code uiThread} runs the report callback on the UI thread (e.g. {@code TaskExecutor::runOnUiThread}). */
    public PanicClose(EmergencyExit exit, Duration timeout, Consumer<Runnable> uiThread) {
        this.exit = Objects.requireNonNull(exit, "the panic close needs the emergency exit");
        this.timeout = timeout;
        this.uiThread = uiThread;
    }

    /** The broker's name, for the confirmation text. */
    public String brokerName() {
        return exit.brokerName();
    }

    /** True between {@link #start} and its report. */
    public boolean isRunning() {
        return running.get();
    }

    /**
     * Starts closing everything on a new thread and returns at once; {@code onDone} gets the report on
     * the UI thread. Returns false (and does nothing) when a close is already running.
     */
    public boolean start(Consumer<PanicReport> onDone) {
        return start(EmergencyScope.wholeAccount(), "Close all pressed in the window", onDone);
    }

    /**
     * "Close all options": the same emergency exit with the options-only scope (every option order cancelled, every
     * option position closed, spreads as one multi-leg order, shares kept, not halted); one close at a time as
     * {@link #start}.
     */
    public boolean startOptions(Consumer<PanicReport> onDone) {
        return start(EmergencyScope.allOptions(), "Close all options pressed in the window", onDone);
    }

    /**
     * "Close strategy…": the same emergency exit with one strategy's scope (its open orders cancelled, its shares and its
     * own part of every option contract closed, shorts bought back before longs are sold, not halted), as
     * {@code leverdesk force-exit --strategy S} runs it; one close at a time as {@link #start}.
     *
     * @param scope the strategy's scope from {@link StrategyScopes}, the builder {@code force-exit --strategy} uses
     */
    public boolean startStrategy(EmergencyScope scope, Consumer<PanicReport> onDone) {
        if (scope.strategyId() == null) {
            throw new IllegalArgumentException("not one strategy's scope: " + scope.label());
        }
        return start(scope, "Close strategy " + scope.strategyId() + " pressed in the window", onDone);
    }

    private boolean start(EmergencyScope scope, String reason, Consumer<PanicReport> onDone) {
        if (!running.compareAndSet(false, true)) {
            return false;
        }
        LOG.warn("{}: emergency exit of {} at {}", reason, scope.label(), exit.brokerName());
        CompletableFuture.supplyAsync(() -> report(exit.run(scope, "window", reason)), r -> {
            Thread t = new Thread(r, "leverdesk-panic-close-" + THREADS.incrementAndGet());
            t.setDaemon(true);
            t.start();
        }).orTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS).whenComplete((report, error) -> {
            PanicReport result = error == null ? report : failed(scope, error);
            running.set(false);
            uiThread.accept(() -> onDone.accept(result));
        });
        return true;
    }

    /** The window's lines of an emergency report: the halt, each order, each position, each problem, the result. */
    static PanicReport report(EmergencyReport r) {
        List<PanicReport.Line> lines = new ArrayList<>();
        if (r.halt().requested()) {
            lines.add(new PanicReport.Line("trading state", r.halt().done(), r.halt().detail()));
        }
        r.orders().forEach(o -> lines.add(new PanicReport.Line("order " + (o.clientOrderId() == null ? o.brokerOrderId()
                : o.clientOrderId()) + " (" + o.side() + " " + o.quantity().stripTrailingZeros().toPlainString() + " "
                + o.symbol() + ")", o.ok(), o.detail())));
        r.positions().forEach(p -> lines.add(new PanicReport.Line(p.symbol() + " " + p.quantity().stripTrailingZeros()
                .toPlainString(), p.ok(), p.detail())));
        r.problems().forEach(p -> lines.add(new PanicReport.Line("step", false, p)));
        lines.add(new PanicReport.Line("result", r.ok(), r.outcome() + ": " + r.detail()));
        return new PanicReport(r.summary(), lines);
    }

    private PanicReport failed(EmergencyScope scope, Throwable error) {
        Throwable e = error instanceof java.util.concurrent.CompletionException && error.getCause() != null ? error.getCause() : error;
        if (e instanceof TimeoutException) {
            String within = timeout.toMillis() % 1000 == 0 ? timeout.toSeconds() + " s" : timeout.toMillis() + " ms";
            return new PanicReport("No answer from " + exit.brokerName() + " within " + within
                    + ": the close may still complete there; check the positions at the broker",
                    List.of(new PanicReport.Line(subject(scope), false, "no answer within " + within)));
        }
        String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().replace('\n', ' ');
        String what = scope.strategyId() == null ? "Close all" : "Close " + scope.label();
        return new PanicReport(what + " failed: " + m, List.of(new PanicReport.Line(subject(scope), false, m)));
    }

    private static String subject(EmergencyScope scope) {
        return scope.strategyId() == null ? "all orders and positions" : scope.label();
    }
}
