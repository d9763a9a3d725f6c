package org.leverdesk.backtest.parity;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.leverdesk.broker.Broker;
import org.leverdesk.broker.alpaca.AlpacaBroker;
import org.leverdesk.broker.alpaca.AlpacaOptionMarket;
import org.leverdesk.broker.alpaca.FakeAlpacaServer;
import org.leverdesk.broker.paper.PaperSettings;
import org.leverdesk.domain.BarSeries;
import org.leverdesk.domain.Fill;
import org.leverdesk.domain.Side;
import org.leverdesk.market.calendar.NyseCalendar;
import org.leverdesk.market.data.MarketData;
import org.leverdesk.options.chain.ChainFilter;
import org.leverdesk.options.chain.OptionQuote;
import org.leverdesk.options.chain.SyntheticChains;
import org.leverdesk.options.contract.OptionContract;
import org.leverdesk.options.contract.OptionRight;
import org.leverdesk.options.contract.OptionSymbols;
import org.leverdesk.store.Store;
import org.leverdesk.strategy.OptionMarket;

/**
 * The live side's account at the fake Alpaca server for the Alpaca parity replays: its clock is the replay's, its
 * quotes come from the replay's data (the underlying at its latest visible close, each option from the same synthetic
 * chain at that price and day, as the paper broker quotes), and, with {@code chainFromSnapshots}, the strategies read
 * their chains as live does on Alpaca ({@link AlpacaOptionMarket} over the fake's options snapshots endpoint, which
 * serves the same synthetic surface) rather than the synthetic chain object the replay hands in.
 */
final class AlpacaParityAccount implements ParityReplay.LiveAccount {
    /**
     * The strikes each side of the spot a chain the fake serves lists: a real listing's breadth around the money, more
     * than the spread strategies ask for (15% of the spot plus the width and 10: about 72 for QQQ at $380).
     */
    private static final int LISTED_EACH_SIDE = 100;

    private final SyntheticChains chains;
    private final boolean chainFromSnapshots;
    FakeAlpacaServer server;
    private AlpacaBroker broker;
    private MarketData visible;
    private final Map<String, List<FakeAlpacaServer.Snapshot>> answered = new java.util.HashMap<>();
    private LocalDate answeredDay;

    AlpacaParityAccount(SyntheticChains chains, boolean chainFromSnapshots) {
        this.chains = chains;
        this.chainFromSnapshots = chainFromSnapshots;
    }

    @Override
    public Broker open(Store store, MarketData visible, Clock clock, PaperSettings settings, SyntheticChains optionChains) {
        this.visible = visible;
        if (server == null) {
            server = FakeAlpacaServer.startSynchronousAt(clock.instant());
            server.setQuoteSource(this::quote);
            if (chainFromSnapshots) {
                server.setChainSource(this::snapshots);
            }
        }
        if (broker != null) {
            broker.close();
        }
        // The fake answers at once; Alpaca's 200 requests a minute would make a month of 10-minute checks take an hour.
        broker = AlpacaBroker.create(server.settings().withRequestsPerMinute(1_000_000));
        return broker;
    }

    @Override
    public Function<LocalDate, OptionMarket> optionMarket() {
        if (!chainFromSnapshots) {
            return null;
        }
        AlpacaBroker b = broker;
        // As the app wires it on Alpaca (AppContext): Alpaca's chain of the day, the T-bill rate beside the prices.
        return day -> new AlpacaOptionMarket(b.options(), day, chains.rates());
    }

    /** The underlying's latest visible close on {@code day}, or NaN when it has none. */
    private double spot(String underlying, LocalDate day) {
        BarSeries bars;
        try {
            bars = visible.barsUpTo(underlying, day);
        } catch (RuntimeException e) {
            return Double.NaN;
        }
        return bars.isEmpty() ? Double.NaN : bars.close(bars.size() - 1);
    }

