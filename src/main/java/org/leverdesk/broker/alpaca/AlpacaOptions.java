package org.leverdesk.broker.alpaca;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.leverdesk.broker.BrokerException;
import org.leverdesk.broker.MalformedBrokerAnswerException;
import org.leverdesk.broker.Quote;
import org.leverdesk.market.feed.FeedException;
import org.leverdesk.options.chain.ChainFilter;
import org.leverdesk.options.chain.ChainInputs;
import org.leverdesk.options.chain.OptionChain;
import org.leverdesk.options.chain.OptionQuote;
import org.leverdesk.options.contract.Expiry;
import org.leverdesk.options.contract.OptionContract;
import org.leverdesk.options.contract.OptionRight;
import org.leverdesk.options.contract.OptionSymbols;
import org.leverdesk.options.market.RiskFreeRate;
import org.leverdesk.options.market.VolatilityIndex;
import org.leverdesk.options.pricing.Greeks;

/**
 * Alpaca's options API, which alpaca-java 9.2.0 lacks, on the session's OkHttp and Jackson, with the paths, query
 * parameters and fields of Alpaca's Trading and Market Data OpenAPI specifications: option contracts
 * ({@code GET /v2/options/contracts}, paged by {@code next_page_token}), the chain with Greeks and implied volatility
 * ({@code GET /v1beta1/options/snapshots/{underlying}}), latest quotes ({@code GET /v1beta1/options/quotes/latest}),
 * exercise and do-not-exercise ({@code POST /v2/positions/{symbol}/exercise}, {@code .../do-not-exercise}) and the
 * account activities that report expiries, assignments and exercises ({@code GET /v2/account/activities/{type}}).
 * Every answer is read strictly: one malformed contract, quote or activity rejects the whole answer with a
 * {@link MalformedBrokerAnswerException}, so nothing is decided on it.
 */
public final class AlpacaOptions {
    /** Alpaca's largest page of contracts. */
    static final int CONTRACT_PAGE = 10_000;
    /** Alpaca's largest page of snapshots. */
    static final int SNAPSHOT_PAGE = 1_000;
    /** Alpaca's largest page of activities. */
    static final int ACTIVITY_PAGE = 100;
    /** Pages read at most in one call; a chain that needs more is refused rather than read forever. */
    static final int MAX_PAGES = 50;
    /** Alpaca gives no rate; the chain carries this one (Alpaca's Greeks are already computed with its own). */
    static final RiskFreeRate.Observation NO_RATE = new RiskFreeRate.Observation(RiskFreeRate.DEFAULT_FALLBACK, null,
            "fallback 3%: Alpaca's chain gives no rate and no DGS3MO T-bill rate is stored for the day");

    /** The activity types that end or deliver an option position. */
    public enum ActivityType { OPEXP, OPASN, OPEXC }

    /**
     * One option activity: {@code id} is Alpaca's (unique, "date::uuid"), {@code contract} the option, {@code contracts}
     * how many as Alpaca signs them, {@code netAmount} the cash it moved (0 for an expiry).
     */
    public record OptionActivity(String id, ActivityType type, LocalDate date, OptionContract contract, BigDecimal contracts,
                                 BigDecimal netAmount) {
    }

    /** The filters of {@code GET /v2/options/contracts}; null leaves one out. */
    public record ContractQuery(String underlying, LocalDate expiryFrom, LocalDate expiryTo, OptionRight right,
                                BigDecimal strikeMin, BigDecimal strikeMax) {
        public ContractQuery {
            if (underlying == null || underlying.isBlank()) {
                throw new IllegalArgumentException("an option contract query needs an underlying");
            }
        }
    }

    private final AlpacaSession session;
    private final AlpacaDataClient data;

    AlpacaOptions(AlpacaSession session) {
        this.session = session;
        this.data = new AlpacaDataClient(session);
    }

