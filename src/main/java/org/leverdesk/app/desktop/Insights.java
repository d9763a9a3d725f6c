package org.leverdesk.app.desktop;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.time.Clock;
import org.leverdesk.app.context.AppContext;
import org.leverdesk.app.context.ConfiguredAccount;
import org.leverdesk.broker.Broker;
import org.leverdesk.config.AppConfig;
import org.leverdesk.config.ConfigValidator;
import org.leverdesk.config.StrategySettings;
import org.leverdesk.strategy.regime.RegimeConfig;
import org.leverdesk.strategy.rotation.RotationConfig;
import org.leverdesk.ui.AppServices;

/**
 * The Regime and Rotation views' data sized like the live runs: each strategy's parameters from the
 * config and its account from the broker (equity x capital share, its real positions), read on each
 * refresh; the flat $10,000 paper account, labelled with the reason, when the broker cannot be read.
 */
final class Insights {
    private Insights() {
    }

    static AppServices sized(AppServices base, AppContext app, AppConfig config, Broker broker) {
        RegimeConfig regime = parse(config, "regime", RegimeConfig.DEFAULT_SYMBOL, RegimeConfig::parse, RegimeConfig.defaults());
        RotationConfig rotation = parse(config, "rotation", RotationConfig.DEFAULT_CLOCK, RotationConfig::parse,
                RotationConfig.defaults());
        var regimeInsight = app.regimeInsight(regime, Clock.systemDefaultZone(),
                () -> ConfiguredAccount.of(broker, config, "regime", Set.of(regime.symbol())));
        var rotationInsight = app.rotationInsight(rotation,
                () -> ConfiguredAccount.of(broker, config, "rotation", Set.copyOf(rotation.groups().all())));
        return new AppServices(base.backtests(), base.dataCatalog(), base.savedRuns(), base.mode(), base.dataSourceLabel(),
                base.storePath(), regimeInsight, base.strategyVersions(), base.prices(), rotationInsight, base.trading(),
                base.settings(), base.research());
    }

    private interface Parser<T> {
        T parse(String symbol, Map<String, String> parameters);
    }

    private static <T> T parse(AppConfig config, String id, String defaultSymbol, Parser<T> parser, T defaults) {
        StrategySettings s = config.strategy(id).orElse(null);
        if (s == null) {
            return defaults;
        }
        Map<String, String> params = new HashMap<>(s.parameters());
        String symbol = params.remove(ConfigValidator.SYMBOL);
        try {
            return parser.parse(symbol == null ? defaultSymbol : symbol, params);
        } catch (IllegalArgumentException e) {
            return defaults; // the validator has refused such a config before trading started
        }
    }
}
