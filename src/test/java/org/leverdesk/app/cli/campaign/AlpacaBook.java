package org.leverdesk.app.cli.campaign;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.leverdesk.broker.alpaca.FakeAlpacaServer;

/**
 * What the fake Alpaca server holds, read over Alpaca's HTTP API as any client reads it, so the campaign
 * does not depend on how the fake keeps its book, and works when it accepts and fills orders later
 * (it waits until no order is in transit before it compares).
 */
final class AlpacaBook {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final URI base;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** One order at the broker: its client order id, status, side, symbol and filled quantity. */
    record Order(String clientOrderId, String status, String side, String symbol, BigDecimal filledQty) {
        /**
         * On its way somewhere: sent but not yet accepted, being cancelled or replaced, or partly filled. A stop or
         * limit resting at the broker ({@code new}, {@code accepted}) is settled: it may wait there for weeks.
         */
        boolean inTransit() {
            return List.of("pending_new", "accepted_for_bidding", "pending_cancel", "pending_replace", "partially_filled")
                    .contains(status);
        }
    }

    AlpacaBook(URI base) {
        this.base = base;
    }

    private JsonNode get(String pathAndQuery) {
        HttpRequest request = HttpRequest.newBuilder(base.resolve(pathAndQuery)).timeout(Duration.ofSeconds(10))
                .header("APCA-API-KEY-ID", FakeAlpacaServer.KEY_ID)
                .header("APCA-API-SECRET-KEY", FakeAlpacaServer.SECRET_KEY).GET().build();
        try {
            HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200) {
                throw new IllegalStateException("GET " + pathAndQuery + " answered " + r.statusCode() + ": " + r.body());
            }
            return JSON.readTree(r.body());
        } catch (IOException e) {
            throw new IllegalStateException("GET " + pathAndQuery + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** Every order the broker has (at most 500: a campaign epoch makes a handful). */
    List<Order> orders() {
        List<Order> out = new ArrayList<>();
        for (JsonNode o : get("/v2/orders?status=all&limit=500")) {
            out.add(new Order(o.path("client_order_id").asText(), o.path("status").asText(), o.path("side").asText(),
                    o.path("symbol").asText(), new BigDecimal(o.path("filled_qty").asText("0"))));
        }
        return out;
    }

    /** The broker's positions, symbol to signed quantity. */
    Map<String, BigDecimal> positions() {
        Map<String, BigDecimal> out = new TreeMap<>();
        for (JsonNode p : get("/v2/positions")) {
            BigDecimal qty = new BigDecimal(p.path("qty").asText("0"));
            if (qty.signum() != 0) {
                out.put(p.path("symbol").asText(), qty.stripTrailingZeros());
            }
        }
        return out;
    }

    /** Waits until no order is in transit (see {@link Order#inTransit()}); false when some still are after {@code timeout}. */
    boolean awaitSettled(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (orders().stream().anyMatch(Order::inTransit)) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(100);
        }
        return true;
    }
}
