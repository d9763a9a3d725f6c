package org.leverdesk.broker.alpaca;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.leverdesk.domain.Bar;
import org.leverdesk.market.calendar.TradingCalendar;
import org.leverdesk.testing.openapi.ConformanceFilter;
import org.leverdesk.testing.openapi.OpenApiConformance;

/**
 * A real HTTP server on 127.0.0.1 (a free port) that answers like Alpaca's trading API (v2 account,
 * positions, orders incl. {@code /v2/orders:by_client_order_id} and replace, clock, calendar) and market
 * data API (v2 stock bars with paging, latest quotes), held to Alpaca's published OpenAPI specification:
 * every exchange it serves is checked ({@link ConformanceFilter}) and {@link #close()} fails the test on
 * the first mismatch. The account and order book live in {@link FakeAlpacaMarket}, which behaves like
 * Alpaca in time (asynchronous acceptance, fills and cancels, OPG/CLS windows, day orders expiring).
 *
 * <p>{@link #start()} runs on simulated time from Wednesday 2026-03-04 10:00 New York with the NYSE
 * calendar; {@link #startOnWallClock()} is for end-to-end tests of code that reads the machine's clock.
 * Tests can turn on a rate limit (429 past it) and inject faults: slow answers, 5xx, dropped
 * connections, rejections, faults that strike after an order was recorded (so the client never learns
 * that it was placed), tampered answer bodies, and a broker clock that is off.
 */
public final class FakeAlpacaServer implements AutoCloseable {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(FakeAlpacaServer.class);
    public static final String KEY_ID = "PKFAKE7Q2WZ9KEYID";
    public static final String SECRET_KEY = "fakeSecret-9f8e7d6c5b4a-DO-NOT-LOG";
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    private static final Pattern RFC3339 = Pattern.compile("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d+)?(Z|[+-]\\d\\d:\\d\\d)");

    /** What an injected fault does to the matching request. */
    public enum Fault {
        /** Waits {@link #setSlowDelay} before handling the request (the client times out first). */
        SLOW,
        /** Answers 500 without handling the request. */
        SERVER_ERROR,
        /** Answers 429 without handling the request. */
        TOO_MANY_REQUESTS,
        /** Closes the connection without an answer, without handling the request. */
        DROP,
        /** Handles the request (an order is recorded), then waits {@link #setSlowDelay} before answering. */
        SLOW_AFTER_RECORD,
        /** Handles the request (an order is recorded), then closes the connection without an answer. */
        DROP_AFTER_RECORD,
        /** Answers 403 with {@link #setRejectReason}'s reason, as Alpaca does for an order it refuses. */
        REJECT,
        /**
         * Waits {@link #setSlowDelay}, then closes the connection without handling the request: a request
         * lost in transit (e.g. with the process that sent it), so an order is never recorded.
         */
        HANG
    }

    private record Injection(String method, String pathPrefix, Fault fault, int[] skip, int[] remaining) {
    }

    private record Tamper(String method, String pathPrefix, UnaryOperator<String> edit, int[] remaining) {
    }

    private final HttpServer server;
    /** Every exchange is held to Alpaca's OpenAPI specification; {@link #close()} fails the test on a mismatch. */
    private final ConformanceFilter conformance = new ConformanceFilter(OpenApiConformance.alpaca());
    private final ExecutorService threads;
    private final ObjectMapper json = new ObjectMapper();
    /** The simulated start of {@link #start()}: Wednesday 2026-03-04, 10:00 New York, inside a regular session. */
    public static final Instant DEFAULT_START = Instant.parse("2026-03-04T15:00:00Z");

