package org.leverdesk.execution;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.leverdesk.broker.Account;
import org.leverdesk.broker.BrokerPosition;
import org.leverdesk.broker.MultiLegOrderRequest;
import org.leverdesk.broker.OrderRequest;
import org.leverdesk.broker.StrategyPortfolio;
import org.leverdesk.broker.sim.CommissionModel;
import org.leverdesk.broker.sim.SimBroker;
import org.leverdesk.config.ExternalPositions;
import org.leverdesk.domain.Bar;
import org.leverdesk.domain.BarSeries;
import org.leverdesk.domain.Decision;
import org.leverdesk.domain.History;
import org.leverdesk.domain.MarketSnapshot;
import org.leverdesk.domain.OrderStatus;
import org.leverdesk.domain.OrderType;
import org.leverdesk.domain.PortfolioView;
import org.leverdesk.domain.Position;
import org.leverdesk.domain.Side;
import org.leverdesk.domain.Target;
import org.leverdesk.domain.TimeInForce;
import org.leverdesk.market.calendar.NyseCalendar;
import org.leverdesk.options.chain.OptionQuote;
import org.leverdesk.options.contract.OptionContract;
import org.leverdesk.options.contract.OptionRight;
import org.leverdesk.options.pricing.Greeks;
import org.leverdesk.store.JournalRepository;
import org.leverdesk.store.OrderIntent;
import org.leverdesk.store.OrderQueries;
import org.leverdesk.store.OrderRepository;
import org.leverdesk.store.PositionLedger;
import org.leverdesk.store.Store;
import org.leverdesk.strategy.DecisionContext;
import org.leverdesk.strategy.OptionMarket;
import org.leverdesk.strategy.options.SpreadConfig;
import org.leverdesk.strategy.options.SpreadStrategy;

/**
 * Each holder of a shared contract sees its own average entry price (decision record 0031), hand-checked. Spreads sell
 * the 480/475 put spread of 2025-02-21 once at 2.00 / 1.30 (credit 0.70), the condor the same spread once more at
 * 3.00 / 1.90 (credit 1.10). The account holds −2 P480 at 2.50 and +2 P475 at 1.60, a credit of 0.90 that is neither's.
 * Each view carries its own prices, so each exit triggers at its own level:
 * <ul>
 *   <li>closing costs 0.60 (P480 ask 1.00, P475 bid 0.40): the condor's profit 1.10 − 0.60 = 0.50 reaches 40 % of its
 *       1.10 (0.44) and it closes; spreads' 0.10 is under 50 % of 0.70 (0.35). On the blend the condor's 0.30 would be
 *       under 40 % of 0.90 (0.36) and it would have held;</li>
 *   <li>closing costs 2.90 (P480 ask 3.40, P475 bid 0.50): spreads' loss 2.90 − 0.70 = 2.20 reaches 50 % of its maximum
 *       loss 5 − 0.70 = 4.30 (2.15) and it stops out; the condor's 1.80 is under 60 % of 3.90 (2.34). On the blend
 *       spreads' 2.00 would be under 50 % of 4.10 (2.05) and it would have held.</li>
 * </ul>
 * The same in a backtest (the simulated account's {@link SimOwnershipBook}) and in paper and live (the store's orders and
 * events, {@link PositionChecks}), also after the store is opened again, and after spreads' part is gone (the broker
 * keeps the 2.50 average of the condor's remaining contract; the condor still sees its 3.00).
 */
class OwnEntryPriceTest {
    private static final LocalDate DAY = LocalDate.of(2025, 1, 10);
    private static final LocalDate EXPIRY = LocalDate.of(2025, 2, 21);
    private static final OptionContract PUT_480 = OptionContract.of("QQQ", EXPIRY, OptionRight.PUT, "480");
    private static final OptionContract PUT_475 = OptionContract.of("QQQ", EXPIRY, OptionRight.PUT, "475");
    private static final String P480 = PUT_480.occSymbol();
    private static final String P475 = PUT_475.occSymbol();
    private static final Set<String> QQQ = Set.of("QQQ");
    private static final Instant NOW = ZonedDateTime.of(2025, 1, 10, 15, 50, 0, 0, NyseCalendar.ZONE).toInstant();
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    private static final Account ACCOUNT = new Account("PA1", bd("100000"), bd("100000"), bd("100000"), bd("100000"), false);
    private static final SpreadStrategy SPREADS = new SpreadStrategy(SpreadConfig.defaults(SpreadConfig.Mode.SPREADS));
    private static final SpreadStrategy CONDOR = new SpreadStrategy(SpreadConfig.defaults(SpreadConfig.Mode.CONDOR));
    private static final String CONDOR_TAKES_PROFIT = "close the 2025-02-21 position (1×, credit $1.10, now $0.60 to close,"
            + " P&L $50.00): profit take: $0.50 >= 40% of the credit $1.10";
    private static final String SPREADS_STOPS = "close the 2025-02-21 position (1×, credit $0.70, now $2.90 to close,"
            + " P&L -$220.00): stop: loss $2.20 >= 50% of the maximum loss $4.30";
    private static final String HOLDS = "exit check: 1 position(s) open, no exit level reached";

