package org.leverdesk.ui.options;

import java.time.Clock;
import javafx.scene.Node;
import javafx.scene.control.Label;
import org.leverdesk.market.calendar.NyseCalendar;
import org.leverdesk.optionbook.AccountGuardState;
import org.leverdesk.optionbook.OptionBook;
import org.leverdesk.optionbook.SyntheticChainSource;
import org.leverdesk.strategy.options.SpreadConfig;
import org.leverdesk.ui.AppServices;
import org.leverdesk.ui.common.TaskExecutor;

/**
 * Wires the Options view from the window's services: the synthetic chains of the price source (the demo market's
 * simulated index, or VIX from the store and VXN as VIX × its ratio on real prices), the broker's positions and
 * the spreads strategy's RiskGuard limits at their defaults.
 */
public final class OptionsViews {
    private OptionsViews() {
    }

    /** The view on the price source's chains, VIX from the store on real prices (see {@link SyntheticChainSource#of}). */
    public static Node create(AppServices services, TaskExecutor executor, Clock clock) {
        // --prices FOLDER: VIX, VXN and DGS3MO beside it, as the backtests' chains read them (AppContext.optionChains)
        return create(services, executor, clock, services.prices() instanceof org.leverdesk.market.data.CsvDirectoryMarketData csv
                ? org.leverdesk.options.data.OptionMarketFiles.besidePrices(csv.directory()) : null);
    }

    /** The view with the VIX, VXN and T-bill files of {@code files} on real prices (null: from the store). */
    public static Node create(AppServices services, TaskExecutor executor, Clock clock,
                              org.leverdesk.options.data.OptionMarketFiles.Locations files) {
        SyntheticChainSource source;
        try {
            source = SyntheticChainSource.of(services.prices(), new NyseCalendar(), files);
        } catch (RuntimeException e) {
            // No VIX on real prices: nothing can be priced; say what to import.
            Label why = new Label("Options: " + e.getMessage());
            why.setId("optionsView");
            why.setWrapText(true);
            why.getStyleClass().add("error-message");
            return why;
        }
        SpreadConfig spreads = SpreadConfig.defaults(SpreadConfig.Mode.SPREADS);
        OptionBook book = new OptionBook(source, spreads, SpreadConfig.defaults(SpreadConfig.Mode.CONDOR));
        OptionsViewModel vm = new OptionsViewModel(book, services.broker() == null ? null : OptionAccount.of(services.broker()),
                new AccountGuardState(spreads), spreads.symbol(), executor, clock);
        return OptionsView.load(vm);
    }
}