    /** Every active contract matching {@code q}, all pages, in Alpaca's order. */
    public List<OptionContract> contracts(ContractQuery q) {
        Map<String, String> query = new LinkedHashMap<>();
        query.put("underlying_symbols", q.underlying());
        query.put("status", "active");
        if (q.expiryFrom() != null) {
            query.put("expiration_date_gte", q.expiryFrom().toString());
        }
        if (q.expiryTo() != null) {
            query.put("expiration_date_lte", q.expiryTo().toString());
        }
        if (q.right() != null) {
            query.put("type", q.right() == OptionRight.CALL ? "call" : "put");
        }
        if (q.strikeMin() != null) {
            query.put("strike_price_gte", q.strikeMin().toPlainString());
        }
        if (q.strikeMax() != null) {
            query.put("strike_price_lte", q.strikeMax().toPlainString());
        }
        query.put("limit", String.valueOf(CONTRACT_PAGE));
        String endpoint = "GET /v2/options/contracts";
        List<OptionContract> out = new ArrayList<>();
        String token = null;
        for (int page = 0; page < MAX_PAGES; page++) {
            Map<String, String> ask = new LinkedHashMap<>(query);
            if (token != null) {
                ask.put("page_token", token);
            }
            JsonNode answer = session.readRest("list " + q.underlying() + " option contracts", "options/contracts", ask);
            StrictJson body = StrictJson.object(endpoint, "", answer);
            JsonNode list = answer.get("option_contracts");
            if (list == null || !list.isArray()) {
                throw body.fail("option_contracts", "is " + (list == null ? "missing" : list.getNodeType()) + ", not an array");
            }
            for (int i = 0; i < list.size(); i++) {
                out.add(contract(StrictJson.object(endpoint, "option_contracts[" + i + "]", list.get(i))));
            }
            token = body.optionalText("next_page_token");
            if (token == null || token.isEmpty()) {
                return out;
            }
        }
        throw new BrokerException("list " + q.underlying() + " option contracts: more than " + MAX_PAGES + " pages of "
                + CONTRACT_PAGE + "; narrow the expiry or strike range");
    }

    private static OptionContract contract(StrictJson c) {
        String symbol = c.text("symbol");
        OptionContract parsed = OptionSymbols.contract(symbol).orElseThrow(() -> c.fail("symbol", "is '" + symbol
                + "', not an OCC option symbol"));
        String type = c.oneOf("type", Set.of("call", "put"));
        BigDecimal strike = c.decimal("strike_price");
        LocalDate expiry = date(c, "expiration_date");
        BigDecimal multiplier = c.decimal("multiplier");
        String underlying = c.text("underlying_symbol");
        if ((type.equals("call")) != parsed.isCall() || strike.compareTo(parsed.strike()) != 0
                || !expiry.equals(parsed.expiry())) {
            throw c.fail("symbol", "is '" + symbol + "' but the fields say a " + type + " at " + strike.toPlainString()
                    + " expiring " + expiry);
        }
        if (multiplier.compareTo(BigDecimal.valueOf(OptionContract.STANDARD_MULTIPLIER)) != 0) {
            throw c.fail("multiplier", "is " + multiplier.toPlainString() + ": a non-standard contract (after a corporate"
                    + " action) that Leverdesk does not trade");
        }
        if (!underlying.equals(parsed.underlying())) {
            throw c.fail("underlying_symbol", "is '" + underlying + "' but the symbol's root is '" + parsed.underlying()
                    + "' (an adjusted contract Leverdesk does not trade)");
        }
        return parsed;
    }

    /**
     * The chain of {@code underlying} from Alpaca's snapshots (latest quote, Greeks, implied volatility per contract)
     * for the expiries of {@code filter}'s DTE window from {@code asOf} and its strikes around {@code spot}. A contract
     * without a two-sided quote (Alpaca's 0 for "none") or without Greeks is left out, as a market maker's missing quote
     * would be; the chain's 30-day ATM volatility is the implied volatility of the strike nearest the spot in the expiry
     * nearest 30 days (call and put averaged), and stands in for the volatility index in {@link ChainInputs}.
     */
    public OptionChain chain(String underlying, LocalDate asOf, double spot, ChainFilter filter) {
        return chain(underlying, asOf, spot, filter, null);
    }

