package org.leverdesk.backtest.parity;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestReporter;
import org.leverdesk.backtest.BacktestConfig;
import org.leverdesk.backtest.CostModel;
import org.leverdesk.broker.Broker;
import org.leverdesk.broker.alpaca.AlpacaBroker;
import org.leverdesk.broker.alpaca.FakeAlpacaServer;
import org.leverdesk.broker.paper.PaperSettings;
import org.leverdesk.common.CancellationToken;
import org.leverdesk.common.ProgressListener;
import org.leverdesk.domain.BarSeries;
import org.leverdesk.domain.Fill;
import org.leverdesk.domain.Side;
import org.leverdesk.execution.StrategyRun;
import org.leverdesk.market.calendar.NyseCalendar;
import org.leverdesk.market.data.CsvBarReader;
import org.leverdesk.market.data.CsvDirectoryMarketData;
import org.leverdesk.market.data.MarketData;
import org.leverdesk.options.chain.OptionQuote;
import org.leverdesk.options.chain.SyntheticChains;
import org.leverdesk.options.contract.OptionContract;
import org.leverdesk.options.contract.OptionSymbols;
import org.leverdesk.options.data.OptionMarketFiles;
import org.leverdesk.store.Store;
import org.leverdesk.strategy.catalog.StrategyCatalog;
import org.leverdesk.testing.SharedPrices;

/**
 * Issue 16, the Alpaca half: {@code spreads} window of {@link SpreadParityReplayTest} (2023-07-03 to 2023-08-31) through the same live path,
 * but trading through {@link AlpacaBroker} (mleg orders over HTTP) against the fake Alpaca server on 127.0.0.1. The
 * fake's clock is the replay's simulated clock (moved to each job's minute and to each close), its market is the
 * replay's: every quote it gives comes from a quote-source hook fed by the same data the paper broker reads (the
 * underlying at its latest visible bar, each option from the same synthetic chain of real QQQ/VXN/DGS3MO at that
 * price and day). Compared with the backtest of those days: the same decisions, the same exits by kind and figures,
 * the same legs filled at the same prices on the same days, the same equity at every close to the cent. Skipped when
 * ../shared/data is absent.
 */
class AlpacaSpreadParityReplayTest {
    private final NyseCalendar calendar = new NyseCalendar();

    @Test
    void aMonthOnTheFakeAlpacaServerOpensAndClosesWhatTheBacktestDid(TestReporter reporter) {
        MarketData prices = new CsvDirectoryMarketData(SharedPrices.dir(), new CsvBarReader(calendar));
        SyntheticChains chains = OptionMarketFiles.realMarket(OptionMarketFiles.besidePrices(SharedPrices.dir()), prices, calendar);
        var d = StrategyCatalog.builtIn().require("spreads");
        BacktestConfig config = new BacktestConfig(LocalDate.parse("2023-07-03"), LocalDate.parse("2023-08-31"), 100_000,
                CostModel.FREE, false, null, true);
        List<AlpacaAccount> made = new ArrayList<>();
        ParityReport r = new ParityReplay(calendar, chains).withIntradayExits().withAccount(() -> {
                    AlpacaAccount a = new AlpacaAccount(chains);
                    made.add(a);
                    return a;
                })
                .compare(new StrategyRun(d.factory().create("QQQ", Map.of()), 1, null, 1.0), prices, "QQQ", ReplayJobs.of("spreads"),
                        config, ProgressListener.NONE, CancellationToken.NONE);
        reporter.publishEntry("spreads on Alpaca", r.summary());
        assertTrue(r.identical(), r.summary());
        assertTrue(r.fills() >= 8, "at least two positions opened and closed: " + r.summary());
        // The orders went to the fake as Alpaca mleg orders, one a position opened or closed.
        long mleg = made.get(0).server.orderBodies().stream().filter(b -> "mleg".equals(b.path("order_class").asText())).count();
        assertTrue(mleg >= 4, mleg + " mleg orders for " + r.fills() + " fills");
    }

    /** The live side's account at the fake Alpaca server: its quotes from the replay's data, its clock the replay's. */
    static final class AlpacaAccount implements ParityReplay.LiveAccount {
        private final SyntheticChains chains;
        private FakeAlpacaServer server;
        private AlpacaBroker broker;
        private MarketData visible;

        AlpacaAccount(SyntheticChains chains) {
            this.chains = chains;
        }

        @Override
        public Broker open(Store store, MarketData visible, Clock clock, PaperSettings settings, SyntheticChains optionChains) {
            this.visible = visible;
            if (server == null) {
                server = FakeAlpacaServer.startSynchronousAt(clock.instant());
                server.setQuoteSource(this::quote);
            }
            if (broker != null) {
                broker.close();
            }
            // The fake answers at once; Alpaca's 200 requests a minute would make a month of 10-minute checks take an hour.
            broker = AlpacaBroker.create(server.settings().withRequestsPerMinute(1_000_000));
            return broker;
        }

        /** What the paper broker would quote: the latest visible close (no half-spread: free costs), options from the chain at it. */
        private double[] quote(String symbol, Instant at) {
            LocalDate day = at.atZone(NyseCalendar.ZONE).toLocalDate();
            var option = OptionSymbols.contract(symbol);
            String underlying = option.map(OptionContract::underlying).orElse(symbol);
            BarSeries bars;
            try {
                bars = visible.barsUpTo(underlying, day);
            } catch (RuntimeException e) {
                return null;
            }
            if (bars.isEmpty()) {
                return null;
            }
            double last = bars.close(bars.size() - 1);
            if (option.isEmpty()) {
                return new double[] {last, last, last};
            }
            if (option.get().isExpiredOn(day)) {
                return null;
            }
            OptionQuote q = chains.quote(option.get(), day, last);
            return new double[] {q.bid(), q.ask(), q.mark()};
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
}