    /** What the paper broker would quote: the latest visible close (no half-spread: free costs), options from the chain at it. */
    private double[] quote(String symbol, Instant at) {
        LocalDate day = at.atZone(NyseCalendar.ZONE).toLocalDate();
        var option = OptionSymbols.contract(symbol);
        double last = spot(option.map(OptionContract::underlying).orElse(symbol), day);
        if (Double.isNaN(last)) {
            return null;
        }
        if (option.isEmpty()) {
            return new double[] {last, last, last};
        }
        if (option.get().isExpiredOn(day)) {
            return null;
        }
        OptionQuote q = chains.quote(option.get(), day, last);
        return new double[] {q.bid(), q.ask(), q.mark()};
    }

    /**
     * The snapshots the fake's options endpoint gives for {@code query} at {@code at}: one contract's when the query
     * names it (expiry, type, one strike), else the synthetic chain of the asked expiry window, {@link #LISTED_EACH_SIDE}
     * strikes each side; Greeks in Alpaca's units (theta a day, vega and rho a point).
     */
    private List<FakeAlpacaServer.Snapshot> snapshots(String underlying, Instant at, Map<String, String> query) {
        LocalDate day = at.atZone(NyseCalendar.ZONE).toLocalDate();
        double spot = spot(underlying, day);
        if (Double.isNaN(spot) || !chains.underlyings().contains(underlying) || !chains.isAvailable(underlying, day)) {
            return List.of();
        }
        // A session's checks all see the day's bar: the same question that day has the same chain (priced once).
        Map<String, String> question = new java.util.TreeMap<>(query);
        question.remove("page_token");
        String key = underlying + " " + spot + " " + question;
        if (!day.equals(answeredDay)) {
            answered.clear();
            answeredDay = day;
        }
        return answered.computeIfAbsent(key, k -> price(underlying, day, spot, query));
    }

    private List<FakeAlpacaServer.Snapshot> price(String underlying, LocalDate day, double spot, Map<String, String> query) {
        List<OptionQuote> quotes;
        String strike = query.get("strike_price_gte");
        if (query.containsKey("expiration_date") && query.containsKey("type") && strike != null
                && strike.equals(query.get("strike_price_lte"))) {
            OptionContract c = OptionContract.of(underlying, LocalDate.parse(query.get("expiration_date")),
                    query.get("type").equals("call") ? OptionRight.CALL : OptionRight.PUT, new BigDecimal(strike));
            quotes = c.isExpiredOn(day) ? List.of() : List.of(chains.quote(c, day, spot));
        } else {
            int min = (int) (LocalDate.parse(query.get("expiration_date_gte")).toEpochDay() - day.toEpochDay());
            int max = (int) (LocalDate.parse(query.get("expiration_date_lte")).toEpochDay() - day.toEpochDay());
            quotes = chains.chain(underlying, day, spot, new ChainFilter(min, max, 100, LISTED_EACH_SIDE)).quotes();
        }
        List<FakeAlpacaServer.Snapshot> out = new ArrayList<>(quotes.size());
        for (OptionQuote q : quotes) {
            var g = q.greeks();
            out.add(new FakeAlpacaServer.Snapshot(q.contract().occSymbol(), q.bid(), q.ask(), q.impliedVolatility(), g.delta(),
                    g.gamma(), g.thetaPerDay(), g.vegaPerVolPoint(), g.rhoPerPercentPoint()));
        }
        return out;
    }

    @Override
    public void moved(Instant now) {
        server.advanceTo(now);
    }

    @Override
    public double equity() {
        return broker.account().equity().doubleValue();
    }

    @Override
    public List<Fill> fills() {
        List<Fill> out = new ArrayList<>();
        for (FakeAlpacaServer.Execution e : server.executions()) {
            String symbol = OptionSymbols.contract(e.symbol()).map(OptionContract::occSymbol).orElse(e.symbol());
            out.add(new Fill(e.at().atZone(NyseCalendar.ZONE).toLocalDate(), symbol, e.side().equals("buy") ? Side.BUY : Side.SELL,
                    e.qty().longValueExact(), e.price().doubleValue(), 0, ""));
        }
        return out;
    }

    @Override
    public void close() {
        if (broker != null) {
            broker.close();
        }
        if (server != null) {
            server.close();
        }
    }
}
