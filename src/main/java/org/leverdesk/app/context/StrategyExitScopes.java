package org.leverdesk.app.context;

import java.util.function.Consumer;
import org.leverdesk.config.AppConfig;
import org.leverdesk.config.ConfigFile;
import org.leverdesk.config.StrategySettings;
import org.leverdesk.emergency.EmergencyScope;
import org.leverdesk.strategy.Strategy;
import org.leverdesk.strategy.catalog.StrategyCatalog;
import org.leverdesk.strategy.catalog.StrategyDescriptor;

/**
 * What closing one strategy closes: its shares and its own part of every option on its option roots (decision record
 * 0031). The one place {@code leverdesk force-exit --strategy S} (CLI and control channel) and the window's
 * "Close strategy…" get the {@link EmergencyScope} they hand to the one emergency exit.
 */
public final class StrategyExitScopes {
    private StrategyExitScopes() {
    }

    /**
     * The scope of {@code strategyId} with its settings in {@code file} as it is now; with its defaults when the config
     * cannot be read or has no valid entry for it (an exit must not depend on a valid config), and then {@code note} is
     * told why.
     *
     * @throws IllegalArgumentException when no built-in strategy has that id
     */
    public static EmergencyScope of(ConfigFile file, String strategyId, boolean halt, Consumer<String> note) {
        StrategyDescriptor d = StrategyCatalog.builtIn().require(strategyId);
        StrategySettings settings = null;
        try {
            settings = file == null ? null : file.read().strategy(d.id()).orElse(null);
        } catch (RuntimeException e) {
            note.accept("the settings of " + d.id() + " cannot be used (" + oneLine(e) + "); closing its default symbols");
        }
        return scope(d, settings, halt);
    }

    /** The scope of {@code strategyId} with its settings in {@code config} (its defaults when it has none). */
    public static EmergencyScope of(AppConfig config, String strategyId, boolean halt) {
        StrategyDescriptor d = StrategyCatalog.builtIn().require(strategyId);
        return scope(d, config.strategy(d.id()).orElse(null), halt);
    }

    private static EmergencyScope scope(StrategyDescriptor d, StrategySettings settings, boolean halt) {
        // The symbols whose shares it holds: a spread's root may hold another strategy's shares (decision record 0031),
        // which a strategy exit must not sell.
        Strategy s = LiveStrategies.strategy(settings != null ? settings : new StrategySettings(d.id(), false, 1.0, null, null));
        return EmergencyScope.strategy(d.id(), s.shareSymbols(), s.optionUnderlyings(), halt);
    }

    private static String oneLine(Throwable e) {
        Throwable t = e;
        while (t.getMessage() == null && t.getCause() != null) {
            t = t.getCause();
        }
        return (t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage()).replace('\n', ' ').strip();
    }
}
