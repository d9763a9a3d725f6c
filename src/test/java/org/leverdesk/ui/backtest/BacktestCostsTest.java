package org.leverdesk.ui.backtest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.leverdesk.backtest.CostModel;
import org.leverdesk.ui.FakeBacktestRunner;
import org.leverdesk.ui.TestTaskExecutor;

/** Commission and slippage in the backtest form: validated like the other inputs and sent as a CostModel. */
class BacktestCostsTest {
    private static final Clock CLOCK = Clock.fixed(LocalDate.of(2024, 6, 28).atStartOfDay().toInstant(ZoneOffset.UTC), ZoneOffset.UTC);

    private final FakeBacktestRunner runner = new FakeBacktestRunner();
    private final BacktestViewModel vm = new BacktestViewModel(runner, new TestTaskExecutor(), CLOCK);

    @Test
    void costsStartAtZeroAndAFreeCostModelIsSent() {
        assertEquals("0", vm.commissionPerOrderProperty().get());
        assertEquals("0", vm.commissionPerShareProperty().get());
        assertEquals("0", vm.slippageBpsProperty().get());
        vm.run();
        assertEquals(CostModel.FREE, runner.lastRequest().costs());
    }

    @Test
    void typedCostsReachTheRequestAsACostModel() {
        vm.commissionPerOrderProperty().set(" $1.00 ");
        vm.commissionPerShareProperty().set("0.005");
        vm.slippageBpsProperty().set("2.5");
        assertTrue(vm.validProperty().get(), vm.validationMessageProperty().get());
        vm.run();
        assertEquals(new CostModel(1.0, 0.005, 2.5), runner.lastRequest().costs());
    }

    @Test
    void negativeCommissionPerOrderIsRejectedAndBlocksRun() {
        vm.commissionPerOrderProperty().set("-1");
        assertFalse(vm.validProperty().get());
        assertEquals("Commission per order must be zero or a positive finite amount", vm.commissionPerOrderErrorProperty().get());
        assertEquals(vm.commissionPerOrderErrorProperty().get(), vm.validationMessageProperty().get());
        vm.run();
        assertNull(runner.lastRequest(), "an invalid form must not reach the runner");
    }

    @Test
    void commissionPerShareMustBeANumber() {
        vm.commissionPerShareProperty().set("half a cent");
        assertEquals("Commission per share must be a number, e.g. 0.005 (0 for none)", vm.commissionPerShareErrorProperty().get());
        vm.commissionPerShareProperty().set("");
        assertEquals("Commission per share must be a number, e.g. 0.005 (0 for none)", vm.commissionPerShareErrorProperty().get());
        vm.commissionPerShareProperty().set("0.01");
        assertEquals("", vm.commissionPerShareErrorProperty().get());
        assertTrue(vm.validProperty().get());
    }

    @Test
    void infiniteSlippageIsRejected() {
        vm.slippageBpsProperty().set("1e400");
        assertEquals("Slippage (bps) must be zero or a positive finite amount", vm.slippageErrorProperty().get());
        vm.slippageBpsProperty().set("Infinity");
        assertEquals("Slippage (bps) must be zero or a positive finite amount", vm.slippageErrorProperty().get());
        vm.slippageBpsProperty().set("NaN");
        assertEquals("Slippage (bps) must be a number, e.g. 5 (0 for none)", vm.slippageErrorProperty().get());
        assertFalse(vm.canRunProperty().get());
    }

    @Test
    void costProblemsAreCountedAfterTheOtherInputs() {
        vm.capitalProperty().set("0");
        vm.commissionPerOrderProperty().set("-1");
        vm.slippageBpsProperty().set("x");
        assertEquals("Capital must be a positive amount (and 2 more)", vm.validationMessageProperty().get());
    }
}
