package org.leverdesk.app.cli;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.leverdesk.config.AppConfig;
import org.leverdesk.config.ConfigProblem;
import org.leverdesk.config.ConfigValidator;
import org.leverdesk.config.StrategySettings;

/**
 * {@code run -P name=value}: a parameter override for one run, checked by the same validator as the
 * config (a value the config would refuse is refused here too). {@code -P S.name=value} names the
 * strategy when several run; a plain name needs exactly one.
 */
final class RunOverrides {
    private RunOverrides() {
    }

    /** The chosen strategies' settings with the overrides merged in; one-line errors for bad ones. */
    static List<StrategySettings> apply(AppConfig config, List<StrategySettings> chosen, Map<String, String> overrides) {
        if (overrides.isEmpty()) {
            return chosen;
        }
        for (String key : overrides.keySet()) {
            int dot = key.indexOf('.');
            if (dot > 0 && chosen.stream().noneMatch(s -> s.strategyId().equals(key.substring(0, dot)))) {
                throw new IllegalArgumentException("-P " + key + ": strategy '" + key.substring(0, dot) + "' is not part of this"
                        + " run (running " + String.join(", ", chosen.stream().map(StrategySettings::strategyId).toList()) + ")");
            }
            if (dot < 0 && chosen.size() > 1) {
                throw new IllegalArgumentException("-P " + key + " is ambiguous: " + chosen.size() + " strategies run; write -P "
                        + chosen.get(0).strategyId() + "." + key + "=... or run one with --strategy S");
            }
        }
        List<StrategySettings> out = new ArrayList<>();
        AppConfig merged = config;
        for (StrategySettings s : chosen) {
            Map<String, String> mine = of(s.strategyId(), overrides, chosen.size());
            if (mine.isEmpty()) {
                out.add(s);
                continue;
            }
            Map<String, String> params = new HashMap<>(s.parameters());
            params.putAll(mine);
            StrategySettings next = new StrategySettings(s.strategyId(), s.enabled(), s.capitalShare(), params, s.schedule());
            merged = merged.withStrategy(next);
            out.add(next);
        }
        for (ConfigProblem p : ConfigValidator.check(merged)) {
            throw new IllegalArgumentException("-P: " + p.text());
        }
        return out;
    }

    /** The overrides that apply to {@code strategyId} (plain names only when {@code strategies} is 1). */
    static Map<String, String> of(String strategyId, Map<String, String> overrides, int strategies) {
        Map<String, String> mine = new LinkedHashMap<>();
        overrides.forEach((k, v) -> {
            int dot = k.indexOf('.');
            if (dot > 0 && k.substring(0, dot).equals(strategyId)) {
                mine.put(k.substring(dot + 1), v);
            } else if (dot < 0 && strategies == 1) {
                mine.put(k, v);
            }
        });
        return mine;
    }
}
