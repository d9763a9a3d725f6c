package org.leverdesk.app.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.leverdesk.broker.BrokerOrder;
import org.leverdesk.domain.OrderStatus;
import org.leverdesk.store.OrderIntent;
import org.leverdesk.store.StoredOrder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code leverdesk orders}: the orders the store recorded, with what the broker holds open. */
@Command(name = "orders", mixinStandardHelpOptions = true,
        description = {"List the newest orders recorded in the store (client order id, symbol, side, quantity, type,",
                "status, filled) and the broker's open orders the store does not know. When the broker cannot be",
                "reached the store's list is still printed, with the reason the broker part is missing.",
                "While the daemon or the window runs, this is answered by it."})
public final class OrdersCommand implements Callable<Integer>, ForwardedCommand {
    static final ObjectMapper JSON = new ObjectMapper();

    @Spec
    CommandSpec spec;

    @Mixin
    StoreOptions store;

    @Mixin
    ConfigOptions config;

    @Option(names = "--json", description = "Print one JSON object {orders, unknownBrokerOrders}.")
    boolean json;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "50", description = "How many recorded orders (default 50).")
    int limit;

    @Override
    public Integer call() throws JsonProcessingException {
        if (limit < 1) {
            throw new IllegalArgumentException("--limit must be at least 1 (got " + limit + ")");
        }
        List<StoredOrder> stored;
        List<BrokerOrder> open = List.of();
        String brokerName;
        String brokerProblem;
        try (StoreLease lease = StoreLease.open(store, 0, true)) {
            stored = lease.app().orderQueries().recent(limit);
            LeasedBroker b = LeasedBroker.of(lease, config.file());
            brokerName = b.name();
            brokerProblem = b.problem();
            if (b.available()) {
                try {
                    open = b.broker().openOrders();
                } catch (RuntimeException e) {
                    brokerProblem = CliErrors.oneLine(e);
                }
            }
        }
        Map<String, BrokerOrder> openById = new HashMap<>();
        open.forEach(o -> openById.put(o.clientOrderId(), o));
        List<Map<String, Object>> rows = new ArrayList<>();
        for (StoredOrder s : stored) {
            rows.add(row(s, openById.remove(s.intent().clientOrderId())));
        }
        List<Map<String, Object>> unknown = new ArrayList<>();
        openById.values().forEach(o -> unknown.add(row(o)));
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            Map<String, Object> all = new LinkedHashMap<>();
            all.put("orders", rows);
            all.put("unknownBrokerOrders", unknown);
            Map<String, Object> broker = new LinkedHashMap<>();
            broker.put("name", brokerName);
            broker.put("available", brokerProblem == null);
            broker.put("problem", brokerProblem);
            all.put("broker", broker);
            out.println(JSON.writerWithDefaultPrettyPrinter().writeValueAsString(all));
        } else {
            if (brokerProblem != null) {
                out.println("broker " + brokerName + ": unavailable (" + brokerProblem + "); the orders below are what the"
                        + " store recorded, without the broker's open orders");
            }
            if (rows.isEmpty()) {
                out.println("no orders recorded");
            }
            for (Map<String, Object> r : rows) {
                out.println(String.format("%-40s %-6s %-4s %10s %-15s %-4s %-16s filled %s  %s", r.get("clientOrderId"),
                        r.get("symbol"), r.get("side"), r.get("quantity"), r.get("type"), r.get("timeInForce"), r.get("status"),
                        r.get("filled"), r.get("tradingDay")));
            }
            for (Map<String, Object> r : unknown) {
                out.println("open at the broker but not recorded: " + r.get("brokerOrderId") + " " + r.get("side") + " "
                        + r.get("quantity") + " " + r.get("symbol") + " " + r.get("type") + " " + r.get("status")
                        + " (client id " + r.get("clientOrderId") + ")");
            }
        }
        out.flush();
        return 0;
    }

    private static Map<String, Object> row(StoredOrder s, BrokerOrder atBroker) {
        OrderIntent i = s.intent();
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("clientOrderId", i.clientOrderId());
        r.put("strategyId", i.strategyId());
        r.put("tradingDay", i.tradingDay().toString());
        r.put("leg", i.leg());
        r.put("symbol", i.symbol());
        r.put("side", i.side().name());
        r.put("quantity", plain(i.quantity()));
        r.put("type", i.type().name());
        r.put("timeInForce", i.timeInForce().name());
        r.put("limitPrice", i.limitPrice() == null ? null : plain(i.limitPrice()));
        r.put("status", s.status().name());
        r.put("brokerOrderId", s.brokerOrderId());
        // The store keeps statuses, not fills: filled is the whole order once FILLED, the broker's count while open.
        r.put("filled", s.status() == OrderStatus.FILLED ? plain(i.quantity())
                : atBroker != null ? plain(atBroker.filledQuantity()) : "0");
        r.put("updatedAt", s.updatedAt().toString());
        return r;
    }

    private static Map<String, Object> row(BrokerOrder o) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("brokerOrderId", o.brokerOrderId());
        r.put("clientOrderId", o.clientOrderId());
        r.put("symbol", o.symbol());
        r.put("side", o.side().name());
        r.put("quantity", plain(o.quantity()));
        r.put("type", o.type().name());
        r.put("status", o.status().name());
        r.put("filled", plain(o.filledQuantity()));
        return r;
    }

    @Override
    public java.nio.file.Path dataDir() {
        return store.folder();
    }

    static String plain(BigDecimal v) {
        return v == null ? "0" : v.stripTrailingZeros().toPlainString();
    }
}
