package org.leverdesk.broker.alpaca;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.leverdesk.domain.Bar;
import org.leverdesk.market.calendar.NyseCalendar;
import org.leverdesk.market.calendar.TradingCalendar.Session;
import org.leverdesk.config.DataFeed;
import org.leverdesk.market.feed.FeedException;
import org.leverdesk.market.feed.FeedTiming;
import org.leverdesk.market.feed.LatestQuote;
import org.leverdesk.market.feed.MarketDataFeed;
import org.leverdesk.market.feed.SessionSnapshot;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Alpaca's market data as a {@link MarketDataFeed}, following Alpaca's Market Data OpenAPI specification
 * (v2 stocks): daily bars ({@code /v2/stocks/{symbol}/bars}, {@code timeframe=1Day}, read twice, with
 * {@code adjustment=split} for OHLC and volume and {@code adjustment=all} for the adjusted close, paged by
 * {@code next_page_token}), the session so far ({@code /snapshot}) and the latest quote
 * ({@code /quotes/latest}).
 *
 * <p>The feed: the one the settings name ({@link DataFeed}, IEX by default, SIP only for a plan with
 * real-time SIP). It is never guessed by asking SIP for recent data, since that is exactly the request a
 * free plan may not make. Every request names the feed, lower-case as the spec's enum. No bars request asks for anything later than
 * 15 minutes before now: Alpaca refuses recent data a plan does not cover ("end is too late for
 * subscription"), and final bars are older anyway. See docs/decisions/0002-market-data-feed.md.
 */
public final class AlpacaDataFeed implements MarketDataFeed {
    private static final Logger LOG = LoggerFactory.getLogger(AlpacaDataFeed.class);
    /** Alpaca's daily stock history starts in 2016. */
    public static final LocalDate HISTORY_START = LocalDate.of(2016, 1, 1);
    /** Alpaca's largest page. */
    public static final int MAX_PAGE = 10_000;
    /** What a plan without real-time SIP may not ask for. */
    static final Duration RECENT_LIMIT = Duration.ofMinutes(15);
    private static final DateTimeFormatter RFC3339 = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssXXX", Locale.ROOT);

    private final AlpacaSession session;
    private final boolean ownsSession;
    private final AlpacaDataClient client;
    private final FeedTiming timing;
    private final int pageLimit;
    private final String feed;

    /** A feed on {@code session} (closed by its owner) reading the free IEX feed. */
    public AlpacaDataFeed(AlpacaSession session, FeedTiming timing) {
        this(session, false, timing, DataFeed.IEX, MAX_PAGE);
    }

    /** With the feed {@code choice} and a page size (tests use a small one to exercise paging). */
    public AlpacaDataFeed(AlpacaSession session, FeedTiming timing, DataFeed choice, int pageLimit) {
        this(session, false, timing, choice, pageLimit);
    }

    private AlpacaDataFeed(AlpacaSession session, boolean ownsSession, FeedTiming timing, DataFeed choice, int pageLimit) {
        if (pageLimit < 1 || pageLimit > MAX_PAGE) {
            throw new IllegalArgumentException("page limit must be 1 to " + MAX_PAGE + " (got " + pageLimit + ")");
        }
        this.session = session;
        this.ownsSession = ownsSession;
        this.client = new AlpacaDataClient(session);
        this.timing = timing;
        this.pageLimit = pageLimit;
        this.feed = java.util.Objects.requireNonNull(choice, "choice").apiName();
    }

    /** A feed with its own session from {@code settings}; closing the feed closes the session. */
    public static AlpacaDataFeed open(AlpacaSettings settings, FeedTiming timing, DataFeed choice) {
        return new AlpacaDataFeed(new AlpacaSession(settings), true, timing, choice, MAX_PAGE);
    }

    /** "Alpaca market data (iex feed)". */
    /**
     * Alpaca's corporate actions ({@code GET /v1/corporate-actions?types=forward_split,reverse_split}, paged by
     * {@code next_page_token}): each forward and reverse split as new_rate:old_rate going ex on {@code ex_date}.
     */
    @Override
    public List<org.leverdesk.market.data.Split> splits(java.util.Set<String> symbols, LocalDate from, LocalDate to) {
        List<org.leverdesk.market.data.Split> out = new java.util.ArrayList<>();
        if (symbols.isEmpty()) {
            return out;
        }
        String token = null;
        do {
            Map<String, String> q = new LinkedHashMap<>();
            q.put("symbols", String.join(",", new java.util.TreeSet<>(symbols)));
            q.put("types", "forward_split,reverse_split");
            q.put("start", from.toString());
            q.put("end", to.toString());
            q.put("limit", "1000");
            q.put("page_token", token);
            JsonNode page = client.get("read the splits of " + String.join(",", symbols), "/v1/corporate-actions", q);
            JsonNode actions = page.path("corporate_actions");
            for (String kind : List.of("forward_splits", "reverse_splits")) {
                for (JsonNode s : actions.path(kind)) {
                    try {
                        out.add(new org.leverdesk.market.data.Split(s.path("symbol").asText(), LocalDate.parse(s.path("ex_date").asText()),
                                s.path("new_rate").decimalValue(), s.path("old_rate").decimalValue(), "alpaca"));
                    } catch (RuntimeException e) {
                        throw new FeedException(label() + " sent a split that does not read (" + s + "): " + e.getMessage(), e);
                    }
                }
            }
            JsonNode next = page.path("next_page_token");
            token = next.isTextual() && !next.asText().isBlank() ? next.asText() : null;
        } while (token != null);
        return out;
    }

    @Override
    public String label() {
        return "Alpaca market data (" + feed + " feed)";
    }

    @Override
    public String source() {
        return "alpaca-" + feed();
    }

    @Override
    public LocalDate historyStart() {
        return HISTORY_START;
    }

    /** The feed every request names: "iex" or "sip". */
    public String feed() {
        return feed;
    }

    @Override
    public List<Bar> finalBars(String symbol, LocalDate from, LocalDate to, Instant now) {
        LocalDate lastFinal = timing.lastFinalSession(now);
        LocalDate end = to.isAfter(lastFinal) ? lastFinal : to;
        if (from.isAfter(end)) {
            return List.of();
        }
        ZonedDateTime start = from.atStartOfDay(NyseCalendar.ZONE);
        // Never later than 15 minutes ago: a plan without real-time SIP may not ask for more, and a final bar
        // (its session closed 15 minutes ago or earlier, its time stamp is midnight) is never later anyway.
        Instant endAt = end.plusDays(1).atStartOfDay(NyseCalendar.ZONE).minusSeconds(1).toInstant();
        Instant limit = now.minus(RECENT_LIMIT);
        endAt = endAt.isAfter(limit) ? limit : endAt;
        String endText = RFC3339.format(endAt.atZone(NyseCalendar.ZONE));
        Map<LocalDate, JsonNode> split = readAll(symbol, RFC3339.format(start), endText, "split");
        Map<LocalDate, JsonNode> all = readAll(symbol, RFC3339.format(start), endText, "all");
        List<Bar> out = new ArrayList<>(split.size());
        for (Map.Entry<LocalDate, JsonNode> e : split.entrySet()) {
            LocalDate d = e.getKey();
            if (d.isBefore(from) || d.isAfter(end) || !timing.isFinal(d, now)) {
                continue;
            }
            JsonNode adjusted = all.get(d);
            if (adjusted == null) {
                throw new FeedException(symbol + " " + d + ": " + label() + " sent the bar without its adjusted close"
                        + " (adjustment=all); nothing of " + symbol + " was used, try again");
            }
            JsonNode b = e.getValue();
            out.add(new Bar(d, num(b, "o"), num(b, "h"), num(b, "l"), num(b, "c"), volume(b), num(adjusted, "c")));
        }
        return out;
    }

    /** Every daily bar from start to end with {@code adjustment}, following next_page_token, by New York date. */
    private Map<LocalDate, JsonNode> readAll(String symbol, String start, String end, String adjustment) {
        Map<LocalDate, JsonNode> out = new TreeMap<>();
        String token = null;
        do {
            Map<String, String> q = new LinkedHashMap<>();
            q.put("timeframe", "1Day");
            q.put("start", start);
            q.put("end", end);
            q.put("limit", Integer.toString(pageLimit));
            q.put("adjustment", adjustment);
            q.put("feed", feed());
            q.put("page_token", token);
            JsonNode page = client.get("read " + symbol + " daily bars", "stocks/" + symbol + "/bars", q);
            JsonNode bars = page.path("bars");
            if (bars.isArray()) {
                for (JsonNode b : bars) {
                    out.put(date(symbol, b.path("t")), b);
                }
            } else if (!bars.isNull() && !bars.isMissingNode()) {
                throw new FeedException(symbol + ": " + label() + " sent bars that are not a list; nothing of " + symbol
                        + " was used");
            }
            JsonNode next = page.path("next_page_token");
            token = next.isTextual() && !next.asText().isBlank() ? next.asText() : null;
        } while (token != null);
        return out;
    }

    @Override
    public Optional<SessionSnapshot> session(String symbol, Instant now) {
        Optional<Session> open = timing.sessionInProgress(now);
        if (open.isEmpty()) {
            return Optional.empty();
        }
        Session s = open.get();
        JsonNode snap = client.get("read the " + symbol + " snapshot", "stocks/" + symbol + "/snapshot", Map.of("feed", feed()));
        JsonNode day = snap.path("dailyBar");
        JsonNode trade = snap.path("latestTrade");
        if (!day.isObject() || !trade.isObject() || !date(symbol, day.path("t")).equals(s.date())) {
            return Optional.empty(); // no trade today on this feed yet
        }
        Instant tradeAt = instant(symbol, trade.path("t"));
        Instant openAt = s.open().toInstant();
        Instant closeAt = s.close().toInstant();
        if (tradeAt.isBefore(openAt)) {
            return Optional.empty(); // only pre-market trades so far
        }
        boolean closed = !now.isBefore(closeAt);
        // After the close the day bar holds the regular session; a later trade would be after hours.
        double last = closed ? num(day, "c") : num(trade, "p");
        Instant asOf = closed ? (tradeAt.isAfter(closeAt) ? tradeAt : closeAt) : tradeAt;
        // adjustment=all adjusts as of now: today's bar has no later event, so its factor is 1 on the basis of the
        // final bars read now (the refresh moves the stored ones onto it), and a dividend going ex today shows.
        return Optional.of(new SessionSnapshot(symbol, s.date(), num(day, "o"), num(day, "h"), num(day, "l"), last, asOf,
                volume(day), 1.0));
    }

    @Override
    public LatestQuote latestQuote(String symbol, Instant now) {
        JsonNode r = client.get("read the latest " + symbol + " quote", "stocks/" + symbol + "/quotes/latest", Map.of("feed", feed()));
        JsonNode q = r.path("quote");
        if (!q.isObject()) {
            return LatestQuote.none(symbol, symbol + ": " + label() + " has no quote (check the symbol)");
        }
        return LatestQuote.of(symbol, num(q, "bp"), num(q, "ap"), q.path("t").isTextual() ? instant(symbol, q.path("t")) : null,
                label());
    }

    private static double num(JsonNode n, String field) {
        JsonNode v = n.path(field);
        return v.isNumber() ? v.asDouble() : Double.NaN;
    }

    private static long volume(JsonNode n) {
        JsonNode v = n.path("v");
        return v.isNumber() ? v.asLong() : -1;
    }

    private LocalDate date(String symbol, JsonNode t) {
        return instant(symbol, t).atZone(NyseCalendar.ZONE).toLocalDate();
    }

    private Instant instant(String symbol, JsonNode t) {
        if (!t.isTextual()) {
            throw new FeedException(symbol + ": " + label() + " sent data without a time; nothing of " + symbol + " was used");
        }
        try {
            return java.time.OffsetDateTime.parse(t.asText()).toInstant();
        } catch (java.time.format.DateTimeParseException e) {
            throw new FeedException(symbol + ": " + label() + " sent the time '" + t.asText() + "', which is not RFC 3339; nothing of "
                    + symbol + " was used", e);
        }
    }

    @Override
    public void close() {
        if (ownsSession) {
            session.close();
        }
    }

    @Override
    public String toString() {
        return label();
    }
}
