package org.leverdesk.app.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.leverdesk.app.context.AppContext;
import org.leverdesk.broker.Account;
import org.leverdesk.broker.Broker;
import org.leverdesk.broker.BrokerPosition;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code leverdesk positions}: the broker's account and positions (the truth, not the store). */
@Command(name = "positions", mixinStandardHelpOptions = true,
        description = "Print the broker's account (equity, cash, buying power, day P&L) and every position.")
public final class PositionsCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    StoreOptions store;

    @Mixin
    ConfigOptions config;

    @Option(names = "--json", description = "Print one JSON object {broker, account, positions}.")
    boolean json;

    @Override
    public Integer call() throws JsonProcessingException {
        String name;
        Account a;
        List<BrokerPosition> positions;
        try (AppContext app = AppContext.open(store.dataDir, store.pricesDir, 0, true)) {
            Broker broker = app.broker(config.file().load());
            name = broker.name();
            a = broker.account();
            positions = broker.positions();
        }
        PrintWriter out = spec.commandLine().getOut();
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
        }
        out.flush();
        return 0;
    }
}
