package org.leverdesk.broker.alpaca;

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
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.leverdesk.config.AlpacaEndpoint;
import org.leverdesk.domain.Bar;
import org.leverdesk.market.calendar.NyseCalendar;
import org.leverdesk.market.calendar.TradingCalendar;
import org.leverdesk.market.calendar.TradingCalendar.Session;
import org.leverdesk.testing.openapi.ConformanceFilter;
import org.leverdesk.testing.openapi.OpenApiConformance;

/**
 * A real HTTP server on 127.0.0.1 that answers like Alpaca's market data API v2 for stocks, as its
 * published OpenAPI specification describes it ({@code specs/data/openapi.yaml} of alpacahq/alpaca-java):
 * {@code GET /v2/stocks/{symbol}/bars} (timeframe 1Day, adjustment split/all, paged by next_page_token),
 * {@code /trades/latest}, {@code /quotes/latest} and {@code /snapshot}, with the spec's field names and
 * enums (a feed that is not one of the spec's lower-case names is a 400).
 *
 * <p>It serves daily bars the test gives it (real historical bars, usually) on its own clock
 * ({@link #setNow}): a session's bar exists from its open; while the session runs it is the day so far
 * ({@link #setIntraday}, by default the whole day's bar with its close as the latest trade). Like Alpaca
 * it refuses recent SIP data to a plan without real-time SIP: bars with {@code end} later than 15 minutes
 * ago get 422 "end is too late for subscription", latest trades, quotes and snapshots 403 "subscription
 * does not permit querying recent SIP data" (where the spec is silent about the exact codes, these are the
 * answers Alpaca users report). Tests can make it answer 429 with Retry-After and 5xx, and count requests.
 * Separate from the trading API's fake ({@link FakeAlpacaServer}) because Alpaca serves market data from
 * its own host with its own limits. Every exchange passes the same OpenAPI conformance check as the trading
 * fake's ({@link ConformanceFilter}); a request a test sends off-spec on purpose is marked exempt.
 */
public final class FakeAlpacaDataServer implements AutoCloseable {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(FakeAlpacaDataServer.class);
    public static final String KEY_ID = "PKDATA4FAKE2KEYID";
    public static final String SECRET_KEY = "fakeDataSecret-1a2b3c-DO-NOT-LOG";
    private static final Pattern RFC3339 = Pattern.compile("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d+)?(Z|[+-]\\d\\d:\\d\\d)");
    private static final Pattern PATH = Pattern.compile("/v2/stocks/([^/]+)/(bars|trades/latest|quotes/latest|snapshot)");
    private static final Duration RECENT = Duration.ofMinutes(15);

    /** The account's market data plan. */
    public enum Plan {
        /** Free: IEX in real time, SIP only older than 15 minutes. */
        BASIC,
        /** Algo Trader Plus: SIP in real time. */
        SIP
    }

    /** The session so far of a symbol on a day, as the snapshot and today's bar show it. */
    public record Intraday(double open, double high, double low, double last, long volume, Instant lastTradeAt) {
    }

    private record Fault(String pathPrefix, int status, int[] remaining, Long retryAfterSeconds) {
    }

    private final HttpServer server;
    private final ExecutorService threads;
    /** Every exchange is checked against the copied Market Data specification; {@link #close()} fails on a mismatch. */
    private final ConformanceFilter conformance = new ConformanceFilter(OpenApiConformance.alpacaMarketData());
    private final ObjectMapper json = new ObjectMapper();
    private final TradingCalendar calendar = new NyseCalendar();
    private final Map<String, List<Bar>> bars = new ConcurrentHashMap<>();
    private final Map<String, Map<LocalDate, Intraday>> intraday = new ConcurrentHashMap<>();
    private final Map<String, double[]> quotes = new ConcurrentHashMap<>();
    private final List<Fault> faults = new CopyOnWriteArrayList<>();
    private final List<String> requests = new CopyOnWriteArrayList<>();
    private final Map<String, CountDownLatch> arrivals = new ConcurrentHashMap<>();
    private final Map<String, Duration> holds = new ConcurrentHashMap<>();
    private volatile Supplier<Instant> clock = Instant::now;
    private volatile Plan plan = Plan.BASIC;
    private volatile int maxBarsPerPage = 10_000;
    private volatile Duration delay = Duration.ZERO;
    private volatile Duration openingPrintOnly = Duration.ZERO;
    private volatile boolean adjustsAsOfNow;

