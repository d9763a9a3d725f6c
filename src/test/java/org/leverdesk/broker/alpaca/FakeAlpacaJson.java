package org.leverdesk.broker.alpaca;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.UUID;

/** Alpaca's JSON shapes for the fake's orders, positions and errors, as the Trading API specification gives them. */
final class FakeAlpacaJson {
    static final MathContext MC = MathContext.DECIMAL64;
    private static final ObjectMapper JSON = new ObjectMapper();

    private FakeAlpacaJson() {
    }

    static ObjectMapper mapper() {
        return JSON;
    }

    static ObjectNode order(FakeOrder o) {
        ObjectNode j = JSON.createObjectNode();
        j.put("id", o.id);
        j.put("client_order_id", o.clientOrderId);
        j.put("created_at", o.createdAt.toString());
        j.put("updated_at", o.updatedAt.toString());
        j.put("submitted_at", o.createdAt.toString());
        time(j, "filled_at", o.filledAt);
        time(j, "expired_at", o.expiredAt);
        time(j, "canceled_at", o.canceledAt);
        time(j, "failed_at", o.failedAt);
        time(j, "replaced_at", o.replacedAt);
        j.put("replaced_by", o.replacedBy);
        j.put("replaces", o.replaces);
        boolean mleg = o.legs != null;
        if (!mleg) {
            j.put("asset_id", assetId(o.symbol));
            j.put("symbol", o.symbol);
        }
        j.put("asset_class", mleg || FakeAlpacaOptionBook.isOption(o.symbol) ? "us_option" : "us_equity");
        j.putNull("notional");
        j.put("qty", plain(o.qty));
        j.put("filled_qty", plain(o.filledQty));
        if (o.filledAvgPrice == null) {
            j.putNull("filled_avg_price");
        } else {
            j.put("filled_avg_price", plain(o.filledAvgPrice.setScale(4, RoundingMode.HALF_EVEN)));
        }
        j.put("order_class", o.orderClass);
        j.put("order_type", o.type);
        j.put("type", o.type);
        if (!mleg) {
            j.put("side", o.side);
            j.put("position_intent", o.positionIntent != null ? o.positionIntent : o.side.equals("buy") ? "buy_to_open" : "sell_to_close");
        }
        if (o.ratioQty != null) {
            j.put("ratio_qty", plain(o.ratioQty));
        }
        j.put("time_in_force", o.tif);
        decimal(j, "limit_price", o.limitPrice);
        decimal(j, "stop_price", o.stopPrice);
        j.put("status", o.status);
        j.put("extended_hours", false);
        if (mleg) {
            var legs = j.putArray("legs");
            o.legs.forEach(l -> legs.add(order(l)));
        } else if (o.ratioQty == null) {
            // A leg carries no "legs" (the spec's OrderLeg types it as an object that is "always null").
            j.putNull("legs");
        }
        j.putNull("trail_percent");
        j.putNull("trail_price");
        j.putNull("hwm");
        j.putNull("subtag");
        j.putNull("source");
        return j;
    }

    static ObjectNode position(String symbol, BigDecimal qty, BigDecimal available, BigDecimal avgPrice, BigDecimal last) {
        // An option's money is its price per share × 100 (Alpaca's market_value and cost_basis carry the multiplier).
        BigDecimal value = qty.multiply(last).multiply(FakeAlpacaOptionBook.multiplier(symbol));
        BigDecimal cost = qty.multiply(avgPrice).multiply(FakeAlpacaOptionBook.multiplier(symbol));
        ObjectNode p = JSON.createObjectNode();
        p.put("asset_id", assetId(symbol));
        p.put("symbol", symbol);
        p.put("exchange", "NASDAQ");
        p.put("asset_class", FakeAlpacaOptionBook.isOption(symbol) ? "us_option" : "us_equity");
        p.put("asset_marginable", true);
        p.put("avg_entry_price", plain(avgPrice));
        p.put("qty", plain(qty));
        p.put("qty_available", plain(available));
        p.put("side", qty.signum() >= 0 ? "long" : "short");
        p.put("market_value", plain(value));
        p.put("cost_basis", plain(cost));
        p.put("unrealized_pl", plain(value.subtract(cost)));
        p.put("unrealized_plpc", cost.signum() == 0 ? "0" : plain(value.subtract(cost).divide(cost.abs(), MC)));
        p.put("unrealized_intraday_pl", plain(value.subtract(cost)));
        p.put("unrealized_intraday_plpc", "0");
        p.put("current_price", plain(last));
        p.put("lastday_price", plain(last));
        p.put("change_today", "0");
        return p;
    }

    static ObjectNode error(int code, String message) {
        ObjectNode e = JSON.createObjectNode();
        e.put("code", code);
        e.put("message", message);
        return e;
    }

    static String assetId(String symbol) {
        return UUID.nameUUIDFromBytes(symbol.getBytes(java.nio.charset.StandardCharsets.UTF_8)).toString();
    }

    static String plain(BigDecimal v) {
        return v.signum() == 0 ? "0" : v.stripTrailingZeros().toPlainString();
    }

    private static void time(ObjectNode j, String field, Instant t) {
        if (t == null) {
            j.putNull(field);
        } else {
            j.put(field, t.toString());
        }
    }

    private static void decimal(ObjectNode j, String field, BigDecimal v) {
        if (v == null) {
            j.putNull(field);
        } else {
            j.put(field, plain(v));
        }
    }
}
