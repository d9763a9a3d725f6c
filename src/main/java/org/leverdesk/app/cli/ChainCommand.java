package org.leverdesk.app.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.leverdesk.app.context.AppContext;
import org.leverdesk.domain.BarSeries;
import org.leverdesk.market.data.MarketData;
import org.leverdesk.options.chain.ChainFilter;
import org.leverdesk.options.chain.OptionChain;
import org.leverdesk.options.chain.OptionQuote;
import org.leverdesk.options.chain.SyntheticChains;
import org.leverdesk.options.contract.Expiry;
import org.leverdesk.options.contract.OptionRight;
import org.leverdesk.options.data.OptionMarketFiles;
import org.leverdesk.strategy.Fmt;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code leverdesk chain}: the synthetic option chain of an underlying at a day's close. */
@Command(name = "chain", mixinStandardHelpOptions = true,
        description = {"Print the synthetic option chain of QQQ, QQQM or SPY at a day's close: per expiry, each strike's",
                "call and put bid, ask, implied volatility and delta, priced from the close, the volatility index (VXN or",
                "VIX), the 3-month T-bill rate and the trailing dividend yield (README, Options)."})
public final class ChainCommand implements Callable<Integer>, ForwardedCommand {
    @Spec
    CommandSpec spec;

    @Option(names = "--symbol", defaultValue = "QQQ", paramLabel = "SYMBOL", description = "Underlying: QQQ, QQQM or SPY (default QQQ).")
    String symbol;

    @Option(names = "--date", paramLabel = "DATE", converter = CalendarCommand.IsoDate.class,
            description = "Session whose close prices the chain (default: the last one with data).")
    LocalDate date;

    @Option(names = "--dte", defaultValue = "7-45", paramLabel = "MIN-MAX", description = "Days-to-expiry window (default 7-45).")
    String dte;

    @Option(names = "--expiries", defaultValue = "3", paramLabel = "N", description = "At most N expiries, nearest first (default 3).")
    int expiries;

    @Option(names = "--strikes", defaultValue = "10", paramLabel = "N",
            description = "Strikes each side of the at-the-money one (default 10).")
    int strikes;

    @Option(names = "--json", description = "One JSON object: the inputs and every quote with its OCC symbol and Greeks.")
    boolean json;

    @Mixin
    StoreOptions store;

    @Override
    public Integer call() {
        String underlying = symbol.trim().toUpperCase(Locale.ROOT);
        ChainFilter filter = filter();
        OptionChain chain;
        String source;
        // The store's prices (the daemon's or the window's when one runs: then this runs inside it).
        try (StoreLease lease = StoreLease.open(store, 0, false)) {
            AppContext app = lease.app();
            MarketData data = app.marketData();
            SyntheticChains chains = data.isSimulated()
                    ? OptionMarketFiles.demoMarket(data, app.calendar())
                    : OptionMarketFiles.realMarket(store.pricesDir != null ? OptionMarketFiles.besidePrices(store.pricesDir)
                            : new OptionMarketFiles.Locations(null, null, null), data, app.calendar());
            if (!chains.underlyings().contains(underlying)) {
                throw new ParameterException(spec.commandLine(), "no synthetic options for " + underlying
                        + "; the underlyings with prices and a volatility index are " + chains.underlyings());
            }
            LocalDate to = date != null ? date : LocalDate.of(2100, 1, 1);
            BarSeries bars = data.barsUpTo(underlying, to);
            if (bars.isEmpty() || (date != null && !bars.lastDate().equals(date))) {
                throw new ParameterException(spec.commandLine(), "no " + underlying + " close on " + (date != null ? date : "any day")
                        + "; give a session with prices (" + data.sourceLabel() + ")");
            }
            chain = chains.chain(underlying, bars.lastDate(), bars.close(bars.size() - 1), filter);
            source = data.sourceLabel();
        }
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(json(chain, source));
        } else {
            print(out, chain, source);
        }
        out.flush();
        return 0;
    }

    private ChainFilter filter() {
        String[] parts = dte.split("-", -1);
        try {
            if (parts.length != 2) {
                throw new NumberFormatException();
            }
            return new ChainFilter(Integer.parseInt(parts[0].trim()), Integer.parseInt(parts[1].trim()), expiries, strikes);
        } catch (NumberFormatException e) {
            throw new ParameterException(spec.commandLine(), "--dte must be MIN-MAX days, like 7-45 (got '" + dte + "')");
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
    }

    private static void print(PrintWriter out, OptionChain chain, String source) {
        out.printf(Locale.ROOT, "%s %s close %s (%s)%n%s%n", chain.underlying(), chain.asOf(), Fmt.money(chain.spot()), source, chain.inputs());
        for (Expiry e : chain.expiries()) {
            out.printf(Locale.ROOT, "%n%s %s, %d DTE%n", e.date(), e.monthly() ? "monthly" : "weekly", e.daysFrom(chain.asOf()));
            out.printf(Locale.ROOT, "%9s %9s %7s %7s  %10s  %9s %9s %7s %7s%n",
                    "call bid", "call ask", "iv", "delta", "strike", "put bid", "put ask", "iv", "delta");
            List<OptionQuote> calls = chain.quotes(e.date(), OptionRight.CALL);
            List<OptionQuote> puts = chain.quotes(e.date(), OptionRight.PUT);
            for (int i = 0; i < calls.size(); i++) {
                OptionQuote c = calls.get(i);
                OptionQuote p = puts.get(i);
                out.printf(Locale.ROOT, "%9.2f %9.2f %6.1f%% %7.3f  %10s  %9.2f %9.2f %6.1f%% %7.3f%n",
                        c.bid(), c.ask(), c.impliedVolatility() * 100, c.delta(), c.contract().strike().stripTrailingZeros().toPlainString(),
                        p.bid(), p.ask(), p.impliedVolatility() * 100, p.delta());
            }
        }
    }

    private static String json(OptionChain chain, String source) {
        ObjectNode root = OrdersCommand.JSON.createObjectNode();
        root.put("underlying", chain.underlying());
        root.put("date", chain.asOf().toString());
        root.put("spot", chain.spot());
        root.put("source", source);
        root.put("index", chain.inputs().index().source());
        root.put("index_level", chain.inputs().index().level());
        root.put("atm30", chain.inputs().atm30());
        root.put("rate", chain.rate());
        root.put("rate_source", chain.inputs().rate().toString());
        root.put("dividend_yield", chain.dividendYield());
        ArrayNode quotes = root.putArray("quotes");
        for (OptionQuote q : chain.quotes()) {
            ObjectNode n = quotes.addObject();
            n.put("symbol", q.contract().occSymbol());
            n.put("expiry", q.contract().expiry().toString());
            n.put("right", q.contract().right().name());
            n.put("strike", q.contract().strike());
            n.put("bid", q.bid());
            n.put("ask", q.ask());
            n.put("mark", q.mark());
            n.put("iv", q.impliedVolatility());
            n.put("delta", q.delta());
            n.put("gamma", q.greeks().gamma());
            n.put("theta_per_day", q.greeks().thetaPerDay());
            n.put("vega_per_point", q.greeks().vegaPerVolPoint());
        }
        return root.toString();
    }

    @Override
    public java.nio.file.Path dataDir() {
        return store.folder();
    }
}