    /**
     * The chain as {@link #chain(String, LocalDate, double, ChainFilter)}, its rate the T-bill rate of {@code rates} on
     * {@code asOf} (DGS3MO, as the synthetic chains use) and the 3% fallback, so labelled, only when it has none.
     */
    public OptionChain chain(String underlying, LocalDate asOf, double spot, ChainFilter filter, RiskFreeRate rates) {
        Map<String, String> query = new LinkedHashMap<>();
        query.put("expiration_date_gte", asOf.plusDays(filter.minDte()).toString());
        query.put("expiration_date_lte", asOf.plusDays(filter.maxDte()).toString());
        return chainOf(underlying, asOf, spot, filter, snapshots(underlying, query), rate(rates, asOf));
    }

    /**
     * One contract's quote from its snapshot (asked by expiry, type and strike, so one row rather than the expiry's
     * whole chain: a held leg's mark at every exit check), or empty when Alpaca has no two-sided quote with Greeks.
     */
    public Optional<OptionQuote> snapshot(OptionContract contract) {
        Map<String, String> query = new LinkedHashMap<>();
        query.put("type", contract.isCall() ? "call" : "put");
        query.put("expiration_date", contract.expiry().toString());
        String strike = contract.strike().stripTrailingZeros().toPlainString();
        query.put("strike_price_gte", strike);
        query.put("strike_price_lte", strike);
        return snapshots(contract.underlying(), query).stream().filter(q -> q.contract().occSymbol().equals(contract.occSymbol())).findFirst();
    }

    /** Every snapshot of {@code underlying} that {@code filters} select, page after page, as quotes (see {@link #snapshot}). */
    private List<OptionQuote> snapshots(String underlying, Map<String, String> filters) {
        Map<String, String> query = new LinkedHashMap<>(filters);
        query.put("limit", String.valueOf(SNAPSHOT_PAGE));
        List<OptionQuote> quotes = new ArrayList<>();
        String endpoint = "GET /v1beta1/options/snapshots/{underlying_symbol}";
        String token = null;
        int page = 0;
        do {
            if (page++ >= MAX_PAGES) {
                throw new BrokerException("read the " + underlying + " option chain: more than " + MAX_PAGES + " pages; narrow the DTE window");
            }
            Map<String, String> ask = new LinkedHashMap<>(query);
            if (token != null) {
                ask.put("page_token", token);
            }
            JsonNode answer = dataGet("read the " + underlying + " option chain", "/v1beta1/options/snapshots/" + underlying, ask);
            StrictJson body = StrictJson.object(endpoint, "", answer);
            JsonNode snapshots = answer.get("snapshots");
            if (snapshots == null || !snapshots.isObject()) {
                throw body.fail("snapshots", "is " + (snapshots == null ? "missing" : snapshots.getNodeType()) + ", not an object");
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = snapshots.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                OptionQuote q = snapshot(endpoint, e.getKey(), e.getValue(), underlying);
                if (q != null) {
                    quotes.add(q);
                }
            }
            token = body.optionalText("next_page_token");
        } while (token != null && !token.isEmpty());
        return quotes;
    }

    /** The T-bill rate of {@code asOf} when {@code rates} has one (not stale); otherwise the labelled fallback. */
    static RiskFreeRate.Observation rate(RiskFreeRate rates, LocalDate asOf) {
        if (rates != null) {
            RiskFreeRate.Observation o = rates.on(asOf);
            if (!o.isFallback()) {
                return o;
            }
        }
        return NO_RATE;
    }

