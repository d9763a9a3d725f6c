package org.leverdesk.ui.orders;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.leverdesk.broker.Broker;
import org.leverdesk.broker.BrokerOrder;
import org.leverdesk.broker.BrokerPosition;
import org.leverdesk.broker.CancelReport;
import org.leverdesk.broker.CloseOutcome;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The panic button's work: cancel every open order, then close every position, and report per order
 * and position what happened. It runs on a thread of its own, never on the shared task executor, so it
 * works while a job holds the executor or the scheduler is stuck; after {@code timeout} it reports that
 * the broker did not answer (the request may still complete at the broker).
 */
public final class PanicClose {
    /** How long the button waits for the broker by default. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);
    private static final Logger LOG = LoggerFactory.getLogger(PanicClose.class);
    private static final AtomicInteger THREADS = new AtomicInteger();

    private final Broker broker;
    private final Duration timeout;
    private final Consumer<Runnable> uiThread;
    private final AtomicBoolean running = new AtomicBoolean();

    /** {@code uiThread} runs the report callback on the UI thread (e.g. {@code TaskExecutor::runOnUiThread}). */
    public PanicClose(Broker broker, Duration timeout, Consumer<Runnable> uiThread) {
        this.broker = java.util.Objects.requireNonNull(broker, "the panic close needs a broker");
        this.timeout = timeout;
        this.uiThread = uiThread;
    }

    /** The broker's name, for the confirmation text. */
    public String brokerName() {
        return broker.name();
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
        if (!running.compareAndSet(false, true)) {
            return false;
        }
        LOG.warn("panic close requested: cancelling all orders and closing all positions at {}", broker.name());
        CompletableFuture.supplyAsync(this::closeEverything, r -> {
            Thread t = new Thread(r, "leverdesk-panic-close-" + THREADS.incrementAndGet());
            t.setDaemon(true);
            t.start();
        }).orTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS).whenComplete((report, error) -> {
            PanicReport result = error == null ? report : failed(error);
            LOG.warn("panic close finished: {} {}", result.summary(), result.lines());
            running.set(false);
            uiThread.accept(() -> onDone.accept(result));
        });
        return true;
    }

    private PanicReport failed(Throwable error) {
        Throwable e = error instanceof java.util.concurrent.CompletionException && error.getCause() != null ? error.getCause() : error;
        if (e instanceof TimeoutException) {
            String within = timeout.toMillis() % 1000 == 0 ? timeout.toSeconds() + " s" : timeout.toMillis() + " ms";
            return new PanicReport("No answer from " + broker.name() + " within " + within
                    + ": the close may still complete there; check the positions at the broker",
                    List.of(new PanicReport.Line("all orders and positions", false, "no answer within " + within)));
        }
        return new PanicReport("Close all failed: " + message(e), List.of(new PanicReport.Line("all orders and positions", false, message(e))));
    }

    private PanicReport closeEverything() {
        List<PanicReport.Line> lines = new ArrayList<>();
        List<BrokerPosition> before;
        try {
            before = broker.positions();
        } catch (RuntimeException e) {
            before = List.of(); // still try to close: the close call itself may get through
            lines.add(new PanicReport.Line("list positions", false, message(e)));
        }
        try {
            CancelReport cancels = broker.cancelAllReported();
            for (BrokerOrder o : cancels.requested()) {
                lines.add(new PanicReport.Line("order " + o.clientOrderId() + " (" + o.side() + " " + plain(o.quantity()) + " "
                        + o.symbol() + ")", true, "cancel requested"));
            }
            // per-order refusals count as failures: those orders can still fill
            for (CancelReport.Failure f : cancels.failures()) {
                BrokerOrder o = f.order();
                lines.add(new PanicReport.Line("order " + (o == null ? f.brokerOrderId() : o.clientOrderId() + " (" + o.side() + " "
                        + plain(o.quantity()) + " " + o.symbol() + ")"), false, "NOT cancelled: " + f.reason()));
            }
        } catch (RuntimeException e) {
            lines.add(new PanicReport.Line("cancel all open orders", false, message(e)));
        }
        int closed = 0;
        try {
            for (CloseOutcome c : broker.closeAllPositions()) {
                lines.add(new PanicReport.Line(c.symbol() + " " + plain(c.quantity()), c.closed(),
                        (c.closed() ? "closed" : "failed") + (c.detail() == null || c.detail().isBlank() ? "" : ": " + c.detail())));
                if (c.closed()) {
                    closed++;
                }
            }
        } catch (RuntimeException e) {
            // the broker refused the whole request: every position held before is still open as far as we know
            for (BrokerPosition p : before) {
                lines.add(new PanicReport.Line(p.symbol() + " " + plain(p.quantity()), false, "failed: " + message(e)));
            }
            if (before.isEmpty()) {
                lines.add(new PanicReport.Line("close all positions", false, message(e)));
            }
        }
        // every failed step counts, not only failed positions: a failed cancel leaves orders that can still fill
        long failures = lines.stream().filter(l -> !l.ok()).count();
        String summary = failures == 0 ? (closed == 0 ? "No positions were open" : "Closed " + closed + (closed == 1 ? " position" : " positions"))
                : "Closed " + closed + ", FAILED " + failures + ": check the broker now";
        return new PanicReport(summary, lines);
    }

    private static String plain(java.math.BigDecimal q) {
        return q == null ? "" : q.stripTrailingZeros().toPlainString();
    }

    private static String message(Throwable e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