    @TempDir
    Path dir;

    private static BigDecimal bd(String v) {
        return new BigDecimal(v);
    }

    @Test
    void onOneSimulatedAccountEachStrategySeesItsOwnCreditAndExitsAtItsOwnLevels() {
        SimBroker sim = new SimBroker("sim", new BigDecimal("100000.00"), CommissionModel.FREE, new NyseCalendar(), NOW, true);
        sim.setQuote("QQQ", 490, 490, NOW);
        SimOwnershipBook book = new SimOwnershipBook(sim, List.of("spreads", "condor"));
        sim.setQuote(P480, 2.00, 2.10, NOW);
        sim.setQuote(P475, 1.20, 1.30, NOW);
        putSpread(sim, ClientOrderIds.of("spreads", 1, DAY, "open"));
        sim.setQuote(P480, 3.00, 3.10, NOW);
        sim.setQuote(P475, 1.80, 1.90, NOW);
        putSpread(sim, ClientOrderIds.of("condor", 1, DAY, "open"));
        Map<String, BrokerPosition> account = new TreeMap<>();
        sim.positions().forEach(p -> account.put(p.symbol(), p));
        assertEquals(0, bd("-2").compareTo(account.get(P480).quantity()));
        assertEquals(0, bd("2.50").compareTo(account.get(P480).averageEntryPrice()), "(2.00 + 3.00) / 2");
        assertEquals(0, bd("1.60").compareTo(account.get(P475).averageEntryPrice()), "(1.30 + 1.90) / 2");

        PortfolioView spreads = sim.portfolioView(QQQ, 0.5, book.ownership("spreads", QQQ));
        PortfolioView condor = sim.portfolioView(QQQ, 0.5, book.ownership("condor", QQQ));
        assertEquals(Map.of(P480, new Position(P480, -1, 2.00), P475, new Position(P475, 1, 1.30)), spreads.positions());
        assertEquals(Map.of(P480, new Position(P480, -1, 3.00), P475, new Position(P475, 1, 1.90)), condor.positions());
        exitsAtOwnLevels(spreads, condor);
    }

    @Test
    void inPaperAndLiveEachViewCarriesItsOwnPriceFromTheStoreAlsoAfterARestartAndWhenTheOtherPartIsGone() {
        // What the broker reports (Alpaca, or the paper account): one position per contract at the blended average.
        List<BrokerPosition> both = List.of(pos(P480, -2, "2.50"), pos(P475, 2, "1.60"));
        try (Store store = Store.open(dir)) {
            OrderRepository orders = new OrderRepository(store, CLOCK);
            filled(orders, "ld-spreads-1-s", "spreads", P480, Side.SELL, "2.00");
            filled(orders, "ld-spreads-1-l", "spreads", P475, Side.BUY, "1.30");
            filled(orders, "ld-condor-1-s", "condor", P480, Side.SELL, "3.00");
            filled(orders, "ld-condor-1-l", "condor", P475, Side.BUY, "1.90");
            PositionChecks book = checks(store);
            PortfolioView spreads = StrategyPortfolio.of(ACCOUNT, both, QQQ, 0.5, book.ownership("spreads", QQQ));
            PortfolioView condor = StrategyPortfolio.of(ACCOUNT, both, QQQ, 0.5, book.ownership("condor", QQQ));
            assertEquals(Map.of(P480, new Position(P480, -1, 2.00), P475, new Position(P475, 1, 1.30)), spreads.positions());
            assertEquals(Map.of(P480, new Position(P480, -1, 3.00), P475, new Position(P475, 1, 1.90)), condor.positions());
            exitsAtOwnLevels(spreads, condor);
        }
        try (Store store = Store.open(dir)) {
            // a restart: nothing but the orders was kept, and the views are the same
            PositionChecks book = checks(store);
            assertEquals(Map.of(P480, new Position(P480, -1, 2.00), P475, new Position(P475, 1, 1.30)),
                    StrategyPortfolio.of(ACCOUNT, both, QQQ, 0.5, book.ownership("spreads", QQQ)).positions());
            // spreads closes its part (buys the 480 back, sells the 475): the broker keeps the blend for what is left ...
            OrderRepository orders = new OrderRepository(store, CLOCK);
            filled(orders, "ld-spreads-2-s", "spreads", P480, Side.BUY, "1.00");
            filled(orders, "ld-spreads-2-l", "spreads", P475, Side.SELL, "0.40");
            List<BrokerPosition> condorsOnly = List.of(pos(P480, -1, "2.50"), pos(P475, 1, "1.60"));
            // ... the condor's view does not: its own 3.00 / 1.90, its credit 1.10
            assertEquals(Map.of(P480, new Position(P480, -1, 3.00), P475, new Position(P475, 1, 1.90)),
                    StrategyPortfolio.of(ACCOUNT, condorsOnly, QQQ, 0.5, book.ownership("condor", QQQ)).positions());
            assertEquals(Map.of(), StrategyPortfolio.of(ACCOUNT, condorsOnly, QQQ, 0.5, book.ownership("spreads", QQQ)).positions());
        }
    }