    private FakeAlpacaDataServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
        threads = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "fake-alpaca-data");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(threads);
        server.createContext("/", this::handle).getFilters().add(conformance);
        server.start();
    }

    /** Starts a server on a free port of 127.0.0.1. */
    public static FakeAlpacaDataServer start() {
        try {
            return new FakeAlpacaDataServer();
        } catch (IOException e) {
            throw new IllegalStateException("cannot start the fake Alpaca market data server: " + e.getMessage(), e);
        }
    }

    public URI baseUrl() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** Settings for an adapter that talks to this server: its keys, short timeouts and quick retries. */
    public AlpacaSettings settings() {
        return AlpacaSettings.of(AlpacaEndpoint.PAPER, KEY_ID, SECRET_KEY).withBaseUrl(baseUrl())
                .withCallTimeout(Duration.ofSeconds(5)).withRetries(4, Duration.ofMillis(20), Duration.ofMillis(200));
    }

    // ---- what it serves --------------------------------------------------------------------------

    /** The server's "now" (a simulated clock); the system clock by default. */
    public void setNow(Instant now) {
        clock = () -> now;
    }

    public void setClock(Supplier<Instant> now) {
        clock = now;
    }

    public void setPlan(Plan p) {
        plan = p;
    }

    /** The daily bars of {@code symbol} (split-adjusted OHLC and volume, adj_close for adjustment=all). */
    public void setBars(String symbol, List<Bar> series) {
        bars.put(symbol, List.copyOf(series));
    }

    public List<Bar> bars(String symbol) {
        return bars.getOrDefault(symbol, List.of());
    }

    /** The session so far of {@code symbol} on {@code day} (instead of the whole day's bar). */
    public void setIntraday(String symbol, LocalDate day, Intraday so) {
        intraday.computeIfAbsent(symbol, k -> new ConcurrentHashMap<>()).put(day, so);
    }

    /**
     * For {@code d} after each open, a day without {@link #setIntraday} is only its opening print (open = high =
     * low = latest trade, no volume yet), as a job minutes after the open sees it; later, the whole day's bar.
     */
    public void servesOpeningPrintFor(Duration d) {
        openingPrintOnly = d;
    }

    /**
     * Serves adjustment=all as Alpaca does, relative to now: each bar's factor (adj_close / close of the bars
     * given) divided by the factor of the newest session opened by now, so today's bar has factor 1 and the
     * day before an ex-date moves when that date comes. Off by default: the bars' own adjusted closes.
     */
    public void adjustsAsOfNow() {
        adjustsAsOfNow = true;
    }

    /** The latest quote of {@code symbol} (0 on a side means no active order there, as Alpaca sends it). */
    public void setQuote(String symbol, double bid, double ask) {
        quotes.put(symbol, new double[] {bid, ask});
    }

    public void setMaxBarsPerPage(int n) {
        maxBarsPerPage = n;
    }

    /** Every request waits this long before it is answered (a slow server). */
    public void setDelay(Duration d) {
        delay = d;
    }

    /** Requests whose path starts with {@code pathPrefix} wait {@code d} before they are answered (zero releases). */
    public void hold(String pathPrefix, Duration d) {
        holds.put(pathPrefix, d);
    }

    // ---- faults -------------------------------------------------------------------------------------

    /** The next {@code times} requests whose path starts with {@code pathPrefix} get {@code status} (5xx) and Alpaca's error body. */
    public void fail(String pathPrefix, int status, int times) {
        faults.add(new Fault(pathPrefix, status, new int[] {times}, null));
    }

    /** The next {@code times} requests whose path starts with {@code pathPrefix} get 429 with {@code Retry-After}. */
    public void rateLimit(String pathPrefix, int times, long retryAfterSeconds) {
        faults.add(new Fault(pathPrefix, 429, new int[] {times}, retryAfterSeconds));
    }

    /** Counts down when a request whose path starts with {@code pathPrefix} arrives (before it is answered). */
    public CountDownLatch arrivalOf(String pathPrefix) {
        return arrivals.computeIfAbsent(pathPrefix, k -> new CountDownLatch(1));
    }

    // ---- what it saw --------------------------------------------------------------------------------

    /** Every request, as "GET /path?query" (query decoded), in order. */
    public List<String> requests() {
        return List.copyOf(requests);
    }

    public long count(String pathPrefix) {
        return requests.stream().filter(r -> r.startsWith("GET " + pathPrefix)).count();
    }

    /** The decoded query parameters of every request to paths starting with {@code pathPrefix}. */
    public List<Map<String, String>> queries(String pathPrefix) {
        List<Map<String, String>> out = new ArrayList<>();
        for (String r : requests) {
            if (r.startsWith("GET " + pathPrefix)) {
                int q = r.indexOf('?');
                out.add(q < 0 ? Map.of() : query(r.substring(q + 1), false));
            }
        }
        return out;
    }

    // ---- HTTP ---------------------------------------------------------------------------------------

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            String path = ex.getRequestURI().getRawPath();
            String raw = ex.getRequestURI().getRawQuery();
            Map<String, String> q = query(raw, true);
            requests.add(ex.getRequestMethod() + " " + decode(path) + (raw == null ? "" : "?" + join(q)));
            arrivals.forEach((prefix, latch) -> {
                if (decode(path).startsWith(prefix)) {
                    latch.countDown();
                }
            });
            if (!delay.isZero()) {
                Thread.sleep(delay.toMillis());
            }
            for (Map.Entry<String, Duration> h : holds.entrySet()) {
                if (decode(path).startsWith(h.getKey()) && !h.getValue().isZero()) {
                    Thread.sleep(h.getValue().toMillis());
                }
            }
            if (!KEY_ID.equals(ex.getRequestHeaders().getFirst("APCA-API-KEY-ID"))
                    || !SECRET_KEY.equals(ex.getRequestHeaders().getFirst("APCA-API-SECRET-KEY"))) {
                send(ex, 401, error(40110000, "request is not authorized"), null);
                return;
            }
            Fault f = takeFault(decode(path));
            if (f != null) {
                send(ex, f.status(), error(f.status() == 429 ? 42910000 : 50010000,
                        f.status() == 429 ? "too many requests" : "internal server error occurred"), f.retryAfterSeconds());
                return;
            }
            if (ex.getRequestMethod().equals("GET") && path.equals("/v1/corporate-actions")) {
                send(ex, 200, corporateActions(q), null);
                return;
            }
            Matcher m = PATH.matcher(path);
            if (!ex.getRequestMethod().equals("GET") || !m.matches()) {
                ConformanceFilter.exempt(ex, "an endpoint the spec does not have");
                send(ex, 404, error(40410000, "endpoint not found"), null);
                return;
            }
            String symbol = decode(m.group(1));
            Reply r = switch (m.group(2)) {
                case "bars" -> bars(symbol, q);
                case "trades/latest" -> latest(symbol, q, "trade");
                case "quotes/latest" -> latest(symbol, q, "quote");
                default -> latest(symbol, q, "snapshot");
            };
            if (r.status() == 400) {
                // The request broke the spec (a test sends one on purpose); the check would only repeat that.
                ConformanceFilter.exempt(ex, "a request the spec does not allow, refused with 400");
            }
            send(ex, r.status(), r.body(), null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            LOG.error("the fake Alpaca market data server failed on {}", ex.getRequestURI(), e);
            throw e;
        }
    }

    private record Reply(int status, ObjectNode body) {
    }

    private synchronized Fault takeFault(String path) {
        for (Fault f : faults) {
            if (path.startsWith(f.pathPrefix()) && f.remaining()[0] > 0) {
                f.remaining()[0]--;
                return f;
            }
        }
        return null;
    }

    /** The spec's {@code stock_historical_feed}/{@code stock_latest_feed} enum; sip when absent (its default). */
    private static Optional<String> feed(Map<String, String> q, boolean latest) {
        String f = q.getOrDefault("feed", "sip");
        List<String> allowed = latest ? List.of("delayed_sip", "iex", "otc", "sip", "boats", "overnight")
                : List.of("iex", "otc", "sip", "boats");
        return allowed.contains(f) ? Optional.of(f) : Optional.empty();
    }

    private Reply bars(String symbol, Map<String, String> q) {
        if (!"1Day".equals(q.get("timeframe")) && !"1D".equals(q.get("timeframe"))) {
            return new Reply(400, error(40010001, "this fake serves timeframe=1Day only"));
        }
        Optional<String> feed = feed(q, false);
        if (feed.isEmpty()) {
            return new Reply(400, error(40010001, "invalid feed: " + q.get("feed")));
        }
        String adjustment = q.getOrDefault("adjustment", "raw");
        if (!List.of("raw", "split", "dividend", "all").contains(adjustment)) {
            return new Reply(400, error(40010001, "invalid adjustment"));
        }
        Instant now = clock.get();
        Instant start;
        Instant end;
        try {
            start = q.containsKey("start") ? rfc3339(q.get("start")) : LocalDate.ofInstant(now, NyseCalendar.ZONE)
                    .atStartOfDay(NyseCalendar.ZONE).toInstant();
            end = q.containsKey("end") ? rfc3339(q.get("end")) : (plan == Plan.SIP || !feed.get().equals("sip") ? now : now.minus(RECENT));
        } catch (DateTimeParseException | IllegalArgumentException e) {
            return new Reply(400, error(40010001, "invalid start or end: " + e.getMessage()));
        }
        if (plan == Plan.BASIC && feed.get().equals("sip") && end.isAfter(now.minus(RECENT))) {
            return new Reply(422, error(42210000, "end is too late for subscription"));
        }
        int limit;
        try {
            limit = Math.min(Integer.parseInt(q.getOrDefault("limit", "1000")), maxBarsPerPage);
        } catch (NumberFormatException e) {
            return new Reply(400, error(40010001, "invalid limit"));
        }
        if (limit < 1 || limit > 10_000) {
            return new Reply(400, error(40010001, "invalid limit"));
        }
        List<Bar> inRange = new ArrayList<>();
        for (Bar b : visible(symbol, now)) {
            Instant t = b.date().atStartOfDay(NyseCalendar.ZONE).toInstant();
            if (!t.isBefore(start) && !t.isAfter(end)) {
                inRange.add(b);
            }
        }
        int from = 0;
        if (q.containsKey("page_token")) {
            try {
                from = Integer.parseInt(new String(Base64.getDecoder().decode(q.get("page_token")), StandardCharsets.UTF_8));
            } catch (IllegalArgumentException e) {
                return new Reply(400, error(40010001, "invalid page_token"));
            }
        }
        int to = Math.min(inRange.size(), from + limit);
        ObjectNode out = json.createObjectNode();
        ArrayNode list = out.putArray("bars");
        List<Bar> seen = visible(symbol, now);
        double basis = adjustsAsOfNow && !seen.isEmpty() ? seen.get(seen.size() - 1).adjClose() / seen.get(seen.size() - 1).close() : 1.0;
        for (Bar b : inRange.subList(Math.min(from, to), to)) {
            double k = adjustment.equals("all") || adjustment.equals("dividend") ? b.adjClose() / b.close() / basis : 1.0;
            list.add(bar(b, k));
        }
        out.put("symbol", symbol);
        if (to < inRange.size()) {
            out.put("next_page_token", Base64.getEncoder().encodeToString(String.valueOf(to).getBytes(StandardCharsets.UTF_8)));
        } else {
            out.putNull("next_page_token");
        }
        return new Reply(200, out);
    }

    /** The bars that exist at {@code now}: every session opened by then, today's as the day so far. */
    private List<Bar> visible(String symbol, Instant now) {
        List<Bar> out = new ArrayList<>();
        for (Bar b : bars.getOrDefault(symbol, List.of())) {
            Optional<Session> s = calendar.session(b.date());
            if (s.isEmpty() || now.isBefore(s.get().open().toInstant())) {
                continue;
            }
            if (now.isBefore(s.get().close().toInstant())) {
                Intraday so = soFar(symbol, b, now);
                out.add(new Bar(b.date(), so.open(), so.high(), so.low(), so.last(), so.volume(), so.last() * b.adjClose() / b.close()));
            } else {
                out.add(b);
            }
        }
        return out;
    }

    private Intraday soFar(String symbol, Bar day, Instant now) {
        Intraday set = intraday.getOrDefault(symbol, Map.of()).get(day.date());
        if (set != null) {
            return set;
        }
        Session session = calendar.session(day.date()).orElseThrow();
        Instant close = session.close().toInstant();
        Instant last = now.isBefore(close) ? now.minusSeconds(1) : close.minusMillis(1);
        if (now.isBefore(session.open().toInstant().plus(openingPrintOnly))) {
            return new Intraday(day.open(), day.open(), day.open(), day.open(), 0, last);
        }
        return new Intraday(day.open(), day.high(), day.low(), day.close(), day.volume(), last);
    }

    /** Latest trade, latest quote or snapshot of {@code symbol} at the server's now. */
    /** A split Alpaca's corporate actions announce (new_rate:old_rate going ex on exDate). */
    private record Announced(String symbol, LocalDate exDate, double newRate, double oldRate) {
    }

    private final List<Announced> splits = new java.util.concurrent.CopyOnWriteArrayList<>();

    /** Announces a split in {@code GET /v1/corporate-actions} (a forward split when new > old, else a reverse one). */
    public void announceSplit(String symbol, LocalDate exDate, double newRate, double oldRate) {
        splits.add(new Announced(symbol, exDate, newRate, oldRate));
    }

    /** The forward and reverse splits of the asked symbols with an ex-date in start..end, in one page. */
    private ObjectNode corporateActions(Map<String, String> q) {
        java.util.Set<String> symbols = new java.util.HashSet<>(List.of(q.getOrDefault("symbols", "").split(",")));
        LocalDate start = q.containsKey("start") ? LocalDate.parse(q.get("start")) : LocalDate.MIN;
        LocalDate end = q.containsKey("end") ? LocalDate.parse(q.get("end")) : LocalDate.MAX;
        ObjectNode out = json.createObjectNode();
        ObjectNode actions = out.putObject("corporate_actions");
        com.fasterxml.jackson.databind.node.ArrayNode forward = actions.putArray("forward_splits");
        com.fasterxml.jackson.databind.node.ArrayNode reverse = actions.putArray("reverse_splits");
        for (Announced a : splits) {
            if (!symbols.contains(a.symbol()) || a.exDate().isBefore(start) || a.exDate().isAfter(end)) {
                continue;
            }
            boolean isReverse = a.newRate() < a.oldRate();
            ObjectNode s = (isReverse ? reverse : forward).addObject();
            s.put("id", java.util.UUID.nameUUIDFromBytes((a.symbol() + a.exDate()).getBytes(java.nio.charset.StandardCharsets.UTF_8)).toString());
            s.put("symbol", a.symbol());
            if (isReverse) {
                s.put("old_cusip", "000000000");
                s.put("new_cusip", "000000001");
            } else {
                s.put("cusip", "000000000");
            }
            s.put("new_rate", a.newRate());
            s.put("old_rate", a.oldRate());
            s.put("process_date", a.exDate().toString());
            s.put("ex_date", a.exDate().toString());
        }
        out.putNull("next_page_token");
        return out;
    }

    private Reply latest(String symbol, Map<String, String> q, String what) {
        Optional<String> feed = feed(q, true);
        if (feed.isEmpty()) {
            return new Reply(400, error(40010001, "invalid feed: " + q.get("feed")));
        }
        if (feed.get().equals("sip") && plan == Plan.BASIC) {
            return new Reply(403, error(40310000, "subscription does not permit querying recent SIP data"));
        }
        Instant now = clock.get();
        List<Bar> seen = visible(symbol, now);
        ObjectNode out = json.createObjectNode();
        out.put("symbol", symbol);
        if (seen.isEmpty()) {
            if (what.equals("snapshot")) {
                return new Reply(200, out); // the spec's snapshot has no required member
            }
            return new Reply(404, error(40410000, "no " + what + " found for " + symbol));
        }
        Bar today = seen.get(seen.size() - 1);
        Session s = calendar.session(today.date()).orElseThrow();
        boolean running = now.isBefore(s.close().toInstant());
        Instant tradeAt = running ? soFar(symbol, bars.get(symbol).stream().filter(b -> b.date().equals(today.date()))
                .findFirst().orElseThrow(), now).lastTradeAt() : s.close().toInstant().minusMillis(1);
        ObjectNode trade = json.createObjectNode();
        trade.put("t", tradeAt.toString());
        trade.put("x", "V");
        trade.put("p", today.close());
        trade.put("s", 100);
        trade.putArray("c").add("@");
        trade.put("i", 52983525029461L);
        trade.put("z", "B");
        double[] bidAsk = quotes.getOrDefault(symbol, new double[] {round(today.close() * 0.9999), round(today.close() * 1.0001)});
        ObjectNode quote = json.createObjectNode();
        quote.put("t", tradeAt.toString());
        quote.put("bx", bidAsk[0] == 0 ? " " : "V");
        quote.put("bp", bidAsk[0]);
        quote.put("bs", bidAsk[0] == 0 ? 0 : 200);
        quote.put("ax", bidAsk[1] == 0 ? " " : "V");
        quote.put("ap", bidAsk[1]);
        quote.put("as", bidAsk[1] == 0 ? 0 : 300);
        quote.putArray("c").add("R");
        quote.put("z", "B");
        switch (what) {
            case "trade" -> out.set("trade", trade);
            case "quote" -> out.set("quote", quote);
            default -> {
                out.set("latestTrade", trade);
                out.set("latestQuote", quote);
                out.set("minuteBar", bar(today, 1.0));
                out.set("dailyBar", bar(today, 1.0));
                if (seen.size() > 1) {
                    out.set("prevDailyBar", bar(seen.get(seen.size() - 2), 1.0));
                }
            }
        }
        return new Reply(200, out);
    }

    private ObjectNode bar(Bar b, double k) {
        ObjectNode j = json.createObjectNode();
        j.put("t", b.date().atStartOfDay(NyseCalendar.ZONE).toInstant().toString());
        j.put("o", b.open() * k);
        j.put("h", b.high() * k);
        j.put("l", b.low() * k);
        j.put("c", b.close() * k);
        j.put("v", b.volume());
        j.put("n", Math.max(1, b.volume() / 100));
        j.put("vw", (b.high() + b.low() + b.close()) / 3 * k);
        return j;
    }

    private static double round(double v) {
        return Math.round(v * 100) / 100.0;
    }

    private ObjectNode error(int code, String message) {
        ObjectNode e = json.createObjectNode();
        e.put("code", code);
        e.put("message", message);
        return e;
    }

    /** RFC 3339 with seconds, or YYYY-MM-DD (midnight UTC), as the spec allows. */
    private static Instant rfc3339(String text) {
        if (text != null && text.matches("\\d{4}-\\d\\d-\\d\\d")) {
            return LocalDate.parse(text).atStartOfDay(java.time.ZoneOffset.UTC).toInstant();
        }
        if (text == null || !RFC3339.matcher(text).matches()) {
            throw new IllegalArgumentException("'" + text + "' is not RFC 3339 with seconds");
        }
        return OffsetDateTime.parse(text).toInstant();
    }

    private void send(HttpExchange ex, int status, ObjectNode body, Long retryAfter) throws IOException {
        byte[] bytes = json.writeValueAsBytes(body);
        ex.getResponseHeaders().set("Content-Type", "application/json; charset=UTF-8");
        ex.getResponseHeaders().set("X-RateLimit-Limit", "200");
        ex.getResponseHeaders().set("X-RateLimit-Remaining", status == 429 ? "0" : "199");
        ex.getResponseHeaders().set("X-RateLimit-Reset", String.valueOf(clock.get().getEpochSecond() + 60));
        if (retryAfter != null) {
            ex.getResponseHeaders().set("Retry-After", String.valueOf(retryAfter));
        }
        ex.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static Map<String, String> query(String raw, boolean encoded) {
        Map<String, String> out = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) {
            return out;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String k = eq < 0 ? pair : pair.substring(0, eq);
            String v = eq < 0 ? "" : pair.substring(eq + 1);
            out.put(encoded ? decode(k) : k, encoded ? decode(v) : v);
        }
        return out;
    }

    private static String join(Map<String, String> q) {
        List<String> parts = new ArrayList<>();
        q.forEach((k, v) -> parts.add(k + "=" + v));
        return String.join("&", parts);
    }

    private static String decode(String s) {
        return URLDecoder.decode(s, StandardCharsets.UTF_8);
    }

    /** The conformance check of this server's exchanges. */
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
