package org.leverdesk.app.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.leverdesk.config.AppConfig;
import org.leverdesk.config.BrokerKind;
import org.leverdesk.config.ConfigEdit;
import org.leverdesk.config.ConfigException;
import org.leverdesk.config.ConfigFile;
import org.leverdesk.config.ConfigProblem;
import org.leverdesk.config.ConfigValidator;
import org.leverdesk.config.Secrets;
import org.leverdesk.config.StrategySettings;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code leverdesk config show|validate|set|unset}: the settings without a window. */
@Command(name = "config", mixinStandardHelpOptions = true,
        description = {"Show, check and change the settings file (config.json) without the window. Keys are dotted:",
                "broker.kind, broker.alpacaEndpoint, broker.liveTradingEnabled, risk.<name>, risk.limits.<name>,",
                "strategies.<id>.enabled|capitalShare|schedule, strategies.<id>.parameters.<name>,",
                "notifications.<name>. Every change is checked by the same rules as 'run', 'daemon' and Settings;",
                "a change that makes the config invalid is refused and nothing is written."},
        subcommands = {ConfigCommand.Show.class, ConfigCommand.Validate.class, ConfigCommand.Set.class,
            ConfigCommand.Unset.class, ConfigOptionsModeCommand.class})
public final class ConfigCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(name = "show", mixinStandardHelpOptions = true,
            description = {"Print the config as JSON, every setting with its value (defaults filled in). Secrets are never",
                    "in the config; --secrets lists which are set (not their values)."})
    static final class Show implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        ConfigOptions config;

        @Option(names = "--secrets", description = "Also list which secrets are set, and where (never a value).")
        boolean secrets;

        @Override
        public Integer call() {
            ConfigFile file = config.file();
            AppConfig cfg = file.read();
            PrintWriter out = spec.commandLine().getOut();
            out.println(ConfigFile.toJson(cfg));
            if (secrets) {
                secretLines(config.secrets()).forEach(l -> out.println("# " + l));
            }
            List<ConfigProblem> problems = ConfigValidator.check(cfg);
            if (!problems.isEmpty()) {
                spec.commandLine().getErr().println("note: " + file.path() + " has " + problems.size() + " problem(s); see"
                        + " 'leverdesk config validate'");
            }
            if (!file.exists()) {
                spec.commandLine().getErr().println("note: " + file.path() + " does not exist: these are the defaults;"
                        + " 'leverdesk init' writes a config");
            }
            out.flush();
            return 0;
        }
    }

    @Command(name = "validate", mixinStandardHelpOptions = true,
            description = {"Check the config with the rules every entry point uses, and the secrets it needs. Prints each",
                    "problem with the command that fixes it; exit code 0 when valid, 1 otherwise."})
    static final class Validate implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        ConfigOptions config;

        @Override
        public Integer call() {
            ConfigFile file = config.file();
            PrintWriter out = spec.commandLine().getOut();
            List<String> problems = new ArrayList<>();
            AppConfig cfg = null;
            try {
                cfg = file.read();
                for (ConfigProblem p : ConfigValidator.check(cfg)) {
                    problems.add(p.text() + "; fix: " + p.fix());
                }
            } catch (ConfigException e) {
                problems.add(e.getMessage());
            }
            if (cfg != null) {
                problems.addAll(secretProblems(cfg, config.secrets()));
            }
            if (problems.isEmpty()) {
                out.println(file.path() + ": valid (" + summary(cfg) + ")" + (file.exists() ? "" : "; the file does not"
                        + " exist yet, so these are the defaults: 'leverdesk init' writes one"));
                out.flush();
                return 0;
            }
            problems.forEach(p -> out.println(file.path() + ": " + p));
            out.flush();
            return 1;
        }
    }

    @Command(name = "set", mixinStandardHelpOptions = true,
            description = {"Set one or more settings, e.g. 'leverdesk config set strategies.rsi2.enabled=true",
                    "strategies.rsi2.capitalShare=0.3'. All are applied, then checked once; nothing is written when",
                    "the result is invalid. An empty value (KEY=) removes the setting (back to its default)."})
    static final class Set implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        ConfigOptions config;

        @Parameters(arity = "1..*", paramLabel = "KEY=VALUE", description = "The settings to change.")
        List<String> assignments;

        @Override
        public Integer call() {
            Map<String, String> changes = new LinkedHashMap<>();
            for (String a : assignments) {
                int eq = a.indexOf('=');
                if (eq <= 0) {
                    throw new CommandLine.ParameterException(spec.commandLine(), "'" + a + "' is not KEY=VALUE; write e.g."
                            + " risk.tolerancePercent=3");
                }
                changes.put(a.substring(0, eq).strip(), a.substring(eq + 1));
            }
            return apply(spec, config.file(), changes);
        }
    }

    @Command(name = "unset", mixinStandardHelpOptions = true,
            description = {"Remove settings: a strategy (strategies.<id>), one parameter (back to its default) or any",
                    "other setting (back to its default)."})
    static final class Unset implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        ConfigOptions config;

        @Parameters(arity = "1..*", paramLabel = "KEY", description = "The settings to remove.")
        List<String> keys;

        @Override
        public Integer call() {
            Map<String, String> changes = new LinkedHashMap<>();
            keys.forEach(k -> changes.put(k.strip(), ""));
            return apply(spec, config.file(), changes);
        }
    }

    private static int apply(CommandSpec spec, ConfigFile file, Map<String, String> changes) {
        AppConfig cfg = file.read();
        for (Map.Entry<String, String> c : changes.entrySet()) {
            cfg = ConfigEdit.set(cfg, c.getKey(), c.getValue());
        }
        List<ConfigProblem> problems = ConfigValidator.check(cfg);
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("not saved: " + problems.get(0).text() + (problems.size() > 1 ? " (and "
                    + (problems.size() - 1) + " more)" : "") + "; fix: " + problems.get(0).fix());
        }
        file.save(cfg);
        PrintWriter out = spec.commandLine().getOut();
        changes.forEach((k, v) -> out.println((v.isEmpty() ? "unset " + k : "set " + k + " = " + v) + " in " + file.path()));
        out.println("now: " + summary(cfg));
        out.flush();
        return 0;
    }

    /** "broker PAPER; enabled: regime 100% (close-10m); notifications: desktop". */
    static String summary(AppConfig cfg) {
        List<String> enabled = new ArrayList<>();
        for (StrategySettings s : cfg.enabledStrategies()) {
            String schedule = s.schedule() == null ? org.leverdesk.schedule.ScheduleDefaults.defaultSchedule(s.strategyId())
                    .orElse("?") : s.schedule();
            enabled.add(String.format(Locale.ROOT, "%s %.0f%% (%s)", s.strategyId(), s.capitalShare() * 100, schedule));
        }
        List<String> channels = new ArrayList<>();
        var n = cfg.notifications();
        if (n.desktop()) {
            channels.add("desktop");
        }
        if (n.telegram()) {
            channels.add("telegram");
        }
        if (n.discord()) {
            channels.add("discord");
        }
        if (n.email()) {
            channels.add("e-mail");
        }
        var b = cfg.broker();
        String broker = b.kind() == BrokerKind.PAPER ? "paper" : "alpaca " + b.alpacaEndpoint() + (b.liveTradingEnabled()
                ? ", live trading on" : "");
        return "broker " + broker + "; " + (enabled.isEmpty() ? "no strategy enabled" : "enabled: " + String.join(", ", enabled))
                + "; notifications: " + (channels.isEmpty() ? "none" : String.join(", ", channels))
                + (cfg.portfolio() == null || cfg.portfolio().mode() == null ? "" : "; options mode " + cfg.portfolio().mode().label());
    }

    /** Secrets the config needs but cannot get, or a secrets file others can read. */
    static List<String> secretProblems(AppConfig cfg, Secrets secrets) {
        List<String> out = new ArrayList<>();
        Map<String, Boolean> needed = new LinkedHashMap<>();
        if (cfg.broker().kind() == BrokerKind.ALPACA) {
            needed.put(Secrets.ALPACA_KEY_ID, true);
            needed.put(Secrets.ALPACA_SECRET_KEY, true);
        }
        if (cfg.notifications().telegram()) {
            needed.put(Secrets.TELEGRAM_BOT_TOKEN, true);
        }
        if (cfg.notifications().discord()) {
            needed.put(Secrets.DISCORD_WEBHOOK_URL, true);
        }
        try {
            for (String key : needed.keySet()) {
                if (secrets.get(key).isEmpty()) {
                    out.add(key + " is not set; export it or put it in " + secrets.file() + " (mode 600), e.g. with"
                            + " 'leverdesk init --secrets-stdin'");
                }
            }
        } catch (ConfigException e) {
            out.add(e.getMessage());
        }
        return out;
    }

    private static List<String> secretLines(Secrets secrets) {
        List<String> out = new ArrayList<>();
        for (String key : Secrets.KEYS) {
            String state;
            try {
                state = secrets.get(key).isPresent() ? "set" : "not set";
            } catch (ConfigException e) {
                state = "unreadable (" + e.getMessage() + ")";
            }
            out.add(key + ": " + state);
        }
        out.add("secrets file: " + secrets.file());
        return out;
    }
}