    /** The chain record of {@code quotes}: the first maxExpiries expiries, strikesEachSide strikes each side of the spot. */
    static OptionChain chainOf(String underlying, LocalDate asOf, double spot, ChainFilter filter, List<OptionQuote> quotes,
                               RiskFreeRate.Observation rate) {
        TreeSet<LocalDate> dates = new TreeSet<>();
        quotes.forEach(q -> dates.add(q.contract().expiry()));
        List<LocalDate> kept = dates.stream().filter(d -> {
            long dte = d.toEpochDay() - asOf.toEpochDay();
            return dte >= filter.minDte() && dte <= filter.maxDte();
        }).limit(filter.maxExpiries()).toList();
        List<OptionQuote> out = new ArrayList<>();
        for (LocalDate d : kept) {
            TreeSet<BigDecimal> strikes = new TreeSet<>();
            quotes.stream().filter(q -> q.contract().expiry().equals(d)).forEach(q -> strikes.add(q.contract().strike()));
            List<BigDecimal> near = strikes.stream().sorted(Comparator.comparingDouble((BigDecimal k) -> Math.abs(k.doubleValue() - spot))
                    .thenComparing(Comparator.naturalOrder())).limit(2L * filter.strikesEachSide() + 1).toList();
            quotes.stream().filter(q -> q.contract().expiry().equals(d) && near.contains(q.contract().strike())).forEach(out::add);
        }
        out.sort(Comparator.comparing((OptionQuote q) -> q.contract().expiry()).thenComparing(q -> q.contract().strike())
                .thenComparing(q -> q.contract().isCall() ? 0 : 1));
        List<Expiry> expiries = kept.stream().map(d -> new Expiry(d, isMonthly(d))).toList();
        double atm30 = atmVolatility(out, asOf, spot);
        ChainInputs inputs = new ChainInputs(new VolatilityIndex.Observation(atm30 * 100, asOf, "Alpaca ATM implied volatility"),
                atm30, rate, 0);
        return new OptionChain(underlying, asOf, spot, inputs, expiries, out);
    }

    /** The standard monthly: the third Friday, or the Thursday before when that Friday is a holiday. */
    private static boolean isMonthly(LocalDate d) {
        return d.getDayOfWeek() == DayOfWeek.FRIDAY && d.getDayOfMonth() >= 15 && d.getDayOfMonth() <= 21
                || d.getDayOfWeek() == DayOfWeek.THURSDAY && d.getDayOfMonth() >= 14 && d.getDayOfMonth() <= 20;
    }

    private static double atmVolatility(List<OptionQuote> quotes, LocalDate asOf, double spot) {
        LocalDate best = null;
        for (OptionQuote q : quotes) {
            LocalDate d = q.contract().expiry();
            if (best == null || Math.abs(d.toEpochDay() - asOf.toEpochDay() - 30) < Math.abs(best.toEpochDay() - asOf.toEpochDay() - 30)) {
                best = d;
            }
        }
        if (best == null) {
            return Double.NaN;
        }
        LocalDate expiry = best;
        double nearest = quotes.stream().filter(q -> q.contract().expiry().equals(expiry))
                .mapToDouble(q -> Math.abs(q.contract().strikeValue() - spot)).min().orElseThrow();
        return quotes.stream().filter(q -> q.contract().expiry().equals(expiry)
                && Math.abs(Math.abs(q.contract().strikeValue() - spot) - nearest) < 1e-9)
                .mapToDouble(OptionQuote::impliedVolatility).average().orElseThrow();
    }

