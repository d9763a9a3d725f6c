package org.leverdesk.testing.openapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The checker itself: each kind of departure from Alpaca's specification is caught, and a conforming exchange passes. */
class OpenApiConformanceTest {
    private static final OpenApiConformance ALPACA = OpenApiConformance.alpaca();
    private static final String ORDER = """
            {"id":"7b08df51-c1ac-453c-99f9-323a5f075f0d","client_order_id":"c1","created_at":"2026-03-04T15:00:00Z",
             "updated_at":"2026-03-04T15:00:00Z","submitted_at":"2026-03-04T15:00:00Z","filled_at":null,"expired_at":null,
             "canceled_at":null,"failed_at":null,"replaced_at":null,"replaced_by":null,"replaces":null,
             "asset_id":"b0b6dd9d-8b9b-48a9-ba46-b9d54906e415","symbol":"QQQ","asset_class":"us_equity","notional":null,
             "qty":"2","filled_qty":"0","filled_avg_price":null,"order_class":"","order_type":"limit","type":"limit",
             "side":"buy","time_in_force":"gtc","limit_price":"150","stop_price":null,"status":"%s","extended_hours":false,
             "legs":null,"trail_percent":null,"trail_price":null,"hwm":null}""";

    private static Exchange exchange(String method, String path, Map<String, List<String>> query, String request, int status,
                                     String response) {
        return new Exchange(method, path, query, request == null ? null : "application/json",
                request == null ? null : request.getBytes(StandardCharsets.UTF_8), status, "application/json",
                response == null ? null : response.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aConformingOrderExchangePasses() {
        assertEquals(List.of(), ALPACA.check(exchange("POST", "/v2/orders", Map.of(),
                "{\"symbol\":\"QQQ\",\"qty\":\"2\",\"side\":\"buy\",\"type\":\"limit\",\"time_in_force\":\"gtc\",\"limit_price\":\"150\"}",
                200, ORDER.formatted("accepted"))));
    }

    @Test
    void aStatusOutsideTheEnumIsCaught() {
        List<String> problems = ALPACA.check(exchange("GET", "/v2/orders:by_client_order_id",
                Map.of("client_order_id", List.of("c1")), null, 200, ORDER.formatted("pending_review")));
        assertEquals(1, problems.size(), problems.toString());
        assertTrue(problems.get(0).contains("response body /status"), problems.get(0));
        assertTrue(problems.get(0).contains("enumeration"), problems.get(0));
    }

    @Test
    void aNumberWhereTheSpecTypesAStringIsCaughtInTheRequest() {
        List<String> problems = ALPACA.check(exchange("POST", "/v2/orders", Map.of(),
                "{\"symbol\":\"QQQ\",\"qty\":2,\"side\":\"buy\",\"type\":\"market\",\"time_in_force\":\"day\"}", 200,
                ORDER.formatted("accepted")));
        assertTrue(problems.stream().anyMatch(p -> p.contains("request body /qty: integer found, string expected")), problems.toString());
    }

    @Test
    void unknownAndInvalidQueryParametersAreCaught() {
        List<String> problems = ALPACA.check(exchange("GET", "/v2/orders",
                Map.of("status", List.of("pending"), "colour", List.of("red"), "limit", List.of("ten")), null, 200, "[]"));
        assertTrue(problems.stream().anyMatch(p -> p.contains("query parameter 'status' = 'pending'")), problems.toString());
        assertTrue(problems.stream().anyMatch(p -> p.contains("query parameter 'colour' is not in the specification")),
                problems.toString());
        assertTrue(problems.stream().anyMatch(p -> p.contains("query parameter 'limit' = 'ten' is not a integer")),
                problems.toString());
    }

    @Test
    void aMissingRequiredFieldAndAnUndeclaredSuccessStatusAreCaught() {
        List<String> missing = ALPACA.check(exchange("GET", "/v2/clock", Map.of(), null, 200,
                "{\"timestamp\":\"2026-03-04T10:00:00-05:00\",\"next_open\":\"2026-03-05T09:30:00-05:00\","
                        + "\"next_close\":\"2026-03-04T16:00:00-05:00\"}"));
        assertTrue(missing.stream().anyMatch(p -> p.contains("is_open")), missing.toString());
        List<String> status = ALPACA.check(exchange("DELETE", "/v2/orders", Map.of(), null, 200, "[]"));
        assertTrue(status.stream().anyMatch(p -> p.contains("status 200 is not among the declared [207, 500]")), status.toString());
    }

    @Test
    void theCancelAllItemIsTheSpecsIdAndStatusAndAnUndocumentedBodyTypeIsCaught() {
        assertEquals(List.of(), ALPACA.check(exchange("DELETE", "/v2/orders", Map.of(), null, 207,
                "[{\"id\":\"d56ba3ea-6d04-48ce-8175-817e242ee608\",\"status\":200}]")));
        List<String> problems = ALPACA.check(exchange("DELETE", "/v2/orders", Map.of(), null, 207,
                "[{\"id\":\"d56ba3ea-6d04-48ce-8175-817e242ee608\",\"status\":\"ok\"}]"));
        assertTrue(problems.stream().anyMatch(p -> p.contains("/0/status: string found, integer expected")), problems.toString());
    }

    @Test
    void errorBodiesFollowThePolicyWhereTheSpecIsSilent() {
        assertEquals(List.of(), ALPACA.check(exchange("GET", "/v2/orders/7b08df51-c1ac-453c-99f9-323a5f075f0d", Map.of(),
                null, 404, "{\"code\":40410000,\"message\":\"order not found\"}")));
        List<String> html = ALPACA.check(exchange("GET", "/v2/account", Map.of(), null, 500, "<html>oops</html>"));
        assertTrue(html.stream().anyMatch(p -> p.contains("error body is not JSON")), html.toString());
        List<String> noMessage = ALPACA.check(exchange("GET", "/v2/account", Map.of(), null, 403, "{\"code\":1}"));
        assertTrue(noMessage.stream().anyMatch(p -> p.contains("message")), noMessage.toString());
        List<String> teapot = ALPACA.check(exchange("GET", "/v2/account", Map.of(), null, 418, "{\"code\":1,\"message\":\"x\"}"));
        assertTrue(teapot.stream().anyMatch(p -> p.contains("status 418")), teapot.toString());
    }

    @Test
    void anOperationTheSpecDoesNotHaveIsCaught() {
        List<String> problems = ALPACA.check(exchange("GET", "/v2/ordersx", Map.of(), null, 200, "[]"));
        assertTrue(problems.get(0).startsWith("no operation GET /v2/ordersx"), problems.toString());
    }

    @Test
    void theMarketDataSpecChecksFeedNames() {
        OpenApiConformance data = OpenApiConformance.alpacaMarketData();
        String bars = "{\"bars\":[],\"symbol\":\"QQQ\",\"next_page_token\":null}";
        assertEquals(List.of(), data.check(exchange("GET", "/v2/stocks/QQQ/bars",
                Map.of("timeframe", List.of("1Day"), "feed", List.of("iex"), "start", List.of("2024-01-03")), null, 200, bars)));
        assertTrue(data.check(exchange("GET", "/v2/stocks/QQQ/bars", Map.of("timeframe", List.of("1Day"), "feed", List.of("IEX")),
                null, 200, bars)).get(0).contains("'feed' = 'IEX'"));
        assertTrue(data.check(exchange("GET", "/v2/stocks/QQQ/bars", Map.of("feed", List.of("sip")), null, 200, bars))
                .stream().anyMatch(p -> p.contains("required query parameter 'timeframe' is missing")));
    }

    @Test
    void theFilterOnARealServerFailsOnTheFirstMismatchAndSkipsExemptExchanges() throws Exception {
        ConformanceFilter filter = new ConformanceFilter(ALPACA);
        com.sun.net.httpserver.HttpServer server = com.sun.net.httpserver.HttpServer.create(
                new java.net.InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", ex -> {
            if (ex.getRequestURI().getPath().equals("/v2/positions")) {
                ConformanceFilter.exempt(ex, "a garbled answer on purpose");
            }
            byte[] body = "{\"is_open\":\"yes\"}".getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().set("Content-Type", "application/json");
            ex.sendResponseHeaders(200, body.length);
            try (var out = ex.getResponseBody()) {
                out.write(body);
            }
        }).getFilters().add(filter);
        server.start();
        try {
            var client = java.net.http.HttpClient.newHttpClient();
            String base = "http://127.0.0.1:" + server.getAddress().getPort();
            for (String path : List.of("/v2/positions", "/v2/clock")) {
                client.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(base + path)).build(),
                        java.net.http.HttpResponse.BodyHandlers.ofString());
            }
            assertEquals(1, filter.checked());
            assertEquals(1, filter.exempted());
            AssertionError e = assertThrows(AssertionError.class, filter::assertConforms);
            assertTrue(e.getMessage().contains("GET /v2/clock -> 200: response body"), e.getMessage());
        } finally {
            server.stop(0);
        }
    }
}
