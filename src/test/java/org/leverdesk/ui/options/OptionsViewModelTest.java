package org.leverdesk.ui.options;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.leverdesk.broker.Account;
import org.leverdesk.broker.BrokerPosition;
import org.leverdesk.optionbook.AccountGuardPanel;
import org.leverdesk.optionbook.FixedChainSource;
import org.leverdesk.optionbook.GuardLimit;
import org.leverdesk.optionbook.OptionBook;
import org.leverdesk.optionbook.OptionGroup;
import org.leverdesk.optionbook.PayoffCurve;
import org.leverdesk.strategy.options.SpreadConfig;
import org.leverdesk.ui.TestTaskExecutor;

/** The Options view's logic without a window, on a hand-made chain and a paper account holding a bull put spread. */
class OptionsViewModelTest {
    private static final Clock CLOCK = Clock.fixed(FixedChainSource.AS_OF.atTime(20, 0).toInstant(ZoneOffset.UTC), ZoneOffset.UTC);

    static List<BrokerPosition> positions() {
        return List.of(position("QQQ   250117P00480000", -2, "3.00"), position("QQQ   250117P00475000", 2, "1.80"),
                position("QQQ   250117C00490000", -1, "1.20"));
    }

    static BrokerPosition position(String symbol, int qty, String avg) {
        return new BrokerPosition(symbol, BigDecimal.valueOf(qty), new BigDecimal(avg), BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO);
    }

    static OptionsViewModel viewModel(OptionAccount account) {
        SpreadConfig spreads = SpreadConfig.defaults(SpreadConfig.Mode.SPREADS);
        return new OptionsViewModel(new OptionBook(new FixedChainSource()), account, new AccountGuardPanel(spreads), "QQQ",
                new TestTaskExecutor(), CLOCK);
    }

    static OptionAccount account(String equity, String cash, String lastEquity) {
        return () -> new OptionAccount.Holdings(new Account("paper", new BigDecimal(cash), new BigDecimal(equity), new BigDecimal(cash),
                new BigDecimal(lastEquity), false), positions());
    }

    @Test
    void chainRowsMarkTheMoneyAndHeldStrikes() {
        OptionsViewModel vm = viewModel(account("20000", "15000", "20500"));
        vm.refresh();
        assertEquals("", vm.errorMessageProperty().get());
        assertEquals("QQQ", vm.underlyingProperty().get());
        assertEquals(FixedChainSource.EXPIRY, vm.expiryProperty().get());
        assertEquals("synthetic chain priced from VXN 22.50 of 2025-01-02", vm.sourceTextProperty().get());
        assertEquals(5, vm.chainRows().size());
        List<ChainRow> atm = vm.chainRows().stream().filter(ChainRow::atTheMoney).toList();
        assertEquals(1, atm.size());
        assertEquals(480.0, atm.get(0).strike(), "spot 481.30: 480 is nearest");
        Map<Double, Double> heldPuts = vm.chainRows().stream().collect(Collectors.toMap(ChainRow::strike, ChainRow::heldPuts));
        assertEquals(-2.0, heldPuts.get(480.0));
        assertEquals(2.0, heldPuts.get(475.0));
        assertEquals(0.0, heldPuts.get(470.0));
        assertEquals(-1.0, vm.chainRows().get(4).heldCalls(), "the short 490 call");
        assertEquals("-2", OptionFormats.contracts(heldPuts.get(480.0)));
        assertEquals("20.00%", OptionFormats.iv(vm.chainRows().get(0).put().impliedVolatility()));
        assertEquals("-0.400", OptionFormats.greek(vm.chainRows().get(0).put().delta()));
    }

    @Test
    void positionsGroupsAndPayoff() {
        OptionsViewModel vm = viewModel(account("20000", "15000", "20500"));
        vm.refresh();
        assertEquals(3, vm.positions().size());
        assertEquals("3 option positions · net delta -45.0 shares · cash held as collateral $1,000.00 · 100 QQQ shares reserved"
                + " for covered calls", vm.positionsSummaryProperty().get());
        assertEquals(1, vm.groups().size());
        OptionGroup g = vm.selectedGroupProperty().get();
        assertEquals("bull put spread", g.kind());
        assertEquals("$240.00", OptionFormats.moneyOrUnlimited(g.summary().maxProfit()));
        assertEquals("$3.20", OptionFormats.price(3.2), "an option price in dollars and cents, as every price on screen");
        assertEquals("$1,234.57", OptionFormats.price(1234.567));
        assertEquals("$760.00", OptionFormats.moneyOrUnlimited(g.summary().maxLoss()));
        PayoffCurve curve = vm.payoffProperty().get();
        assertNotNull(curve);
        assertEquals(FixedChainSource.SPOT, curve.spot());
        // the diagram's expiry line: the full loss left of the long strike, the full credit right of the short strike
        assertEquals(-760.0, curve.atExpiry()[0], 1e-9);
        assertEquals(240.0, curve.atExpiry()[curve.prices().length - 1], 1e-9);
        for (int i = 0; i < curve.prices().length; i++) {
            assertTrue(curve.today()[i] >= -760 - 1e-6 && curve.today()[i] <= 240 + 1e-6, "today's value lies between max loss and profit");
        }
    }

