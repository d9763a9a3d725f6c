package org.leverdesk.broker.alpaca;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.leverdesk.options.contract.OptionContract;
import org.leverdesk.options.contract.OptionSymbols;

/**
 * What {@link FakeAlpacaMarket} knows about options beyond its order book, as Alpaca documents it: the account's
 * options trading level (0–3; a paper account gets 3), each contract's Greeks and implied volatility for the
 * snapshots, the do-not-exercise instructions, the OPEXP/OPASN/OPEXC activities it has reported, the rules of a
 * multi-leg order's legs (422: 2 to 4 legs, distinct contracts of one underlying, ratios of positive whole numbers in
 * lowest terms) and the cash a set of option positions holds back (a cash-secured put its strike × 100, a vertical its
 * width × 100, an iron condor its larger width; a short call without a long call or 100 shares is uncovered).
 */
final class FakeAlpacaOptionBook {
    record Greeks(double iv, double delta, double gamma, double theta, double vega, double rho) {
    }

    record Activity(String id, String type, LocalDate date, String symbol, BigDecimal qty, BigDecimal netAmount) {
    }

    /** A refused leg set: the status, Alpaca's code and message. */
    record LegRefusal(int status, int code, String message) {
    }

    static final BigDecimal MULTIPLIER = BigDecimal.valueOf(100);

    int level = 3;
    /** The largest page the contracts and snapshots endpoints answer (tests lower it to check paging). */
    static volatile int pageCap = 10_000;
    final Map<String, Greeks> greeks = new HashMap<>();
    final Set<String> doNotExercise = new HashSet<>();
    final List<Activity> activities = new ArrayList<>();

    static boolean isOption(String symbol) {
        return OptionSymbols.isOption(symbol);
    }

    static BigDecimal multiplier(String symbol) {
        return isOption(symbol) ? MULTIPLIER : BigDecimal.ONE;
    }

    /** The level a single option order needs: 1 to sell covered or cash-secured, 2 to buy to open. */
    LegRefusal levelFor(int needed) {
        if (level < needed) {
            return new LegRefusal(403, 40310000, "account not eligible to trade this option strategy (options trading level "
                    + level + ", needs " + needed + ")");
        }
        return null;
    }

    /** The legs' problems Alpaca answers with 422, or null. */
    static LegRefusal checkLegs(JsonNode legs) {
        if (legs == null || !legs.isArray() || legs.size() < 2 || legs.size() > 4) {
            return new LegRefusal(422, 42210000, "mleg orders must have between 2 and 4 legs (got "
                    + (legs == null || !legs.isArray() ? 0 : legs.size()) + ")");
        }
        Set<String> symbols = new HashSet<>();
        String underlying = null;
        BigInteger gcd = BigInteger.ZERO;
        for (JsonNode leg : legs) {
            String symbol = leg.path("symbol").asText("");
            Optional<OptionContract> c = OptionSymbols.contract(symbol);
            if (c.isEmpty()) {
                return new LegRefusal(422, 42210000, "invalid leg symbol " + symbol + ": legs must be option contracts");
            }
            if (!symbols.add(c.get().compactSymbol())) {
                return new LegRefusal(422, 42210000, "duplicate leg symbol " + symbol);
            }
            if (underlying != null && !underlying.equals(c.get().underlying())) {
                return new LegRefusal(422, 42210000, "all legs must have the same underlying");
            }
            underlying = c.get().underlying();
            String side = leg.path("side").asText("");
            if (!side.equals("buy") && !side.equals("sell")) {
                return new LegRefusal(422, 42210000, "invalid leg side '" + side + "'");
            }
            BigDecimal ratio;
            try {
                ratio = new BigDecimal(leg.path("ratio_qty").asText("")).stripTrailingZeros();
            } catch (NumberFormatException e) {
                return new LegRefusal(422, 42210000, "ratio_qty must be a positive whole number");
            }
            if (ratio.signum() <= 0 || ratio.scale() > 0) {
                return new LegRefusal(422, 42210000, "ratio_qty must be a positive whole number");
            }
            gcd = gcd.gcd(ratio.toBigInteger());
        }
        if (!gcd.equals(BigInteger.ONE)) {
            return new LegRefusal(422, 42210000, "leg ratios must be in simplest form (their greatest common divisor is " + gcd + ")");
        }
        return null;
    }

