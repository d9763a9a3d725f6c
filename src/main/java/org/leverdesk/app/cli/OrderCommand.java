package org.leverdesk.app.cli;

import java.io.PrintWriter;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.Optional;
import org.leverdesk.app.context.AppContext;
import org.leverdesk.app.context.StoreOwner;
import org.leverdesk.app.context.TradingRuntime;
import org.leverdesk.broker.Broker;
import org.leverdesk.config.AppConfig;
import org.leverdesk.domain.OrderType;
import org.leverdesk.domain.Side;
import org.leverdesk.domain.TimeInForce;
import org.leverdesk.domain.TradingMode;
import org.leverdesk.execution.ManualOrderResult;
import org.leverdesk.execution.ManualOrderService;
import org.leverdesk.execution.ManualTicket;
import org.leverdesk.execution.QuoteGuard;
import org.leverdesk.execution.TicketPreview;
import org.leverdesk.risk.RiskGate;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code leverdesk order}: the window's order ticket, headless (same preview, risk gate, intent store and client order ids). */
@Command(name = "order", mixinStandardHelpOptions = true,
        description = {"Preview or send one manual order, as the window's order ticket does: e.g. 'order buy 10 TQQQ',",
                "'order sell 5 QQQ --limit 500', 'order buy 1000 TQQQ --dollars'. Prints the preview (price, cost,",
                "buying power after, position after, client order id ld-manual-<day>-<n>) and, unless --preview,",
                "sends it through the risk gate with the intent stored first. Exit code 1 when it was not sent.",
                "While the daemon or the window runs, this is answered by it (its broker, risk gate and store)."})
public final class OrderCommand implements Callable<Integer>, ForwardedCommand {
    @Spec
    CommandSpec spec;

    @Mixin
    StoreOptions store;

    @Mixin
    ConfigOptions config;

    @Parameters(index = "0", paramLabel = "SIDE", description = "buy or sell")
    String side;

    @Parameters(index = "1", paramLabel = "AMOUNT", description = "Whole shares (or dollars with --dollars)")
    BigDecimal amount;

    @Parameters(index = "2", paramLabel = "SYMBOL", description = "Ticker, e.g. TQQQ")
    String symbol;

    @Option(names = "--dollars", description = "AMOUNT is dollars: buys or sells the whole shares they pay for.")
    boolean dollars;

    @Option(names = "--limit", paramLabel = "PRICE", description = "A limit order at PRICE.")
    BigDecimal limit;

    @Option(names = "--stop", paramLabel = "PRICE", description = "A stop order at PRICE.")
    BigDecimal stop;

    @Option(names = "--gtc", description = "Good till cancelled (default: the day).")
    boolean gtc;

    @Option(names = "--preview", description = "Only print the preview; send nothing.")
    boolean previewOnly;

    @Option(names = "--confirm-live", description = "Required to send a real-money order when the settings select LIVE trading.")
    boolean confirmLive;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        Side s = switch (side.toLowerCase(Locale.ROOT)) {
            case "buy" -> Side.BUY;
            case "sell" -> Side.SELL;
            default -> throw new IllegalArgumentException("SIDE must be buy or sell (got '" + side + "')");
        };
        if (limit != null && stop != null) {
            throw new IllegalArgumentException("give --limit or --stop, not both");
        }
        OrderType type = limit != null ? OrderType.LIMIT : stop != null ? OrderType.STOP : OrderType.MARKET;
        ManualTicket ticket = new ManualTicket(symbol, s, dollars ? ManualTicket.Sizing.DOLLARS : ManualTicket.Sizing.SHARES, amount,
                type, limit, stop, gtc ? TimeInForce.GTC : TimeInForce.DAY);
        try (StoreLease lease = StoreLease.open(store, 0, true)) {
            AppContext app = lease.app();
            AppConfig cfg = config.file(lease).load();
            boolean live = cfg.broker().mode() == TradingMode.LIVE;
            Clock now = Clock.systemUTC();
            // Inside the daemon or the window: its broker and risk gate, so the order is gated with its runs.
            Optional<TradingRuntime> runtime = lease.owner().flatMap(StoreOwner::trading);
            Broker broker = runtime.map(TradingRuntime::broker).orElseGet(() -> app.broker(cfg));
            RiskGate gate = runtime.map(r -> r.execution().riskGate())
                    .orElseGet(() -> app.execution(broker, cfg.risk(), cfg.broker().mode(), now).riskGate());
            ManualOrderService orders = new ManualOrderService(broker, app.orders(), gate, new QuoteGuard(cfg.risk(), now),
                    app.journal(), now, live);
            TicketPreview p = orders.preview(ticket);
            out.println("preview at " + broker.name() + (live ? " (LIVE)" : "") + ": " + s.name().toLowerCase(Locale.ROOT) + " "
                    + p.shares() + " " + p.symbol() + " " + type + (p.price() == null ? "" : " at " + p.price().toPlainString())
                    + (p.estimatedValue() == null ? "" : ", value " + p.estimatedValue().toPlainString())
                    + (p.buyingPowerAfter() == null ? "" : ", buying power " + p.buyingPower().toPlainString() + " -> "
                    + p.buyingPowerAfter().toPlainString())
                    + ", position " + p.held() + " -> " + p.heldAfter() + (p.clientOrderId() == null ? "" : ", id " + p.clientOrderId()));
            p.warnings().forEach(w -> out.println("note: " + w));
            p.problems().forEach(w -> out.println("problem: " + w));
            if (previewOnly || !p.sendable()) {
                out.flush();
                return p.sendable() ? 0 : 1;
            }
            if (live && !confirmLive) {
                out.println("not sent: the settings select LIVE trading; add --confirm-live to send a real-money order");
                out.flush();
                return 1;
            }
            ManualOrderResult r = orders.submit(ticket);
            out.println((r.sent() ? "sent: " : "not sent: ") + r.message());
            out.flush();
            return r.sent() ? 0 : 1;
        }
    }

    @Override
    public java.nio.file.Path dataDir() {
        return store.folder();
    }
}
