package org.leverdesk.ui.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.leverdesk.domain.BarSeries;
import org.leverdesk.market.data.MarketData;
import org.leverdesk.ui.AppServices;
import org.leverdesk.ui.FakeBacktestRunner;
import org.leverdesk.ui.FakeDataCatalog;

class MainViewModelTest {
    /** A price source that turns from simulated to imported, as the store-or-demo source does on the first import. */
    private static final class SwitchingPrices implements MarketData {
        boolean imported;

        public String sourceLabel() { return imported ? "Store /data" : "DEMO — simulated prices"; }
        public boolean isSimulated() { return !imported; }
        public Set<String> symbols() { return Set.of(); }
        public BarSeries bars(String symbol, LocalDate from, LocalDate to) { throw new UnsupportedOperationException(); }
    }

    @Test
    void theStatusBarLeavesDemoModeWhenAnImportSwitchesThePriceSource() {
        SwitchingPrices prices = new SwitchingPrices();
        AppServices services = new AppServices(new FakeBacktestRunner(), new FakeDataCatalog(), null, AppServices.Mode.DEMO,
                prices.sourceLabel(), Path.of("/data/leverdesk.mv.db"), null, null, prices);
        MainViewModel vm = new MainViewModel(services);
        assertEquals("DEMO · simulated prices", vm.modeTextProperty().get());
        assertTrue(vm.simulatedProperty().get());

        prices.imported = true;
        vm.refresh();
        assertEquals("PAPER", vm.modeTextProperty().get());
        assertFalse(vm.simulatedProperty().get());
        assertEquals("Data: Store /data", vm.dataSourceTextProperty().get());
        assertEquals("Store: /data/leverdesk.mv.db", vm.storeTextProperty().get());
    }
}