    /**
     * The cash {@code positions} (symbol → signed quantity; options by their Alpaca symbols, shares by theirs) hold back.
     * Null when a short call is uncovered (neither a long call of the expiry nor 100 shares a contract).
     */
    static BigDecimal requirement(Map<String, BigDecimal> positions) {
        Map<String, List<Map.Entry<OptionContract, BigDecimal>>> byExpiry = new HashMap<>();
        positions.forEach((symbol, qty) -> OptionSymbols.contract(symbol).ifPresent(c -> {
            if (qty.signum() != 0) {
                byExpiry.computeIfAbsent(c.underlying() + c.expiry(), k -> new ArrayList<>()).add(Map.entry(c, qty));
            }
        }));
        BigDecimal total = BigDecimal.ZERO;
        Map<String, BigDecimal> sharesLeft = new HashMap<>(positions);
        for (List<Map.Entry<OptionContract, BigDecimal>> legs : byExpiry.values()) {
            BigDecimal puts = side(legs, false, null);
            BigDecimal calls = side(legs, true, sharesLeft);
            if (calls == null) {
                return null;
            }
            boolean pairedBoth = paired(legs, false) && paired(legs, true);
            total = total.add(pairedBoth ? puts.max(calls) : puts.add(calls));
        }
        return total;
    }

    private static boolean paired(List<Map.Entry<OptionContract, BigDecimal>> legs, boolean call) {
        return legs.stream().anyMatch(e -> e.getKey().isCall() == call && e.getValue().signum() < 0)
                && legs.stream().anyMatch(e -> e.getKey().isCall() == call && e.getValue().signum() > 0);
    }

    /** One right's requirement: each short contract against the nearest long one (its width), else its own rule. */
    private static BigDecimal side(List<Map.Entry<OptionContract, BigDecimal>> legs, boolean call, Map<String, BigDecimal> shares) {
        List<BigDecimal[]> longs = new ArrayList<>();
        List<BigDecimal[]> shorts = new ArrayList<>();
        String underlying = null;
        for (Map.Entry<OptionContract, BigDecimal> e : legs) {
            if (e.getKey().isCall() != call) {
                continue;
            }
            underlying = e.getKey().underlying();
            BigDecimal[] strikeQty = {e.getKey().strike(), e.getValue().abs()};
            (e.getValue().signum() > 0 ? longs : shorts).add(strikeQty);
        }
        BigDecimal need = BigDecimal.ZERO;
        for (BigDecimal[] s : shorts) {
            BigDecimal left = s[1];
            longs.sort((a, b) -> a[0].subtract(s[0]).abs().compareTo(b[0].subtract(s[0]).abs()));
            for (BigDecimal[] l : longs) {
                BigDecimal n = left.min(l[1]);
                if (n.signum() > 0) {
                    // A long call below the short call (or a long put above the short put) needs nothing more.
                    BigDecimal width = call ? s[0].subtract(l[0]).negate().max(BigDecimal.ZERO) : s[0].subtract(l[0]).max(BigDecimal.ZERO);
                    need = need.add(width.multiply(n).multiply(MULTIPLIER));
                    l[1] = l[1].subtract(n);
                    left = left.subtract(n);
                }
            }
            if (left.signum() > 0) {
                if (!call) {
                    need = need.add(s[0].multiply(left).multiply(MULTIPLIER));
                } else {
                    BigDecimal held = shares.getOrDefault(underlying, BigDecimal.ZERO);
                    BigDecimal needShares = left.multiply(MULTIPLIER);
                    if (held.compareTo(needShares) < 0) {
                        return null;
                    }
                    shares.put(underlying, held.subtract(needShares));
                }
            }
        }
        return need;
    }

    Activity record(String type, LocalDate date, String symbol, BigDecimal qty, BigDecimal net) {
        String id = date.toString().replace("-", "") + "160000000::" + UUID.randomUUID();
        Activity a = new Activity(id, type, date, symbol, qty, net);
        activities.add(a);
        return a;
    }

    /** {@code GET /v2/account/activities/{type}}: oldest first when asked asc, paged after {@code page_token}'s id. */
    JsonNode activities(String type, Map<String, String> q) {
        List<Activity> list = new ArrayList<>(activities.stream().filter(a -> a.type().equals(type)).toList());
        if (!"asc".equals(q.get("direction"))) {
            java.util.Collections.reverse(list);
        }
        int from = 0;
        if (q.containsKey("page_token")) {
            for (int i = 0; i < list.size(); i++) {
                if (list.get(i).id().equals(q.get("page_token"))) {
                    from = i + 1;
                }
            }
        }
        int size = Math.min(100, Integer.parseInt(q.getOrDefault("page_size", "100")));
        ArrayNode out = FakeAlpacaJson.mapper().createArrayNode();
        for (Activity a : list.subList(from, Math.min(list.size(), from + size))) {
            ObjectNode j = out.addObject();
            j.put("id", a.id());
            j.put("activity_type", a.type());
            j.put("date", a.date() + "T16:00:00Z");
            j.put("created_at", a.date() + "T21:30:00Z");
            j.put("symbol", a.symbol());
            j.put("qty", FakeAlpacaJson.plain(a.qty()));
            j.put("net_amount", FakeAlpacaJson.plain(a.netAmount()));
            j.put("status", "executed");
            j.put("currency", "USD");
        }
        return out;
    }