    private final SimulatedTime time;
    private final FakeAlpacaMarket market;
    private final TradingCalendar calendar;
    private final List<Tamper> tampers = new CopyOnWriteArrayList<>();
    private volatile Duration clockOffset = Duration.ZERO;
    private volatile Boolean clockSaysOpen;
    private final List<Injection> injections = new CopyOnWriteArrayList<>();
    private final List<String> requests = new CopyOnWriteArrayList<>();
    private final List<String> seenHeaders = new CopyOnWriteArrayList<>();
    private final List<JsonNode> orderBodies = new CopyOnWriteArrayList<>();
    private final Map<String, List<Bar>> bars = new HashMap<>();
    private final Deque<Long> recent = new ArrayDeque<>();
    private volatile int rateLimit = Integer.MAX_VALUE;
    private volatile Duration rateWindow = Duration.ofMinutes(1);
    private volatile Duration slowDelay = Duration.ofSeconds(3);
    private volatile String rejectReason = "insufficient buying power";
    private volatile int maxBarsPerPage = 10_000;

    private FakeAlpacaServer(SimulatedTime time, FakeAlpacaSessions sessions, FakeAlpacaMarket.Timing timing) throws IOException {
        this.time = time;
        this.market = new FakeAlpacaMarket(time, sessions, timing);
        this.calendar = sessions.tradingCalendar();
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
        threads = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "fake-alpaca");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(threads);
        server.createContext("/", this::handle).getFilters().add(conformance);
        server.start();
    }

    /**
     * Alpaca as it behaves: simulated time from {@link #DEFAULT_START} (running at the machine's pace,
     * moved by {@link #advanceTo}, {@link #closeMarket}, {@link #openSession}), NYSE sessions, and
     * {@link FakeAlpacaMarket.Timing#alpaca()} delays.
     */
    public static FakeAlpacaServer start() {
        return startAt(DEFAULT_START, FakeAlpacaMarket.Timing.alpaca());
    }

    /** Like {@link #start()} from another instant (Alpaca-like delays). */
    public static FakeAlpacaServer startAt(Instant start) {
        return startAt(start, FakeAlpacaMarket.Timing.alpaca());
    }

    /** Like {@link #start()} from another instant and with other delays. */
    public static FakeAlpacaServer startAt(Instant start, FakeAlpacaMarket.Timing timing) {
        return create(new SimulatedTime(start), FakeAlpacaSessions.calendar(), timing);
    }

    /**
     * On the calendar from {@code start}, every step within the request that causes it (a marketable order is
     * answered filled): for a replay that moves the simulated time itself and reads fills at once.
     */
    public static FakeAlpacaServer startSynchronousAt(Instant start) {
        return startAt(start, FakeAlpacaMarket.Timing.synchronous());
    }

    /**
     * For end-to-end tests of code that reads the machine's clock (a CLI run in a child process, the
     * execution service on the system clock): time is the machine's, the session is open until
     * {@link #closeMarket()} whatever the calendar says, and every step happens within the request that
     * causes it (an order is answered filled when marketable, a cancel is done at once). Not Alpaca's
     * timing: use {@link #start()} for anything about time.
     */
    public static FakeAlpacaServer startOnWallClock() {
        return create(SimulatedTime.wallClock(), FakeAlpacaSessions.byHand(), FakeAlpacaMarket.Timing.synchronous());
    }

    private static FakeAlpacaServer create(SimulatedTime time, FakeAlpacaSessions sessions, FakeAlpacaMarket.Timing timing) {
        try {
            return new FakeAlpacaServer(time, sessions, timing);
        } catch (IOException e) {
            throw new IllegalStateException("cannot start the fake Alpaca server: " + e.getMessage(), e);
        }
    }

    /** Where to point the adapter: {@code http://127.0.0.1:<port>}. */
    public URI baseUrl() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** Settings for an adapter that talks to this server with its keys, short timeouts and quick retries. */
    public AlpacaSettings settings() {
        return AlpacaSettings.of(org.leverdesk.config.AlpacaEndpoint.PAPER, KEY_ID, SECRET_KEY).withBaseUrl(baseUrl())
                .withCallTimeout(Duration.ofMillis(1500)).withRetries(4, Duration.ofMillis(50), Duration.ofMillis(400));
    }

    // ---- market controls (see FakeAlpacaMarket) -----------------------------------------------

    /** Sets a quote; an option may be named by its padded OCC symbol (Leverdesk's) or Alpaca's unpadded one. */
    public void setQuote(String symbol, double bid, double ask) {
        market.setQuote(alpaca(symbol), bid, ask);
    }

    /** A market's quotes at a moment: {@code {bid, ask, last}} of {@code symbol} (Alpaca's symbol) at {@code at}, or null. */
    public interface QuoteSource {
        double[] quote(String symbol, java.time.Instant at);
    }

    /** One fill: when, the symbol (Alpaca's), buy or sell, the quantity and the price. */
    public record Execution(java.time.Instant at, String symbol, String side, java.math.BigDecimal qty, java.math.BigDecimal price) {
    }

    /**
     * Quotes come from {@code source} (asked with Alpaca's symbols) from now on: see {@link FakeAlpacaMarket#setQuoteSource}.
     */
    public void setQuoteSource(QuoteSource source) {
        market.setQuoteSource(source);
    }

    /** One contract's snapshot as a market would give it: its quote, implied volatility and Greeks (Alpaca's units). */
    public record Snapshot(String symbol, double bid, double ask, double iv, double delta, double gamma, double theta, double vega,
                           double rho) {
    }

    /**
     * A market's option chain at a moment: the snapshots of {@code underlying}'s contracts at {@code at} that the
     * snapshots endpoint's {@code query} (expiry, strike and type filters, Alpaca's parameter names) may select; the
     * endpoint filters and pages them.
     */
    public interface ChainSource {
        List<Snapshot> chain(String underlying, java.time.Instant at, Map<String, String> query);
    }

    /**
     * The options snapshots endpoint answers from {@code source} from now on (a replay's synthetic surface, so the chain
     * the adapter reads is the market the quote source prices): its contracts, quotes and Greeks, nothing set by hand.
     */
    public void setChainSource(ChainSource source) {
        market.setChainSource(source);
    }

    /**
     * The next {@code mleg} order rests as Alpaca leaves one it has not filled yet ({@code new}, nothing filled) even
     * when the quotes meet it; it fills at the quotes of the next moment they are read (the next time the clock moves).
     */
    public void holdNextMultiLeg() {
        market.holdNextMultiLeg();
    }

    /** Every fill so far, in order (an mleg order's by leg). */
    public List<Execution> executions() {
        return market.executions();
    }

    /** Alpaca's symbol for {@code symbol}: an option's OCC symbol unpadded. */
    static String alpaca(String symbol) {
        return org.leverdesk.options.contract.OptionSymbols.contract(symbol)
                .map(org.leverdesk.options.contract.OptionContract::compactSymbol).orElse(symbol);
    }

    // ---- options (see FakeAlpacaOptionBook) -----------------------------------------------------

    /** The account's options trading level (0 to 3; 3 by default, as a paper account). */
    public void setOptionsLevel(int level) {
        market.setOptionsLevel(level);
    }

    /** The implied volatility and Greeks the snapshots give {@code symbol} (Alpaca's units: theta per day, vega per point). */
    public void setGreeks(String symbol, double iv, double delta, double gamma, double theta, double vega, double rho) {
        market.setGreeks(alpaca(symbol), new FakeAlpacaOptionBook.Greeks(iv, delta, gamma, theta, vega, rho));
    }

    /** {@code underlying}'s contracts of {@code day} expire with it closing at {@code close}: OPEXP, OPASN or OPEXC each. */
    public void expireOptions(LocalDate day, String underlying, double close) {
        market.expire(day, underlying, close);
    }

    public void setLast(String symbol, double last) {
        market.setLast(symbol, last);
    }

    /** Ends the session (closing auction, day orders done for the day then expired); on the calendar, time moves past the close. */
    public void closeMarket() {
        market.closeMarket();
    }

    /** Opens the next session (opening auction, queued orders routed); on the calendar, time moves to its open. */
    public void openSession() {
        market.openSession();
    }

    public void includeLegacyPdtFields(boolean include) {
        market.includeLegacyPdtFields(include);
    }

    /** The next close-all fails for {@code symbol} with HTTP 403 and {@code message} in its item. */
    public void failClosing(String symbol, String message) {
        market.failClosing(symbol, message);
    }

    /** Fills part of an open order now, at its limit or the current bid/ask. */
    public void partialFill(String clientOrderId, java.math.BigDecimal qty) {
        market.partialFill(clientOrderId, qty);
    }

    /** Alpaca rejects an order it had accepted (a late rejection). */
    public void rejectOrder(String clientOrderId) {
        market.rejectOrder(clientOrderId);
    }

    /** Sets an order's status string as is; one outside the spec's enum makes answers that carry it off-spec on purpose. */
    public void forceStatus(String clientOrderId, String status) {
        market.forceStatus(clientOrderId, status);
    }

    // ---- time ----------------------------------------------------------------------------------

    /** The simulated time (a {@link java.time.Clock} that code under test may share). */
    public SimulatedTime time() {
        return time;
    }

    /** The simulated time now, after everything due has happened. */
    public Instant now() {
        return market.now();
    }

    /** Moves the simulated time forward to {@code at}, doing everything due on the way (auctions, fills, expiries). */
    public void advanceTo(Instant at) {
        market.advanceTo(at);
    }

    /** Moves the simulated time forward to {@code time} New York on {@code date}. */
    public void advanceTo(LocalDate date, LocalTime nyTime) {
        market.advanceTo(ZonedDateTime.of(date, nyTime, NEW_YORK).toInstant());
    }

    public void advance(Duration d) {
        market.advanceTo(market.now().plus(d));
    }

    /** Lets every pending acceptance, fill, cancel and replace finish (simulated time moves on by the delays). */
    public void settle() {
        market.settle();
    }

    public FakeAlpacaMarket.Timing timing() {
        return market.timing();
    }

    public void setTiming(FakeAlpacaMarket.Timing timing) {
        market.setTiming(timing);
    }

    /** The clock endpoint answers as if its time were {@code offset} off (a broker clock that is wrong). */
    public void skewClock(Duration offset) {
        clockOffset = offset;
    }

    /** The clock endpoint's {@code is_open} says this whatever the calendar says (null: the truth). */
    public void clockSaysOpen(Boolean open) {
        clockSaysOpen = open;
    }

    // ---- orders --------------------------------------------------------------------------------

    /** Cancel-all answers HTTP 500 for this order and leaves it open, as Alpaca does for an order it can no longer cancel. */
    public void failCancel(String clientOrderId) {
        market.failCancel(clientOrderId);
    }

    /** A person replaces the order at Alpaca: it becomes pending_replace, then replaced by a new order. Returns the new order's JSON. */
    public JsonNode replaceByHand(String clientOrderId, java.math.BigDecimal qty, java.math.BigDecimal limitPrice) {
        return market.replaceByHand(clientOrderId, qty, limitPrice).body();
    }

    /** Alpaca's status string of the order with {@code clientOrderId}. */
    public String statusOf(String clientOrderId) {
        return market.statusOf(clientOrderId);
    }

    /** Every order's Alpaca status by client order id, in submission order. */
    public Map<String, String> statuses() {
        return market.statuses();
    }

    /** The shares of {@code symbol} the account holds at the fake. */
    public java.math.BigDecimal held(String symbol) {
        return market.heldQuantity(alpaca(symbol));
    }

    /** Orders the server has recorded, whatever the client heard. */
    public int orderCount() {
        return market.orderCount();
    }

    public long ordersWithClientId(String clientOrderId) {
        return market.ordersWithClientId(clientOrderId);
    }

    /** Daily bars served for {@code symbol}: OHLC as adjustment=split, scaled by adj_close/close for adjustment=all. */
    public synchronized void setBars(String symbol, List<Bar> series) {
        bars.put(symbol, List.copyOf(series));
    }

    public void setMaxBarsPerPage(int n) {
        maxBarsPerPage = n;
    }

    // ---- faults and limits ---------------------------------------------------------------------

    /** The next {@code times} requests whose method and path start as given meet {@code fault}. */
    public void inject(String method, String pathPrefix, Fault fault, int times) {
        injectAfter(method, pathPrefix, 0, fault, times);
    }

    /** Like {@link #inject} but the first {@code skip} matching requests pass untouched. */
    public void injectAfter(String method, String pathPrefix, int skip, Fault fault, int times) {
        injections.add(new Injection(method, pathPrefix, fault, new int[] {skip}, new int[] {times}));
    }

    /**
     * The next {@code times} answers to requests whose method and path start as given are handled as
     * usual (an order is recorded) and then sent with their body text passed through {@code edit}
     * (e.g. {@code b -> "{}"}, or a field garbled): deliberately off-spec, so not held to the specification.
     */
    public void tamper(String method, String pathPrefix, UnaryOperator<String> edit, int times) {
        tampers.add(new Tamper(method, pathPrefix, edit, new int[] {times}));
    }

    /**
     * The latest-quote endpoint answers for {@code symbol} with these raw values (null = the field is
     * null) instead of the market's quote; fills still use {@link #setQuote}'s prices.
     */
    public void setRawQuote(String symbol, Double bid, Double ask, Instant at) {
        market.setRawQuote(symbol, bid, ask, at);
    }

    public void setSlowDelay(Duration delay) {
        slowDelay = delay;
    }

    public void setRejectReason(String reason) {
        rejectReason = reason;
    }

    /** More than {@code requests} within {@code window} are answered 429, as Alpaca does past 200 a minute. */
    public void setRateLimit(int requests, Duration window) {
        rateLimit = requests;
        rateWindow = window;
    }

    /** Every request seen, as "METHOD /path?query", in order. */
    public List<String> requests() {
        return List.copyOf(requests);
    }

    public long count(String method, String pathPrefix) {
        return requests.stream().filter(r -> r.startsWith(method + " " + pathPrefix)).count();
    }

    /** The JSON bodies of every POST /v2/orders, in order. */
    public List<JsonNode> orderBodies() {
        return List.copyOf(orderBodies);
    }

    /** Every request header value seen (to check what travels and what does not). */
    public List<String> headerValues() {
        return Collections.unmodifiableList(seenHeaders);
    }

    // ---- HTTP ----------------------------------------------------------------------------------

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            String method = ex.getRequestMethod();
            String path = ex.getRequestURI().getRawPath();
            String query = ex.getRequestURI().getRawQuery();
            requests.add(method + " " + path + (query == null ? "" : "?" + query));
            ex.getRequestHeaders().forEach((k, v) -> seenHeaders.addAll(v));
            byte[] body = ex.getRequestBody().readAllBytes();
            if (overRateLimit()) {
                send(ex, FakeAlpacaMarket.error(new FakeAlpacaMarket.Refusal(429, 42910000, "rate limit exceeded")));
                return;
            }
            if (!KEY_ID.equals(ex.getRequestHeaders().getFirst("APCA-API-KEY-ID"))
                    || !SECRET_KEY.equals(ex.getRequestHeaders().getFirst("APCA-API-SECRET-KEY"))) {
                send(ex, FakeAlpacaMarket.error(new FakeAlpacaMarket.Refusal(401, 40110000, "request is not authorized")));
                return;
            }
            Fault fault = takeFault(method, path);
            if (fault == Fault.SLOW) {
                sleep(slowDelay);
            } else if (fault == Fault.SERVER_ERROR) {
                send(ex, FakeAlpacaMarket.error(new FakeAlpacaMarket.Refusal(500, 50010000, "internal server error occurred")));
                return;
            } else if (fault == Fault.TOO_MANY_REQUESTS) {
                send(ex, FakeAlpacaMarket.error(new FakeAlpacaMarket.Refusal(429, 42910000, "rate limit exceeded")));
                return;
            } else if (fault == Fault.DROP) {
                return; // closing the exchange before any answer drops the connection
            } else if (fault == Fault.HANG) {
                sleep(slowDelay);
                return;
            } else if (fault == Fault.REJECT) {
                send(ex, FakeAlpacaMarket.error(new FakeAlpacaMarket.Refusal(403, 40310000, rejectReason)));
                return;
            }
            FakeAlpacaMarket.Reply reply = route(method, path, query(query), body);
            if (fault == Fault.DROP_AFTER_RECORD) {
                return;
            }
            if (fault == Fault.SLOW_AFTER_RECORD) {
                sleep(slowDelay);
            }
            if (reply.offSpec() != null) {
                ConformanceFilter.exempt(ex, reply.offSpec());
            }
            UnaryOperator<String> edit = takeTamper(method, path);
            if (edit != null) {
                ConformanceFilter.exempt(ex, "a body tampered with by the test");
                sendRaw(ex, reply.status(), edit.apply(reply.body() == null ? "" : json.writeValueAsString(reply.body())));
                return;
            }
            send(ex, reply);
        } catch (RuntimeException e) {
            // Surfaces as a dropped connection in the client; the log helps whoever broke the fake.
            LOG.error("the fake Alpaca server failed on {} {}", ex.getRequestMethod(), ex.getRequestURI(), e);
            throw e;
        }
    }

    private synchronized boolean overRateLimit() {
        long now = System.nanoTime();
        while (!recent.isEmpty() && now - recent.peekFirst() > rateWindow.toNanos()) {
            recent.pollFirst();
        }
        recent.addLast(now);
        return recent.size() > rateLimit;
    }

    private Fault takeFault(String method, String path) {
        for (Injection i : injections) {
            if (i.method().equals(method) && path.startsWith(i.pathPrefix())) {
                synchronized (i) {
                    if (i.skip()[0] > 0) {
                        i.skip()[0]--;
                        continue;
                    }
                    if (i.remaining()[0] > 0) {
                        i.remaining()[0]--;
                        return i.fault();
                    }
                }
            }
        }
        return null;
    }

    private UnaryOperator<String> takeTamper(String method, String path) {
        for (Tamper t : tampers) {
            if (t.method().equals(method) && path.startsWith(t.pathPrefix())) {
                synchronized (t) {
                    if (t.remaining()[0] > 0) {
                        t.remaining()[0]--;
                        return t.edit();
                    }
                }
            }
        }
        return null;
    }

    private FakeAlpacaMarket.Reply route(String method, String path, Map<String, String> q, byte[] body) throws IOException {
        String key = method + " " + path;
        if (key.equals("GET /v2/account")) {
            return market.account();
        }
        if (key.equals("GET /v2/positions")) {
            return market.positions();
        }
        if (key.equals("DELETE /v2/positions")) {
            return market.closeAll("true".equals(q.get("cancel_orders")));
        }
        Matcher exercise = Pattern.compile("/v2/positions/([^/]+)/(exercise|do-not-exercise)").matcher(path);
        if (method.equals("POST") && exercise.matches()) {
            String symbol = decode(exercise.group(1));
            return exercise.group(2).equals("exercise") ? market.exercise(symbol) : market.doNotExercise(symbol);
        }
        if (key.equals("GET /v2/options/contracts")) {
            return market.optionContracts(q);
        }
        if (method.equals("GET") && path.startsWith("/v2/account/activities/")) {
            return market.activities(decode(path.substring("/v2/account/activities/".length())), q);
        }
        if (method.equals("GET") && path.startsWith("/v1beta1/options/snapshots/")) {
            return market.optionSnapshots(decode(path.substring("/v1beta1/options/snapshots/".length())), q);
        }
        if (key.equals("GET /v1beta1/options/quotes/latest")) {
            return market.optionLatestQuotes(List.of(q.getOrDefault("symbols", "").split(",")));
        }
        if (path.startsWith("/v2/positions/")) {
            String symbol = decode(path.substring("/v2/positions/".length()));
            return method.equals("DELETE") ? market.closePosition(symbol) : market.position(symbol);
        }
        if (key.equals("GET /v2/orders:by_client_order_id")) {
            return market.orderByClientId(q.getOrDefault("client_order_id", ""));
        }
        if (key.equals("GET /v2/orders")) {
            Set<String> symbols = q.containsKey("symbols") ? Set.of(q.get("symbols").split(",")) : Set.of();
            return market.listOrders(q.getOrDefault("status", "open"), Math.min(500, Integer.parseInt(q.getOrDefault("limit", "50"))),
                    symbols, "asc".equals(q.get("direction")));
        }
        if (key.equals("POST /v2/orders")) {
            JsonNode order;
            try {
                order = json.readTree(body);
            } catch (IOException e) {
                return FakeAlpacaMarket.error(new FakeAlpacaMarket.Refusal(400, 40010000, "request body format is invalid"));
            }
            orderBodies.add(order);
            return market.submit(order);
        }
        if (key.equals("DELETE /v2/orders")) {
            return market.cancelAll();
        }
        if (path.startsWith("/v2/orders/")) {
            String id = decode(path.substring("/v2/orders/".length()));
            return switch (method) {
                case "DELETE" -> market.cancel(id);
                case "PATCH" -> {
                    try {
                        yield market.replace(id, json.readTree(body));
                    } catch (IOException e) {
                        yield FakeAlpacaMarket.error(new FakeAlpacaMarket.Refusal(400, 40010000, "request body format is invalid"));
                    }
                }
                default -> market.orderById(id);
            };
        }
        if (key.equals("GET /v2/clock")) {
            return clock();
        }
        if (key.equals("GET /v2/calendar")) {
            return calendar(q);
        }
        Matcher m = Pattern.compile("/v2/stocks/([^/]+)/(bars|quotes/latest)").matcher(path);
        if (method.equals("GET") && m.matches()) {
            String symbol = decode(m.group(1));
            return m.group(2).equals("bars") ? bars(symbol, q) : market.latestQuote(symbol);
        }
        return FakeAlpacaMarket.error(new FakeAlpacaMarket.Refusal(404, 40410000, "endpoint not found: " + key));
    }

    private FakeAlpacaMarket.Reply clock() {
        Instant truth = market.now();
        ZonedDateTime now = truth.plus(clockOffset).atZone(NEW_YORK);
        FakeAlpacaSessions sessions = market.sessions();
        boolean open = clockSaysOpen != null ? clockSaysOpen
                : clockOffset.isZero() ? market.isOpen() : FakeAlpacaSessions.calendar().isOpen(now.toInstant());
        ObjectNode c = json.createObjectNode();
        DateTimeFormatter f = DateTimeFormatter.ISO_OFFSET_DATE_TIME;
        c.put("timestamp", now.format(f));
        c.put("is_open", open);
        c.put("next_open", sessions.nextOpen(now.toInstant()).atZone(NEW_YORK).format(f));
        c.put("next_close", sessions.nextClose(now.toInstant()).atZone(NEW_YORK).format(f));
        return new FakeAlpacaMarket.Reply(200, c);
    }

    private FakeAlpacaMarket.Reply calendar(Map<String, String> q) {
        LocalDate start = LocalDate.parse(q.getOrDefault("start", FakeAlpacaSessions.date(market.now()).toString()).substring(0, 10));
        LocalDate end = LocalDate.parse(q.getOrDefault("end", start.plusMonths(1).toString()).substring(0, 10));
        ArrayNode out = json.createArrayNode();
        for (LocalDate d : calendar.tradingDays(start, end)) {
            var s = calendar.session(d).orElseThrow();
            ObjectNode day = out.addObject();
            day.put("date", d.toString());
            day.put("open", s.open().toLocalTime().toString());
            day.put("close", s.close().toLocalTime().toString());
            day.put("session_open", "0400");
            day.put("session_close", "2000");
            day.put("settlement_date", calendar.nextTradingDay(d).toString());
        }
        return new FakeAlpacaMarket.Reply(200, out);
    }

    /** Alpaca's {@code GET /v2/stocks/{symbol}/bars}: daily bars between start and end, paged by next_page_token. */
    private FakeAlpacaMarket.Reply bars(String symbol, Map<String, String> q) {
        if (!"1Day".equals(q.get("timeframe"))) {
            return FakeAlpacaMarket.error(new FakeAlpacaMarket.Refusal(422, 42210000, "this fake serves timeframe=1Day only"));
        }
        String feed = q.getOrDefault("feed", "sip").toLowerCase(java.util.Locale.ROOT);
        if (!List.of("sip", "iex").contains(feed)) {
            return FakeAlpacaMarket.error(new FakeAlpacaMarket.Refusal(422, 42210000, "invalid feed"));
        }
        String adjustment = q.getOrDefault("adjustment", "raw");
        if (!List.of("raw", "split", "dividend", "all").contains(adjustment)) {
            return FakeAlpacaMarket.error(new FakeAlpacaMarket.Refusal(422, 42210000, "invalid adjustment"));
        }
        Instant start;
        Instant end;
        try {
            start = rfc3339(q.get("start"));
            end = q.containsKey("end") ? rfc3339(q.get("end")) : market.now();
        } catch (DateTimeParseException | IllegalArgumentException e) {
            return FakeAlpacaMarket.error(new FakeAlpacaMarket.Refusal(422, 42210000, "invalid start or end: " + e.getMessage()));
        }
        int limit = Math.min(Integer.parseInt(q.getOrDefault("limit", "1000")), maxBarsPerPage);
        List<Bar> inRange = new ArrayList<>();
        synchronized (this) {
            for (Bar b : bars.getOrDefault(symbol, List.of())) {
                Instant t = b.date().atStartOfDay(NEW_YORK).toInstant();
                if (!t.isBefore(start) && !t.isAfter(end)) {
                    inRange.add(b);
                }
            }
        }
        int from = q.containsKey("page_token")
                ? Integer.parseInt(new String(Base64.getDecoder().decode(q.get("page_token")), StandardCharsets.UTF_8)) : 0;
        int to = Math.min(inRange.size(), from + limit);
        ObjectNode out = json.createObjectNode();
        ArrayNode list = out.putArray("bars");
        for (Bar b : inRange.subList(from, to)) {
            double k = adjustment.equals("all") || adjustment.equals("dividend") ? b.adjClose() / b.close() : 1.0;
            ObjectNode j = list.addObject();
            j.put("t", b.date().atStartOfDay(NEW_YORK).toInstant().toString());
            j.put("o", b.open() * k);
            j.put("h", b.high() * k);
            j.put("l", b.low() * k);
            j.put("c", b.close() * k);
            j.put("v", b.volume());
            j.put("n", b.volume() / 100);
            j.put("vw", (b.high() + b.low() + b.close()) / 3 * k);
        }
        out.put("symbol", symbol);
        if (to < inRange.size()) {
            out.put("next_page_token", Base64.getEncoder().encodeToString(String.valueOf(to).getBytes(StandardCharsets.UTF_8)));
        } else {
            out.putNull("next_page_token");
        }
        return new FakeAlpacaMarket.Reply(200, out);
    }

    /** Alpaca wants RFC 3339 with seconds; a time without them is refused as Alpaca refuses it. */
    private static Instant rfc3339(String text) {
        if (text == null || !RFC3339.matcher(text).matches()) {
            throw new IllegalArgumentException("'" + text + "' is not RFC 3339 with seconds");
        }
        return OffsetDateTime.parse(text).toInstant();
    }

    private void send(HttpExchange ex, FakeAlpacaMarket.Reply reply) throws IOException {
        if (reply.body() == null) {
            ex.sendResponseHeaders(reply.status(), -1);
            return;
        }
        sendRaw(ex, reply.status(), json.writeValueAsString(reply.body()));
    }

    private void sendRaw(HttpExchange ex, int status, String text) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        if (bytes.length == 0) {
            ex.sendResponseHeaders(status, -1);
            return;
        }
        ex.getResponseHeaders().set("Content-Type", "application/json; charset=UTF-8");
        ex.getResponseHeaders().set("X-Ratelimit-Limit", rateLimit == Integer.MAX_VALUE ? "200" : String.valueOf(rateLimit));
        ex.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> out = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) {
            return out;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String k = decode(eq < 0 ? pair : pair.substring(0, eq));
            out.put(k, eq < 0 ? "" : decode(pair.substring(eq + 1)));
        }
        return out;
    }

    private static String decode(String s) {
        return URLDecoder.decode(s, StandardCharsets.UTF_8);
    }

    /** The conformance check of this server's exchanges (mismatches so far, exchanges checked). */
    public ConformanceFilter conformance() {
        return conformance;
    }

    /** Stops the server, then fails (AssertionError) if any exchange it served departed from Alpaca's specification. */
    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
        conformance.assertConforms();
    }
}
