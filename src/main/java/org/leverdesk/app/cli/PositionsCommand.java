package org.leverdesk.app.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.leverdesk.store.PositionSnapshotRepository;
import org.leverdesk.broker.Account;
import org.leverdesk.broker.BrokerPosition;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code leverdesk positions}: the broker's account and positions (the truth, not the store). */
@Command(name = "positions", mixinStandardHelpOptions = true,
        description = {"Print the broker's account (equity, cash, buying power, day P&L) and every position. When the",
                "broker cannot be reached, the positions of its latest reconciliation in the store are printed, with",
                "the reason. While the daemon or the window runs, this is answered by it."})
public final class PositionsCommand implements Callable<Integer>, ForwardedCommand {
    @Spec
    CommandSpec spec;

    @Mixin
    StoreOptions store;

    @Mixin
    ConfigOptions config;

    @Option(names = "--json", description = "Print one JSON object {broker, account, positions}.")
    boolean json;

    @Option(names = "--greeks", description = {"Also the option positions marked on the synthetic chain of the latest session:",
            "Greeks (delta in shares), days to expiry, P&L, collateral held, and spreads and condors grouped with maximum",
            "profit and loss, break-evens and exit levels (the Options view's numbers; --json adds an \"options\" object)."})
    boolean greeks;

    @Override
    public Integer call() throws JsonProcessingException {
        String name;
        Account a = null;
        List<BrokerPosition> positions = List.of();
        String problem;
        Map<String, PositionSnapshotRepository.Row> snapshot = Map.of();
        org.leverdesk.optionbook.OptionBook.Snapshot options = null;
        String optionsProblem = null;
        try (StoreLease lease = StoreLease.open(store, 0, true)) {
            LeasedBroker b = LeasedBroker.of(lease, config.file());
            name = b.name();
            problem = b.problem();
            if (b.available()) {
                try {
                    a = b.broker().account();
                    positions = b.broker().positions();
                } catch (RuntimeException e) {
                    problem = CliErrors.oneLine(e);
                }
            }
            if (problem != null) {
                snapshot = lease.app().positionSnapshots().latest(name);
            } else if (greeks) {
                try {
                    options = OptionPositionsReport.read(lease.app(), store.pricesDir, positions);
                } catch (RuntimeException e) {
                    optionsProblem = CliErrors.oneLine(e);
                }
            }
        }
        PrintWriter out = spec.commandLine().getOut();
        if (problem != null) {
            return unavailable(out, name, problem, snapshot);
        }
        if (json) {
            Map<String, Object> account = new LinkedHashMap<>();
            account.put("accountId", a.accountId());
            account.put("equity", OrdersCommand.plain(a.equity()));
            account.put("cash", OrdersCommand.plain(a.cash()));
            account.put("buyingPower", OrdersCommand.plain(a.buyingPower()));
            account.put("dayProfit", OrdersCommand.plain(a.dayProfit()));
            account.put("tradingBlocked", a.tradingBlocked());
            List<Map<String, Object>> rows = new ArrayList<>();
            for (BrokerPosition p : positions) {
                Map<String, Object> r = new LinkedHashMap<>();
                r.put("symbol", p.symbol());
                r.put("quantity", OrdersCommand.plain(p.quantity()));
                r.put("averageEntryPrice", OrdersCommand.plain(p.averageEntryPrice()));
                r.put("currentPrice", OrdersCommand.plain(p.currentPrice()));
                r.put("marketValue", OrdersCommand.plain(p.marketValue()));
                r.put("unrealizedProfit", OrdersCommand.plain(p.unrealizedProfit()));
                rows.add(r);
            }
            Map<String, Object> all = new LinkedHashMap<>();
            all.put("broker", name);
            all.put("account", account);
            all.put("positions", rows);
            if (greeks) {
                all.put("options", options != null ? OptionPositionsReport.json(options) : null);
                if (optionsProblem != null) {
                    all.put("optionsProblem", optionsProblem);
                }
            }
            out.println(OrdersCommand.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(all));
        } else {
            out.println("broker " + name + ", account " + a.accountId() + (a.tradingBlocked() ? " (TRADING BLOCKED)" : ""));
            out.println(String.format(java.util.Locale.ROOT, "equity $%,.2f  cash $%,.2f  buying power $%,.2f  day P&L $%,.2f",
                    a.equity(), a.cash(), a.buyingPower(), a.dayProfit()));
            if (positions.isEmpty()) {
                out.println("no positions");
            }
            for (BrokerPosition p : positions) {
                out.println(String.format(java.util.Locale.ROOT, "%-6s %10s @ %10s  now %10s  value $%,.2f  P&L $%,.2f",
                        p.symbol(), OrdersCommand.plain(p.quantity()), OrdersCommand.plain(p.averageEntryPrice()),
                        OrdersCommand.plain(p.currentPrice()), p.marketValue(), p.unrealizedProfit()));
            }
            if (options != null) {
                OptionPositionsReport.print(out, options);
            } else if (greeks) {
                out.println(optionsProblem != null ? "options cannot be marked: " + optionsProblem : "no option positions");
            }
        }
        out.flush();
        return 0;
    }

    /** The broker could not be read: what the store saw at the latest reconciliation, and why. */
    private int unavailable(PrintWriter out, String name, String problem,
                            Map<String, PositionSnapshotRepository.Row> snapshot) throws JsonProcessingException {
        List<PositionSnapshotRepository.Row> held = snapshot.values().stream().filter(r -> r.quantity().signum() != 0).toList();
        if (json) {
            List<Map<String, Object>> rows = new ArrayList<>();
            for (PositionSnapshotRepository.Row r : held) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("symbol", r.symbol());
                m.put("quantity", OrdersCommand.plain(r.quantity()));
                m.put("averageEntryPrice", OrdersCommand.plain(r.averageCost()));
                m.put("marketValue", OrdersCommand.plain(r.marketValue()));
                rows.add(m);
            }
            Map<String, Object> all = new LinkedHashMap<>();
            all.put("broker", name);
            all.put("available", false);
            all.put("problem", problem);
            all.put("account", null);
            all.put("positionsAtLastReconciliation", rows);
            out.println(OrdersCommand.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(all));
        } else {
            out.println("broker " + name + ": unavailable (" + problem + ")");
            out.println(held.isEmpty() ? "the store has no reconciled positions of " + name
                    : "positions at the latest reconciliation the store holds:");
            for (PositionSnapshotRepository.Row r : held) {
                out.println(String.format(java.util.Locale.ROOT, "%-6s %10s @ %10s  value then $%,.2f", r.symbol(),
                        OrdersCommand.plain(r.quantity()), OrdersCommand.plain(r.averageCost()), r.marketValue()));
            }
        }
        out.flush();
        return 0;
    }

    @Override
    public java.nio.file.Path dataDir() {
        return store.folder();
    }
}
