package org.leverdesk.ui.options;

import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import javafx.scene.Node;
import javafx.scene.control.Label;
import org.leverdesk.market.calendar.NyseCalendar;
import org.leverdesk.optionbook.AccountGuardPanel;
import org.leverdesk.optionbook.OptionBook;
import org.leverdesk.optionbook.SyntheticChainSource;
import org.leverdesk.config.AppConfig;
import org.leverdesk.config.StrategySettings;
import org.leverdesk.strategy.catalog.StrategyCatalog;
import org.leverdesk.strategy.catalog.StrategyDescriptor;
import org.leverdesk.strategy.options.SpreadConfig;
import org.leverdesk.strategy.options.SpreadStrategy;
import org.leverdesk.ui.AppServices;
import org.leverdesk.ui.common.TaskExecutor;

/**
 * Wires the Options view from the window's services: the synthetic chains of the price source (the demo market's
 * simulated index, or VIX from the store and VXN as VIX × its ratio on real prices), the broker's positions and
 * the RiskGuard panel of the configured spreads (or condor) strategy: its configured parameters, its stored status.
 */
public final class OptionsViews {
    private OptionsViews() {
    }

    /** The view on the price source's chains, VIX from the store on real prices (see {@link SyntheticChainSource#of}). */
    public static Node create(AppServices services, TaskExecutor executor, Clock clock) {
        return create(services, executor, clock, org.leverdesk.ui.common.ConfirmPrompt.NONE);
    }

    /** The view on the price source's chains; {@code confirm} asks before an exercise or do-not-exercise instruction. */
    public static Node create(AppServices services, TaskExecutor executor, Clock clock, org.leverdesk.ui.common.ConfirmPrompt confirm) {
        // --prices FOLDER: VIX, VXN and DGS3MO beside it, as the backtests' chains read them (AppContext.optionChains)
        return create(services, executor, clock, services.prices() instanceof org.leverdesk.market.data.CsvDirectoryMarketData csv
                ? org.leverdesk.options.data.OptionMarketFiles.besidePrices(csv.directory()) : null, confirm);
    }

    /** The view with the VIX, VXN and T-bill files of {@code files} on real prices (null: from the store). */
    public static Node create(AppServices services, TaskExecutor executor, Clock clock,
                              org.leverdesk.options.data.OptionMarketFiles.Locations files) {
        return create(services, executor, clock, files, org.leverdesk.ui.common.ConfirmPrompt.NONE);
    }

    /** The view with the T-bill files of {@code files} and {@code confirm} asking before an exercise instruction. */
    public static Node create(AppServices services, TaskExecutor executor, Clock clock,
                              org.leverdesk.options.data.OptionMarketFiles.Locations files, org.leverdesk.ui.common.ConfirmPrompt confirm) {
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
        AppConfig config = config(services);
        SpreadConfig spreads = configured(config, SpreadStrategy.SPREADS_ID, SpreadConfig.Mode.SPREADS);
        SpreadConfig condor = configured(config, SpreadStrategy.CONDOR_ID, SpreadConfig.Mode.CONDOR);
        OptionBook book = new OptionBook(source, spreads, condor);
        // the panel follows the enabled one of the two (spreads first); the status is the stored one, as `leverdesk guard`
        boolean condorOnly = config != null && !enabled(config, SpreadStrategy.SPREADS_ID) && enabled(config, SpreadStrategy.CONDOR_ID);
        SpreadConfig guarded = condorOnly ? condor : spreads;
        OptionsViewModel vm = new OptionsViewModel(book, services.broker() == null ? null : OptionAccount.of(services.broker()),
                new AccountGuardPanel(guarded, condorOnly ? SpreadStrategy.CONDOR_ID : SpreadStrategy.SPREADS_ID,
                        services.trading().riskGuard()), guarded.symbol(), executor, clock);
        // Exercise / Do not exercise: the service the CLI's `option exercise` uses, on the window's account
        ExerciseViewModel exercise = services.broker() == null || services.trading().optionInstructions() == null ? null
                : new ExerciseViewModel(OptionExercise.of(services.broker(), services.trading().optionInstructions()), confirm,
                        executor, vm::refresh);
        return OptionsView.load(vm, exercise);
    }

    /** The user's config; null without a config file or when it cannot be read (the defaults are shown then). */
    private static AppConfig config(AppServices services) {
        if (services.configFile() == null) {
            return null;
        }
        try {
            return services.configFile().read();
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static boolean enabled(AppConfig config, String id) {
        return config.strategy(id).map(StrategySettings::enabled).orElse(false);
    }

    /**
     * The configured parameters of strategy {@code id}, built as the live runs build it (the catalog's factory);
     * the defaults when it is not configured or its parameters are invalid (its runs report that themselves).
     */
    static SpreadConfig configured(AppConfig config, String id, SpreadConfig.Mode mode) {
        StrategySettings s = config == null ? null : config.strategy(id).orElse(null);
        if (s == null) {
            return SpreadConfig.defaults(mode);
        }
        try {
            Map<String, String> params = new HashMap<>(s.parameters());
            String symbol = params.remove("symbol");
            StrategyDescriptor d = StrategyCatalog.builtIn().require(id);
            return ((SpreadStrategy) d.factory().create(symbol == null ? d.defaultSymbol() : symbol, params)).config();
        } catch (RuntimeException e) {
            return SpreadConfig.defaults(mode);
        }
    }
}
