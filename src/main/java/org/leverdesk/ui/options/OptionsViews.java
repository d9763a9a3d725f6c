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

    public static Node create(AppServices services, TaskExecutor executor, Clock clock) {
        SyntheticChainSource source;
        try {
            source = SyntheticChainSource.of(services.prices(), new NyseCalendar(), null);
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