    /**
     * One snapshot as a quote, or null when it has no two-sided quote or no Greeks. Alpaca gives theta per day and
     * vega and rho per volatility / rate point; {@link Greeks} keeps theta per year and vega and rho per 1.00.
     */
    static OptionQuote snapshot(String endpoint, String symbol, JsonNode node, String underlying) {
        String path = "snapshots." + symbol;
        StrictJson s = StrictJson.object(endpoint, path, node);
        OptionContract c = OptionSymbols.contract(symbol).orElseThrow(() -> new MalformedBrokerAnswerException(endpoint,
                path, "is keyed '" + symbol + "', not an OCC option symbol"));
        if (!c.underlying().equals(underlying)) {
            throw new MalformedBrokerAnswerException(endpoint, path, "is a contract on " + c.underlying() + ", not " + underlying);
        }
        JsonNode quote = node.get("latestQuote");
        JsonNode greeks = node.get("greeks");
        if (quote == null || quote.isNull() || greeks == null || greeks.isNull()) {
            return null;
        }
        StrictJson q = StrictJson.object(endpoint, path + ".latestQuote", quote);
        double bid = q.decimal("bp").doubleValue();
        double ask = q.decimal("ap").doubleValue();
        if (bid < 0 || ask < 0 || bid > 0 && ask > 0 && ask < bid) {
            throw q.fail("ap", "is " + ask + " with the bid at " + bid + ": not a market");
        }
        if (ask == 0) {
            return null;
        }
        StrictJson g = StrictJson.object(endpoint, path + ".greeks", greeks);
        double delta = finite(g, "delta");
        if (Math.abs(delta) > 1 || (c.isCall() ? delta < 0 : delta > 0)) {
            throw g.fail("delta", "is " + delta + ", impossible for a " + (c.isCall() ? "call" : "put"));
        }
        BigDecimal ivValue = s.decimal("impliedVolatility");
        double iv = ivValue.doubleValue();
        if (!(iv > 0 && iv < 20)) {
            throw s.fail("impliedVolatility", "is " + ivValue.toPlainString() + ", not a volatility (a decimal such as 0.18)");
        }
        Greeks greek = new Greeks(delta, finite(g, "gamma"), finite(g, "theta") * 365, finite(g, "vega") * 100, finite(g, "rho") * 100);
        return new OptionQuote(c, bid, ask, (bid + ask) / 2, iv, greek);
    }

    private static double finite(StrictJson o, String field) {
        double v = o.decimal(field).doubleValue();
        if (!Double.isFinite(v)) {
            throw o.fail(field, "is not a finite number");
        }
        return v;
    }

    /** The latest quote of one contract ({@code symbol} padded or unpadded); a side at 0 is "no quote", refused with the reason. */
    public Quote latestQuote(String symbol) {
        OptionContract c = OptionSymbols.contract(symbol).orElseThrow(() -> new IllegalArgumentException(symbol + " is not an option"));
        String alpaca = c.compactSymbol();
        JsonNode answer = dataGet("read the latest " + alpaca + " quote", "/v1beta1/options/quotes/latest", Map.of("symbols", alpaca));
        String endpoint = "GET /v1beta1/options/quotes/latest";
        StrictJson body = StrictJson.object(endpoint, "", answer);
        JsonNode quotes = answer.get("quotes");
        if (quotes == null || !quotes.isObject()) {
            throw body.fail("quotes", "is missing or not an object");
        }
        JsonNode one = quotes.get(alpaca);
        if (one == null || one.isNull()) {
            throw new BrokerException("Alpaca has no quote for " + alpaca + "; check the contract");
        }
        StrictJson q = StrictJson.object(endpoint, "quotes." + alpaca, one);
        BigDecimal bid = q.decimal("bp");
        BigDecimal ask = q.decimal("ap");
        Instant at = q.time("t");
        if (bid.signum() < 0 || ask.signum() < 0) {
            throw q.fail("bp", "is negative");
        }
        if (ask.signum() == 0 || bid.signum() == 0) {
            throw new BrokerException("Alpaca has no two-sided quote for " + alpaca + " now (" + (ask.signum() == 0 ? "ask" : "bid")
                    + " is 0, Alpaca's 'none'); not pricing an order from it");
        }
        if (ask.compareTo(bid) < 0) {
            throw q.fail("ap", "is " + ask.toPlainString() + ", below the bid " + bid.toPlainString());
        }
        return new Quote(c.occSymbol(), bid.doubleValue(), ask.doubleValue(), (bid.doubleValue() + ask.doubleValue()) / 2, at);
    }

    /** Exercises every held contract of {@code symbol} now ({@code POST /v2/positions/{symbol}/exercise}); sent once. */
    public void exercise(String symbol) {
        instruct(symbol, "exercise");
    }