    @Test
    void guardShowsUseAndWhatIsNotKnownHere() {
        OptionsViewModel vm = viewModel(account("20000", "15000", "20500"));
        vm.refresh();
        Map<String, GuardLimit> limits = vm.guardLimits().stream().collect(Collectors.toMap(GuardLimit::name, l -> l));
        assertEquals("$500.00 lost today (broker's day P&L)", limits.get("daily $ stop").use(),
                "no stored status: equity 20,000 against 20,500 at the last close");
        assertEquals(GuardLimit.State.OK, limits.get("daily $ stop").state());
        assertEquals("10.00% of equity = $2,000.00", limits.get("open risk").limit());
        assertEquals("$760.00 = 3.80%", limits.get("open risk").use());
        assertEquals("22.50 today", limits.get("volatility ceiling").use());
        assertEquals("-45.0 shares", limits.get("direction cap").use());
        assertEquals("$14,000.00 free of collateral", limits.get("cash buffer").use(), "15,000 cash − 1,000 held");
        assertEquals(GuardLimit.State.UNKNOWN, limits.get("weekly % stop").state());
        assertEquals(GuardLimit.State.UNKNOWN, limits.get("drawdown throttle").state());
        assertEquals(9, limits.size(), "every RiskGuard limit of the spreads is listed");
    }

    @Test
    void guardReadsTheStoredStatusOfTheConfiguredStrategy() {
        // configured: a $1,000 daily stop, 3 cooldown days; stored: a stop exit on 2024-12-31, 2 trades today,
        // equity 20,000 against 20,700 at the previous decision, a 21,000 week start and a 22,000 peak
        SpreadConfig spreads = SpreadConfig.parse("QQQ", Map.of("dailyStop", "1000", "cooldownDays", "3"), SpreadConfig.Mode.SPREADS);
        java.time.LocalDate today = FixedChainSource.AS_OF;
        org.leverdesk.riskguard.GuardState stored = new org.leverdesk.riskguard.GuardState(today, 20_000, 20_700, 22_000, 21_000,
                today.minusDays(2), 2, List.of(), List.of());
        org.leverdesk.riskguard.RiskGuardStatusProvider provider = () -> List.of(
                org.leverdesk.riskguard.RiskGuardStatus.of("wheel", org.leverdesk.riskguard.GuardLimits.OFF,
                        org.leverdesk.riskguard.GuardState.EMPTY, today, 0),
                org.leverdesk.riskguard.RiskGuardStatus.of("spreads", spreads.guard(), stored, today, 0));
        OptionsViewModel vm = new OptionsViewModel(new OptionBook(new FixedChainSource()), account("20000", "15000", "20500"),
                new AccountGuardPanel(spreads, "spreads", provider), "QQQ", new TestTaskExecutor(), CLOCK);
        vm.refresh();
        Map<String, GuardLimit> limits = vm.guardLimits().stream().collect(Collectors.toMap(GuardLimit::name, l -> l));
        assertEquals(9, limits.size());
        assertEquals("$1,000.00", limits.get("daily $ stop").limit(), "the configured stop, not the $2,000 default");
        assertEquals("$700.00 of $1,000.00", limits.get("daily $ stop").use(), "the stored day loss (not the broker's $500), as `leverdesk guard`");
        assertEquals(GuardLimit.State.OK, limits.get("daily $ stop").state());
        assertEquals("until " + today.plusDays(1), limits.get("cooldown").use(), "stop 2 days ago + 3 cooldown days");
        assertEquals(GuardLimit.State.BLOCKED, limits.get("cooldown").state());
        assertEquals("2 of " + spreads.guard().maxTradesPerDay(), limits.get("trades today").use());
        assertTrue(limits.get("weekly % stop").use().startsWith("4.76%"), "1,000 lost of a 21,000 week start: "
                + limits.get("weekly % stop").use());
        assertTrue(limits.get("drawdown throttle").use().startsWith("9.09%"), "2,000 below the 22,000 peak: "
                + limits.get("drawdown throttle").use());
        assertEquals("$760.00 = 3.80%", limits.get("open risk").use(), "the account's part stays");
    }

    @Test
    void guardBlocksOnADayLossOverTheStop() {
        OptionsViewModel vm = viewModel(account("20000", "2500", "22500"));
        vm.refresh();
        Map<String, GuardLimit> limits = vm.guardLimits().stream().collect(Collectors.toMap(GuardLimit::name, l -> l));
        assertEquals(GuardLimit.State.BLOCKED, limits.get("daily $ stop").state(), "$2,500 lost ≥ $2,000");
        assertEquals(GuardLimit.State.BLOCKED, limits.get("cash buffer").state(), "$1,500 free < $2,000 buffer");
    }

    @Test
    void unknownUnderlyingAndBrokenAccountSayWhy() {
        OptionsViewModel vm = viewModel(() -> {
            throw new IllegalStateException("broker unreachable: connection refused");
        });
        vm.refresh();
        assertEquals(5, vm.chainRows().size(), "the chain still shows");
        assertEquals("The account could not be read: broker unreachable: connection refused", vm.errorMessageProperty().get());
        assertTrue(vm.positions().isEmpty());
        assertFalse(vm.loadingProperty().get());
    }

    @Test
    void theChainOpensOnTheNearestExpiryWithADayToGo() {
        java.time.LocalDate friday = java.time.LocalDate.of(2026, 12, 4);
        // a 0-DTE expiry on the chain's day shows zero Greeks: the next one is what a trader opens on
        assertEquals(java.time.LocalDate.of(2026, 12, 7), OptionsViewModel.defaultExpiry(
                List.of(friday, java.time.LocalDate.of(2026, 12, 7), java.time.LocalDate.of(2026, 12, 11)), friday));
        assertEquals(friday.plusDays(7), OptionsViewModel.defaultExpiry(List.of(friday.plusDays(7)), friday));
        // only 0 DTE left: still shown rather than an empty chain
        assertEquals(friday, OptionsViewModel.defaultExpiry(List.of(friday), friday));
        assertEquals(null, OptionsViewModel.defaultExpiry(List.of(), friday));
    }
}