    /** {@code GET /v2/options/contracts} over the contracts {@code symbols} (Alpaca symbols), filtered and paged. */
    static JsonNode contracts(Set<String> symbols, Map<String, String> q) {
        List<OptionContract> all = matching(symbols, q);
        return page(all, q);
    }

    /** The contracts among {@code symbols} that pass {@code q}'s filters, by symbol. */
    static List<OptionContract> matching(Set<String> symbols, Map<String, String> q) {
        return symbols.stream().map(OptionSymbols::contract).flatMap(Optional::stream)
                .filter(c -> !q.containsKey("underlying_symbols") || List.of(q.get("underlying_symbols").split(",")).contains(c.underlying()))
                .filter(c -> !q.containsKey("type") || q.get("type").equals(c.isCall() ? "call" : "put"))
                .filter(c -> !q.containsKey("expiration_date") || c.expiry().equals(LocalDate.parse(q.get("expiration_date"))))
                .filter(c -> !q.containsKey("expiration_date_gte") || !c.expiry().isBefore(LocalDate.parse(q.get("expiration_date_gte"))))
                .filter(c -> !q.containsKey("expiration_date_lte") || !c.expiry().isAfter(LocalDate.parse(q.get("expiration_date_lte"))))
                .filter(c -> !q.containsKey("strike_price_gte") || c.strike().compareTo(new BigDecimal(q.get("strike_price_gte"))) >= 0)
                .filter(c -> !q.containsKey("strike_price_lte") || c.strike().compareTo(new BigDecimal(q.get("strike_price_lte"))) <= 0)
                .sorted(java.util.Comparator.comparing(OptionContract::compactSymbol)).toList();
    }

    private static JsonNode page(List<OptionContract> all, Map<String, String> q) {
        int limit = Math.min(pageCap, Integer.parseInt(q.getOrDefault("limit", "100")));
        int from = q.containsKey("page_token") ? Integer.parseInt(new String(Base64.getDecoder().decode(q.get("page_token")),
                StandardCharsets.UTF_8)) : 0;
        int to = Math.min(all.size(), from + limit);
        ObjectNode out = FakeAlpacaJson.mapper().createObjectNode();
        ArrayNode list = out.putArray("option_contracts");
        for (OptionContract c : all.subList(from, to)) {
            ObjectNode j = list.addObject();
            j.put("id", FakeAlpacaJson.assetId(c.compactSymbol()));
            j.put("symbol", c.compactSymbol());
            j.put("name", c.underlying() + " " + c.expiry() + " " + c.strike().stripTrailingZeros().toPlainString() + (c.isCall() ? " Call" : " Put"));
            j.put("status", "active");
            j.put("tradable", true);
            j.put("expiration_date", c.expiry().toString());
            j.put("root_symbol", c.underlying());
            j.put("underlying_symbol", c.underlying());
            j.put("underlying_asset_id", FakeAlpacaJson.assetId(c.underlying()));
            j.put("type", c.isCall() ? "call" : "put");
            j.put("style", "american");
            j.put("strike_price", c.strike().stripTrailingZeros().toPlainString());
            j.put("multiplier", "100");
            j.put("size", "100");
        }
        if (to < all.size()) {
            out.put("next_page_token", Base64.getEncoder().encodeToString(String.valueOf(to).getBytes(StandardCharsets.UTF_8)));
        } else {
            out.putNull("next_page_token");
        }
        return out;
    }

    /** A latest quote object of the options data API. */
    static ObjectNode quote(BigDecimal bid, BigDecimal ask, Instant at) {
        ObjectNode q = FakeAlpacaJson.mapper().createObjectNode();
        q.put("t", at.toString());
        q.put("bx", "C");
        q.put("bp", bid.doubleValue());
        q.put("bs", 10);
        q.put("ax", "C");
        q.put("ap", ask.doubleValue());
        q.put("as", 10);
        q.put("c", " ");
        return q;
    }
}