    /** Both strategies' exit checks on their own views at the two closing costs, and what the blend would have done. */
    private static void exitsAtOwnLevels(PortfolioView spreads, PortfolioView condor) {
        OptionMarket cheap = quotes(0.95, 1.00, 0.40, 0.45);
        OptionMarket dear = quotes(3.35, 3.40, 0.50, 0.55);
        Decision condorCheap = decide(CONDOR, condor, cheap);
        assertEquals(CONDOR_TAKES_PROFIT, condorCheap.explanation().summary());
        assertEquals(List.of(new Target(P480, 0), new Target(P475, 0)), condorCheap.targets().stream()
                .sorted(java.util.Comparator.comparing(Target::symbol).reversed()).toList());
        assertEquals(HOLDS, decide(SPREADS, spreads, cheap).explanation().summary());
        Decision spreadsDear = decide(SPREADS, spreads, dear);
        assertEquals(SPREADS_STOPS, spreadsDear.explanation().summary());
        assertEquals(2, spreadsDear.targets().size());
        assertEquals(HOLDS, decide(CONDOR, condor, dear).explanation().summary());

        // the account's blend (what each view carried before): neither exit would have triggered
        PortfolioView blend = StrategyPortfolio.fixed(50_000, 50_000, Map.of(P480, new Position(P480, -1, 2.50),
                P475, new Position(P475, 1, 1.60)));
        assertEquals(HOLDS, decide(CONDOR, blend, cheap).explanation().summary());
        assertEquals(HOLDS, decide(SPREADS, blend, dear).explanation().summary());
    }

    private static Decision decide(SpreadStrategy s, PortfolioView view, OptionMarket options) {
        Bar bar = new Bar(DAY, 485, 485, 485, 485, 1_000_000, 485);
        History qqq = new History(BarSeries.of("QQQ", List.of(bar)), 0);
        MarketSnapshot market = new MarketSnapshot(DAY, Map.of("QQQ", qqq));
        return s.decide(new DecisionContext(DAY, market, view, new NyseCalendar(), false, true, options, true));
    }

    /** Today's quotes of the two puts (the intraday exit check needs no chain). */
    private static OptionMarket quotes(double bid480, double ask480, double bid475, double ask475) {
        return new OptionMarket() {
            @Override
            public Optional<org.leverdesk.options.chain.OptionChain> chain(String underlying, double spot,
                                                                          org.leverdesk.options.chain.ChainFilter filter) {
                return Optional.empty();
            }

            @Override
            public Optional<OptionQuote> quote(OptionContract contract, double spot) {
                Greeks g = new Greeks(-0.3, 0.01, -20, 30, -5);
                if (contract.equals(PUT_480)) {
                    return Optional.of(new OptionQuote(contract, bid480, ask480, (bid480 + ask480) / 2, 0.2, g));
                }
                return contract.equals(PUT_475) ? Optional.of(new OptionQuote(contract, bid475, ask475, (bid475 + ask475) / 2, 0.2, g))
                        : Optional.empty();
            }
        };
    }

    private static void putSpread(SimBroker sim, String id) {
        sim.submitMultiLeg(new MultiLegOrderRequest(id, List.of(
                new OrderRequest(id + "-s", P480, Side.SELL, BigDecimal.ONE, OrderType.MARKET, TimeInForce.DAY, null, null),
                new OrderRequest(id + "-l", P475, Side.BUY, BigDecimal.ONE, OrderType.MARKET, TimeInForce.DAY, null, null)),
                OrderType.MARKET, TimeInForce.DAY, null));
    }

    private static BrokerPosition pos(String symbol, long q, String average) {
        BigDecimal value = BigDecimal.valueOf(q * 100L).multiply(new BigDecimal(average));
        return new BrokerPosition(symbol, BigDecimal.valueOf(q), new BigDecimal(average), value, new BigDecimal(average),
                BigDecimal.ZERO);
    }

    private static void filled(OrderRepository orders, String id, String strategy, String symbol, Side side, String price) {
        orders.insertIntent(new OrderIntent(id, strategy, DAY, "leg-" + id, symbol, side, BigDecimal.ONE, OrderType.MARKET,
                TimeInForce.DAY, null, null));
        orders.recordOutcome(id, OrderStatus.FILLED, "b-" + id, BigDecimal.ONE, new BigDecimal(price), null);
    }

    private static PositionChecks checks(Store store) {
        OrderRepository orders = new OrderRepository(store, CLOCK);
        return new PositionChecks(new PositionLedger(store, CLOCK), new OrderQueries(store, orders), new JournalRepository(store, CLOCK),
                ExternalPositions.IGNORE);
    }
}