    /** Tells Alpaca not to exercise the held {@code symbol} at expiry even in the money ({@code .../do-not-exercise}); sent once. */
    public void doNotExercise(String symbol) {
        instruct(symbol, "do-not-exercise");
    }

    private void instruct(String symbol, String what) {
        String alpaca = AlpacaMapping.alpacaSymbol(symbol);
        if (!OptionSymbols.isOption(symbol)) {
            throw new IllegalArgumentException(what + ": " + symbol + " is not an option contract");
        }
        session.write(what + " " + alpaca, () -> {
            AlpacaSession.Answer a = session.rest("POST", "positions/" + alpaca + "/" + what, Map.of(), null);
            if (a.status() >= 300) {
                throw new BrokerException(what + " " + alpaca + " was refused by Alpaca (HTTP " + a.status() + "): " + a.message());
            }
            return null;
        });
    }

    /**
     * The activities of {@code type} created after {@code after} (null: all Alpaca keeps), oldest first, every page.
     * An activity Alpaca marks {@code canceled} is left out; one whose symbol, quantity or date is malformed rejects
     * the answer.
     */
    public List<OptionActivity> activities(ActivityType type, Instant after) {
        String endpoint = "GET /v2/account/activities/{activity_type}";
        List<OptionActivity> out = new ArrayList<>();
        String token = null;
        for (int page = 0; page < MAX_PAGES; page++) {
            Map<String, String> query = new LinkedHashMap<>();
            query.put("direction", "asc");
            query.put("page_size", String.valueOf(ACTIVITY_PAGE));
            if (after != null) {
                query.put("after", after.toString());
            }
            if (token != null) {
                query.put("page_token", token);
            }
            JsonNode answer = session.readRest("read Alpaca " + type + " activities", "account/activities/" + type.name(), query);
            JsonNode items = StrictJson.array(endpoint, answer);
            for (int i = 0; i < items.size(); i++) {
                StrictJson a = StrictJson.object(endpoint, "[" + i + "]", items.get(i));
                String id = a.text("id");
                String kind = a.text("activity_type");
                if (!kind.equals(type.name())) {
                    throw a.fail("activity_type", "is '" + kind + "' in the answer for " + type);
                }
                if ("canceled".equals(a.optionalText("status"))) {
                    continue;
                }
                String symbol = a.text("symbol");
                OptionContract c = OptionSymbols.contract(symbol).orElseThrow(() -> a.fail("symbol", "is '" + symbol
                        + "', not an OCC option symbol"));
                BigDecimal qty = a.decimal("qty");
                if (qty.signum() == 0 || qty.stripTrailingZeros().scale() > 0) {
                    throw a.fail("qty", "is " + qty.toPlainString() + ", not a whole number of contracts");
                }
                BigDecimal net = a.optionalDecimal("net_amount");
                out.add(new OptionActivity(id, type, date(a, "date"), c, qty, net == null ? BigDecimal.ZERO : net));
            }
            if (items.size() < ACTIVITY_PAGE) {
                return out;
            }
            token = out.isEmpty() ? StrictJson.object(endpoint, "[" + (items.size() - 1) + "]", items.get(items.size() - 1)).text("id")
                    : out.get(out.size() - 1).id();
        }
        throw new BrokerException("read Alpaca " + type + " activities: more than " + MAX_PAGES + " pages; ask from a later date");
    }

    private static LocalDate date(StrictJson o, String field) {
        String v = o.text(field);
        try {
            return LocalDate.parse(v.length() > 10 ? v.substring(0, 10) : v);
        } catch (DateTimeParseException e) {
            throw o.fail(field, "is '" + v + "', not a date");
        }
    }

    private JsonNode dataGet(String what, String path, Map<String, String> query) {
        try {
            return data.get(what, path, query);
        } catch (FeedException e) {
            throw new BrokerException(e.getMessage(), e);
        }
    }
}
