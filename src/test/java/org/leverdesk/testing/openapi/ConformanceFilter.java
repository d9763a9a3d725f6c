package org.leverdesk.testing.openapi;

import com.sun.net.httpserver.Filter;
import com.sun.net.httpserver.HttpExchange;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A filter for a {@code com.sun.net.httpserver} fake that checks every exchange it serves with an
 * {@link OpenApiConformance}: it keeps a copy of the request and response bodies, checks after the
 * handler answered, and records each mismatch. The fake's test fails through {@link #assertConforms()}
 * (call it from the fake's {@code close()}), naming the first mismatch.
 *
 * <p>A handler that serves something off-spec on purpose (an injected garbled body, a dropped
 * connection) marks the exchange with {@link #exempt(HttpExchange, String)}; such exchanges are counted, not checked.
 *
 * <p>Plugging it into another fake: {@code server.createContext("/", handler).getFilters().add(filter)}
 * with {@code new ConformanceFilter(OpenApiConformance.alpacaMarketData())}, then call
 * {@code filter.assertConforms()} when the fake closes.
 */
public final class ConformanceFilter extends Filter {
    private static final Logger LOG = LoggerFactory.getLogger(ConformanceFilter.class);
    /**
     * Exchanges marked exempt, with the reason. Not {@code HttpExchange.setAttribute}: the JDK's server keeps
     * those per context, so one mark would exempt every later exchange too.
     */
    private static final java.util.Map<HttpExchange, String> EXEMPT =
            java.util.Collections.synchronizedMap(new java.util.WeakHashMap<>());

    private final OpenApiConformance conformance;
    private final List<String> violations = new CopyOnWriteArrayList<>();
    private final AtomicInteger checked = new AtomicInteger();
    private final AtomicInteger exempted = new AtomicInteger();
    private final AtomicInteger pending = new AtomicInteger();

    public ConformanceFilter(OpenApiConformance conformance) {
        this.conformance = conformance;
    }

    /** Marks the exchange as deliberately off-spec (a fault a test injects), with the reason. */
    public static void exempt(HttpExchange exchange, String reason) {
        EXEMPT.put(exchange, reason);
    }

    @Override
    public String description() {
        return "OpenAPI conformance check";
    }

    @Override
    public void doFilter(HttpExchange ex, Chain chain) throws IOException {
        // Counted before the handler answers, so whoever has seen the answer also waits for its check.
        pending.incrementAndGet();
        byte[] request = ex.getRequestBody().readAllBytes();
        ByteArrayOutputStream copy = new ByteArrayOutputStream();
        OutputStream original = ex.getResponseBody();
        ex.setStreams(new ByteArrayInputStream(request), new FilterOutputStream(original) {
            @Override
            public void write(int b) throws IOException {
                copy.write(b);
                out.write(b);
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                copy.write(b, off, len);
                out.write(b, off, len);
            }
        });
        try {
            chain.doFilter(ex);
        } finally {
            // Checked after the answer went out, so a slow check (the first use of a schema) never delays it.
            try {
                record(ex, request, copy.toByteArray());
            } finally {
                synchronized (pending) {
                    pending.decrementAndGet();
                    pending.notifyAll();
                }
            }
        }
    }

    /** Waits (up to 10 s) until every exchange answered so far has been checked. */
    private void awaitChecks() {
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(10);
        synchronized (pending) {
            while (pending.get() > 0 && System.nanoTime() < deadline) {
                try {
                    pending.wait(50);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    private void record(HttpExchange ex, byte[] request, byte[] response) {
        if (EXEMPT.remove(ex) != null || ex.getResponseCode() < 0) {
            exempted.incrementAndGet();
            return;
        }
        Exchange exchange = new Exchange(ex.getRequestMethod(), ex.getRequestURI().getRawPath(),
                Exchange.parseQuery(ex.getRequestURI().getRawQuery()), ex.getRequestHeaders().getFirst("Content-Type"),
                request, ex.getResponseCode(), ex.getResponseHeaders().getFirst("Content-Type"), response);
        List<String> problems;
        try {
            problems = conformance.check(exchange);
        } catch (RuntimeException e) {
            problems = List.of(exchange.describe() + ": the check itself failed: " + e);
        }
        checked.incrementAndGet();
        for (String p : problems) {
            LOG.error("OpenAPI mismatch: {}", p);
            violations.add(p);
        }
    }

    /** Every mismatch seen so far, in order. */
    public List<String> violations() {
        awaitChecks();
        return List.copyOf(violations);
    }

    /** Returns the mismatches so far and forgets them (for a test that documents a known one). */
    public synchronized List<String> takeViolations() {
        awaitChecks();
        List<String> out = List.copyOf(violations);
        violations.clear();
        return out;
    }

    /** How many exchanges were checked. */
    public int checked() {
        awaitChecks();
        return checked.get();
    }

    /** How many exchanges were exempt (deliberate faults) or unanswered. */
    public int exempted() {
        return exempted.get();
    }

    /** Throws an {@link AssertionError} naming the first mismatch (and how many followed) if there was any. */
    public void assertConforms() {
        awaitChecks();
        if (!violations.isEmpty()) {
            throw new AssertionError("the fake served an exchange that departs from the OpenAPI specification: "
                    + violations.get(0) + (violations.size() > 1 ? " (and " + (violations.size() - 1) + " more)" : ""));
        }
    }
}
