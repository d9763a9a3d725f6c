package org.leverdesk.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.leverdesk.config.AppConfig;
import org.leverdesk.config.BrokerKind;
import org.leverdesk.config.ConfigFile;
import org.leverdesk.config.StrategySettings;

/** {@code leverdesk init} and {@code leverdesk config}: a config made and changed without a window. */
class InitAndConfigCommandTest {
    @TempDir
    Path dir;

    @AfterEach
    void restoreStdin() {
        InitCommand.stdin = () -> System.in;
    }

    private Path config() {
        return dir.resolve("etc/config.json");
    }

    private CliRun run(String... args) {
        CliRun cli = new CliRun();
        java.util.List<String> all = new java.util.ArrayList<>(List.of(args));
        all.addAll(List.of("--config", config().toString()));
        cli.run(all.toArray(String[]::new));
        return cli;
    }

    private static void stdin(String text) {
        InitCommand.stdin = () -> new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void initByFlagsWritesAValidConfigAndTheSecretsBesideIt() throws Exception {
        stdin("ALPACA_KEY_ID=PKTEST123456\nALPACA_SECRET_KEY=secret-abcdef\n");
        CliRun cli = run("init", "--broker", "alpaca-paper", "--strategy", "regime:40%", "--strategy", "rotation",
                "-P", "regime.holdDays=3", "--schedule", "rotation=close+15m", "--telegram-chat-id", "4242", "--no-desktop",
                "--secrets-stdin", "--set", "risk.limits.maxOrdersPerDay=6");
        assertEquals(0, cli.code, cli.err.toString());
        AppConfig cfg = new ConfigFile(config()).load();
        assertEquals(BrokerKind.ALPACA, cfg.broker().kind());
        StrategySettings regime = cfg.strategy("regime").orElseThrow();
        assertEquals(0.4, regime.capitalShare());
        assertEquals(Map.of("holdDays", "3"), regime.parameters());
        assertEquals(0.6, cfg.strategy("rotation").orElseThrow().capitalShare(), "the rest goes to the one without a share");
        assertEquals("close+15m", cfg.strategy("rotation").orElseThrow().schedule());
        assertEquals("4242", cfg.notifications().telegramChatId());
        assertFalse(cfg.notifications().desktop());
        assertEquals(6, cfg.risk().limits().maxOrdersPerDay());
        Path secrets = dir.resolve("etc/secrets.properties");
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(secrets)));
        assertTrue(Files.readString(secrets).contains("ALPACA_KEY_ID=PKTEST123456"));
        assertFalse(Files.readString(config()).contains("PKTEST123456"), "no secret in the config");
        List<String> out = cli.out.toString().lines().toList();
        assertEquals("wrote " + config() + ": broker alpaca PAPER; enabled: regime 40% (close-10m), rotation 60% (close+15m);"
                + " notifications: telegram", out.get(0));
        assertEquals("wrote ALPACA_KEY_ID, ALPACA_SECRET_KEY to " + secrets + " (mode 600)", out.get(1));
        assertEquals("note: TELEGRAM_BOT_TOKEN is not set; export it or put it in " + secrets + " (mode 600), e.g. with"
                + " 'leverdesk init --secrets-stdin'", out.get(2));
    }

    @Test
    void initOnThePaperBrokerWithoutStrategiesEnablesTheStarterAndNeverOverwrites() {
        CliRun cli = run("init", "--no-input");
        assertEquals(0, cli.code, cli.err.toString());
        assertEquals(AppConfig.starter(), new ConfigFile(config()).load());
        CliRun again = run("init", "--no-input", "--strategy", "rsi2");
        assertEquals(2, again.code);
        assertEquals("error: " + config() + " exists already; change it with 'leverdesk config set KEY=VALUE', or replace it"
                + " with 'leverdesk init --force'", again.err.toString().strip());
        assertEquals(0, run("init", "--force", "--strategy", "rsi2").code);
        assertEquals(List.of("rsi2"), new ConfigFile(config()).load().enabledStrategies().stream()
                .map(StrategySettings::strategyId).toList());
    }

    @Test
    void initRefusesWhatRunWouldRefuseAndWritesNothing() {
        CliRun shares = run("init", "--strategy", "regime:0.7", "--strategy", "rotation:0.6");
        assertEquals(2, shares.code);
        assertTrue(shares.err.toString().startsWith("error: nothing written: strategies: the enabled strategies' capital shares"
                + " add up to 130%"), shares.err.toString());
        CliRun param = run("init", "--strategy", "regime", "-P", "regime.holdDays=-4");
        assertEquals(2, param.code);
        assertTrue(param.err.toString().startsWith("error: nothing written: strategies.regime.parameters: holdDays"),
                param.err.toString());
        CliRun unknown = run("init", "--strategy", "options-dca");
        assertEquals("error: unknown strategy 'options-dca'; known: " + String.join(", ", org.leverdesk.strategy.catalog
                        .StrategyCatalog.builtIn().all().stream().map(org.leverdesk.strategy.catalog.StrategyDescriptor::id).toList()),
                unknown.err.toString().strip());
        assertFalse(Files.exists(config()));
    }

    @Test
    void interactiveInitAsksEachQuestion() throws Exception {
        stdin("paper\nregime:0.5,rotation:0.3\n987\nbot-token-xyz\n\n\nno\n");
        CliRun cli = run("init", "--interactive");
        assertEquals(0, cli.code, cli.err.toString());
        AppConfig cfg = new ConfigFile(config()).load();
        assertEquals(List.of("regime", "rotation"), cfg.enabledStrategies().stream().map(StrategySettings::strategyId).toList());
        assertEquals("987", cfg.notifications().telegramChatId());
        assertFalse(cfg.notifications().desktop());
        assertTrue(Files.readString(dir.resolve("etc/secrets.properties")).contains("TELEGRAM_BOT_TOKEN=bot-token-xyz"));
        assertTrue(cli.out.toString().startsWith("Leverdesk setup: " + config()), cli.out.toString());
    }

    @Test
    void configSetValidateShowAndUnset() {
        assertEquals(0, run("init", "--no-input").code);
        CliRun set = run("config", "set", "strategies.rsi2.enabled=true", "strategies.rsi2.capitalShare=0.3",
                "strategies.rsi2.parameters.symbol=QQQM", "strategies.regime.capitalShare=0.5");
        assertEquals(0, set.code, set.err.toString());
        assertTrue(set.out.toString().contains("now: broker paper; enabled: regime 50% (close-10m), rsi2 30% (close-10m)"),
                set.out.toString());
        CliRun valid = run("config", "validate");
        assertEquals(0, valid.code, valid.out.toString());
        CliRun bad = run("config", "set", "strategies.regime.parameters.holdDays=-4");
        assertEquals(2, bad.code);
        assertTrue(bad.err.toString().startsWith("error: not saved: strategies.regime.parameters: holdDays"), bad.err.toString());
        assertEquals("", new ConfigFile(config()).load().strategy("regime").orElseThrow().parameters().getOrDefault("holdDays", ""),
                "nothing written");
        CliRun show = run("config", "show", "--secrets");
        assertTrue(show.out.toString().contains("\"strategyId\" : \"rsi2\""), show.out.toString());
        assertTrue(show.out.toString().contains("# ALPACA_KEY_ID: not set"), show.out.toString());
        assertEquals(0, run("config", "unset", "strategies.rsi2").code);
        assertTrue(new ConfigFile(config()).load().strategy("rsi2").isEmpty());
    }

    @Test
    void validateListsEveryProblemWithItsFixAndRunSaysTheSameAsTheDaemon() throws Exception {
        Files.createDirectories(config().getParent());
        Files.writeString(config(), "{\"strategies\": [{\"strategyId\": \"regime\", \"enabled\": true, \"capitalShare\": 0.3,"
                + " \"parameters\": {\"holdDays\": \"-4\"}, \"schedule\": \"close-10\"}]}");
        CliRun validate = run("config", "validate");
        assertEquals(1, validate.code);
        List<String> lines = validate.out.toString().lines().toList();
        assertEquals(2, lines.size(), lines.toString());
        assertTrue(lines.get(0).endsWith("; fix: leverdesk config set strategies.regime.parameters.<name>=<value>"), lines.get(0));
        assertTrue(lines.get(1).endsWith("; fix: leverdesk config set strategies.regime.schedule=close-10m"), lines.get(1));
        CliRun run = run("run", "--dry-run", "--data-dir", dir.resolve("data").toString(), "--create");
        CliRun daemon = run("daemon", "--data-dir", dir.resolve("data").toString(), "--create");
        assertEquals(2, run.code);
        assertEquals(2, daemon.code);
        assertEquals(run.err.toString(), daemon.err.toString());
        assertTrue(run.err.toString().startsWith("error: " + config() + ": strategies.regime.parameters: holdDays"),
                run.err.toString());
        assertTrue(run.err.toString().strip().endsWith("(and 1 more: 'leverdesk config validate --config " + config()
                + "' lists them); fix it with 'leverdesk config set strategies.regime.parameters.<name>=<value> --config "
                + config() + "' or in Settings"), run.err.toString());
    }
}
