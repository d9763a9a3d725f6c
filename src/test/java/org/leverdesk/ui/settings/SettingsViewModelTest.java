package org.leverdesk.ui.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.leverdesk.config.AppConfig;
import org.leverdesk.config.BrokerKind;
import org.leverdesk.config.ConfigFile;
import org.leverdesk.config.Secrets;
import org.leverdesk.config.StrategySettings;
import org.leverdesk.domain.TradingMode;
import org.leverdesk.store.Store;
import org.leverdesk.store.StrategyVersionRepository;
import org.leverdesk.strategy.catalog.StrategyCatalog;
import org.leverdesk.strategy.catalog.StrategyVersion;
import org.leverdesk.ui.TestTaskExecutor;

/** The Settings view model over a real config file, secrets file and store in a temp folder (no screen). */
class SettingsViewModelTest {
    @TempDir
    Path dir;
    private Store store;
    private StrategyVersionRepository versions;
    private ConfigFile file;
    private Secrets secrets;
    private final TestTaskExecutor executor = new TestTaskExecutor();
    private final List<String> tested = new ArrayList<>();

    @BeforeEach
    void open() {
        store = Store.open(dir.resolve("data"));
        versions = new StrategyVersionRepository(store, Clock.fixed(Instant.parse("2025-01-02T14:30:00Z"), ZoneOffset.UTC),
                StrategyCatalog.builtIn());
        file = new ConfigFile(dir.resolve("config/config.json"));
        secrets = new Secrets(dir.resolve("config/secrets.properties"), Map.of());
    }

    @AfterEach
    void close() {
        store.close();
    }

    private SettingsViewModel vm() {
        return new SettingsViewModel(file, secrets, versions, executor, channel -> {
            tested.add(channel);
            return "sent";
        });
    }

    private static void type(SettingsViewModel vm, String key, String text) {
        vm.field(key).valueProperty().set(text);
    }

    @Test
    void showsDefaultsGroupedWithEveryCatalogParameterAndItsDefault() {
        SettingsViewModel vm = vm();
        assertEquals("PAPER", vm.field("broker.kind").valueProperty().get());
        assertEquals("2", vm.field("risk.tolerancePercent").valueProperty().get());
        assertEquals("0.5", vm.field("risk.limitOffsetPercent").valueProperty().get());
        // nine strategies (monthly-rebalance, regime, rsi2, rotation, wheel, covered-call, dca, putwrite, buywrite):
        // each gets floor(100/9)% = 0.11 so all may be enabled at once
        assertEquals(String.valueOf(Math.round(100.0 / StrategyCatalog.builtIn().all().size())), vm.field("strategies.rsi2.capitalShare").valueProperty().get(), "a share shown as a percent");
        assertEquals("30", vm.field("strategies.rsi2.parameters.entryRsi").valueProperty().get());
        assertEquals("Entry RSI", vm.field("strategies.rsi2.parameters.entryRsi").label());
        assertEquals("true", vm.field("strategies.rsi2.parameters.hedge").valueProperty().get());
        assertEquals("30", vm.field("strategies.regime.parameters.capitalFraction").valueProperty().get(), "0.30 shown as 30%");
        assertEquals("RSI(2) mean reversion with SQQQ hedge", vm.field("strategies.rsi2.parameters.entryRsi").group());
        long regimeParams = vm.fields().stream().filter(f -> f.key().startsWith("strategies.regime.parameters.")).count();
        assertEquals(StrategyCatalog.builtIn().require("regime").parameters().size(), regimeParams);
        List<String> groups = new ArrayList<>(List.of("Broker", "Risk", "Options mode (seed 003)"));
        StrategyCatalog.builtIn().all().forEach(d -> groups.add(d.displayName()));
        groups.addAll(List.of("Notifications", "Chat commands", "Research advisor"));
        assertEquals(groups.subList(0, 10), List.of("Broker", "Risk", "Options mode (seed 003)", "Monthly rebalance (fixed dollars)", "Regime (QQQ regimes size TQQQ)",
                "RSI(2) mean reversion with SQQQ hedge", "Rotation (Sharpe top-3 sleeves, best sleeve)",
                "Wheel (cash-secured puts, then covered calls)", "Covered calls (100-share lots, calls written on them)",
                "Weekly DCA (dollar-cost averaging)"));
        assertEquals(groups,
                vm.fields().stream().map(org.leverdesk.ui.common.form.FieldModel::group).distinct().toList());
        assertTrue(vm.validProperty().get());
        // a fresh install has no file yet: the defaults are a change worth saving
        assertTrue(vm.canSaveProperty().get());
    }

    @Test
    void theLlmAdvisorNeedsAModelAndAnHttpsEndpoint() {
        SettingsViewModel vm = vm();
        assertEquals("false", vm.field("advisor.llmEnabled").valueProperty().get(), "off by default");
        type(vm, "advisor.llmEnabled", "true");
        assertEquals("LLM model is needed when the LLM advisor is on", vm.field("advisor.llmModel").problemProperty().get());
        type(vm, "advisor.llmModel", "some-model");
        type(vm, "advisor.llmEndpoint", "http://llm.example.com/v1/messages");
        assertTrue(vm.field("advisor.llmEndpoint").problemProperty().get().contains("must use https://"),
                vm.field("advisor.llmEndpoint").problemProperty().get());
        assertFalse(vm.canSaveProperty().get());
        type(vm, "advisor.llmEndpoint", "http://127.0.0.1:8080/v1/chat/completions");
        type(vm, "advisor.llmApi", "openai");
        assertTrue(vm.validProperty().get(), vm.validationMessageProperty().get());
    }

    @Test
    void invalidCapitalShareIsMarkedAndBlocksSaveUntilFixed() {
        SettingsViewModel vm = vm();
        type(vm, "strategies.rsi2.capitalShare", "150");
        assertEquals("Capital share must be above 0% and at most 100% (got 150%)",
                vm.field("strategies.rsi2.capitalShare").problemProperty().get());
        assertFalse(vm.canSaveProperty().get());
        assertEquals("RSI(2) mean reversion with SQQQ hedge · Capital share must be above 0% and at most 100% (got 150%)",
                vm.validationMessageProperty().get());
        type(vm, "strategies.rsi2.capitalShare", "abc");
        assertEquals("Capital share must be a number (got 'abc')", vm.field("strategies.rsi2.capitalShare").problemProperty().get());
        assertFalse(vm.canSaveProperty().get());
        type(vm, "strategies.rsi2.capitalShare", "50");
        assertEquals("", vm.field("strategies.rsi2.capitalShare").problemProperty().get());
        assertTrue(vm.canSaveProperty().get());
    }

    @Test
    void enabledSharesAboveOneMarkEveryEnabledShare() {
        SettingsViewModel vm = vm();
        type(vm, "strategies.rsi2.enabled", "true");
        type(vm, "strategies.regime.enabled", "true");
        type(vm, "strategies.rsi2.capitalShare", "60");
        type(vm, "strategies.regime.capitalShare", "50");
        String problem = "The enabled strategies' capital shares add up to 110%; lower them to 100% or less so they cannot trade the same dollars twice";
        assertEquals(problem, vm.field("strategies.rsi2.capitalShare").problemProperty().get());
        assertEquals(problem, vm.field("strategies.regime.capitalShare").problemProperty().get());
        assertEquals("", vm.field("strategies.monthly-rebalance.capitalShare").problemProperty().get());
        assertFalse(vm.validProperty().get());
    }

    @Test
    void everyProblemIsListedAtOnceInLabels() {
        SettingsViewModel vm = vm();
        type(vm, "risk.tolerancePercent", "60");
        type(vm, "risk.maxQuoteAgeSeconds", "soon");
        type(vm, "strategies.regime.parameters.fastPeriod", "1");
        assertEquals(String.join("\n", "Risk · Tolerance must be between 0% and 50% (got 60%)",
                "Risk · Maximum quote age must be a number (got 'soon')",
                "Regime (QQQ regimes size TQQQ) · Fast SMA must be between 2 and 999 days (got 1 days)"),
                vm.validationMessageProperty().get());
        assertFalse(vm.validationMessageProperty().get().contains("risk."), "no config keys");
    }

    @Test
    void strategyParameterIsCheckedByTheStrategyAndMarkedOnTheParameterNamed() {
        SettingsViewModel vm = vm();
        type(vm, "strategies.rsi2.parameters.entryRsi", "80");
        String problem = vm.field("strategies.rsi2.parameters.entryRsi").problemProperty().get();
        assertEquals("Entry RSI (80.0) must be below Exit RSI (75.0)", problem);
        assertEquals("", vm.field("strategies.rsi2.parameters.exitRsi").problemProperty().get());
        assertFalse(vm.canSaveProperty().get());
        type(vm, "strategies.rsi2.parameters.entryRsi", "25");
        assertTrue(vm.validProperty().get());
    }

    @Test
    void aStrategysSymbolHasNoFieldButSurvivesASave() {
        // monthly rebalance on QQQM beside regime on TQQQ: the symbol is a parameter without a field; Settings
        // once dropped it, showed "both trade TQQQ" on opening and would have moved the strategy to TQQQ on save
        file.save(AppConfig.defaults()
                .withStrategy(new StrategySettings("regime", true, 0.5, Map.of(), null))
                .withStrategy(new StrategySettings("monthly-rebalance", true, 0.3, Map.of("allocation", "20000", "symbol", "QQQM"), null)));
        SettingsViewModel vm = vm();
        assertTrue(vm.validProperty().get(), vm.validationMessageProperty().get());
        type(vm, "risk.minTradeValue", "250");
        vm.save();
        StrategySettings saved = file.load().strategy("monthly-rebalance").orElseThrow();
        assertEquals("QQQM", saved.parameters().get("symbol"));
        assertEquals("20000", saved.parameters().get("allocation"));
    }

    @Test
    void saveWritesTheConfigAndANewVersionOnlyForTheStrategyWhoseParametersChanged() {
        SettingsViewModel vm = vm();
        type(vm, "strategies.rsi2.parameters.entryRsi", "25");
        type(vm, "strategies.rsi2.enabled", "true");
        type(vm, "risk.minTradeValue", "250");
        vm.save();

        assertTrue(file.exists());
        AppConfig saved = file.load();
        StrategySettings rsi2 = saved.strategy("rsi2").orElseThrow();
        assertTrue(rsi2.enabled());
        assertEquals("25", rsi2.parameters().get("entryRsi"));
        assertEquals(250.0, saved.risk().minTradeValue());
        List<StrategyVersion> rsi2Versions = versions.list("rsi2");
        assertEquals(2, rsi2Versions.size(), "defaults + the saved one");
        assertEquals("25", rsi2Versions.get(0).parameters().get("entryRsi"));
        assertEquals("user", rsi2Versions.get(0).createdBy());
        assertEquals(1, versions.list("regime").size(), "regime's parameters did not change");
        assertTrue(vm.statusMessageProperty().get().contains("new version 2 of rsi2"), vm.statusMessageProperty().get());
        assertFalse(vm.canSaveProperty().get(), "nothing left to save");

        // opening again shows what was saved, and saving nothing new makes no version
        SettingsViewModel again = vm();
        assertEquals("25", again.field("strategies.rsi2.parameters.entryRsi").valueProperty().get());
        assertFalse(again.canSaveProperty().get());
    }

    @Test
    void anOptionsModeIsChosenInTheFormAndSavedExpandedIntoItsStrategies() {
        SettingsViewModel vm = vm();
        assertEquals("off", vm.field("portfolio.mode").valueProperty().get());
        assertEquals("Options mode (seed 003)", vm.field("portfolio.symbols").group());
        type(vm, "portfolio.mode", "balanced");
        type(vm, "portfolio.symbols", "QQQM:QQQ:0.8:dca,wheel:0.5; VTI:VTI:0.3:dca:0.35");
        assertEquals("Assets: the DCA weights add up to 1.1; they must add up to at most 1",
                vm.field("portfolio.symbols").problemProperty().get());
        assertFalse(vm.canSaveProperty().get());
        type(vm, "portfolio.symbols", "QQQM:QQQ:0.45:dca,wheel");
        assertTrue(vm.field("portfolio.symbols").problemProperty().get().startsWith("--asset 'QQQM:QQQ:0.45:dca,wheel' must be"),
                vm.field("portfolio.symbols").problemProperty().get());
        assertFalse(vm.canSaveProperty().get());
        type(vm, "portfolio.symbols", "QQQM:QQQ:0.45:dca,wheel:0.5; VTI:VTI:0.25:dca:0.35");
        assertTrue(vm.canSaveProperty().get(), vm.validationMessageProperty().get());
        vm.save();

        AppConfig saved = file.load();
        assertEquals(org.leverdesk.config.OptionsMode.BALANCED, saved.portfolio().mode());
        assertEquals(0.40, saved.strategy("dca").orElseThrow().capitalShare());
        assertEquals("QQQM:0.45,VTI:0.25", saved.strategy("dca").orElseThrow().parameters().get("weights"));
        assertEquals(0.60, saved.strategy("wheel").orElseThrow().capitalShare());
        assertTrue(saved.strategy("wheel").orElseThrow().enabled());
        // the form shows the expansion: the strategies' fields hold what the mode set
        assertEquals("true", vm.field("strategies.dca.enabled").valueProperty().get());
        assertEquals("40", vm.field("strategies.dca.capitalShare").valueProperty().get());
        assertEquals("QQQM:QQQ:0.45:dca,wheel:0.5; VTI:VTI:0.25:dca:0.35", vm.field("portfolio.symbols").valueProperty().get());
        assertFalse(vm.canSaveProperty().get(), "nothing left to save");
    }

    @Test
    void theMarketDataFeedIsIexUntilSipIsChosenAndSavingOtherSettingsKeepsIt() {
        SettingsViewModel vm = vm();
        assertEquals("IEX", vm.field("broker.dataFeed").valueProperty().get());
        type(vm, "broker.dataFeed", "SIP");
        vm.save();
        assertEquals(org.leverdesk.config.DataFeed.SIP, file.load().broker().dataFeed());

        SettingsViewModel again = vm();
        assertEquals("SIP", again.field("broker.dataFeed").valueProperty().get());
        type(again, "risk.minTradeValue", "250");
        again.save();
        assertEquals(org.leverdesk.config.DataFeed.SIP, file.load().broker().dataFeed(), "another setting's save keeps the feed");
    }

    @Test
    void secretsGoToTheSecretsFileNeverToTheConfig() throws Exception {
        SettingsViewModel vm = vm();
        type(vm, "secret.ALPACA_KEY_ID", "PKTEST123");
        type(vm, "secret.TELEGRAM_BOT_TOKEN", "123:abc");
        vm.save();
        assertEquals("PKTEST123", secrets.get(Secrets.ALPACA_KEY_ID).orElseThrow());
        assertEquals("123:abc", secrets.get(Secrets.TELEGRAM_BOT_TOKEN).orElseThrow());
        String json = Files.readString(file.path());
        assertFalse(json.contains("PKTEST123") || json.contains("123:abc"), json);
        assertEquals("", vm.field("secret.ALPACA_KEY_ID").valueProperty().get(), "the typed secret is not kept on screen");
        assertEquals("stored · type to replace", vm.field("secret.ALPACA_KEY_ID").promptProperty().get());
        assertEquals("not set", vm.field("secret.SMTP_PASSWORD").promptProperty().get());
    }

    @Test
    void switchingToLiveTradingNeedsConfirmation() {
        SettingsViewModel vm = vm();
        List<String> asked = new ArrayList<>();
        vm.setLiveConfirmation(q -> {
            asked.add(q);
            return false;
        });
        type(vm, "broker.kind", "ALPACA");
        type(vm, "broker.alpacaEndpoint", "LIVE");
        type(vm, "broker.liveTradingEnabled", "true");
        vm.save();
        assertEquals(1, asked.size());
        assertFalse(file.exists(), "refused: nothing written");
        assertEquals("Not saved: the switch to live trading was not confirmed", vm.errorMessageProperty().get());

        vm.setLiveConfirmation(q -> true);
        vm.save();
        assertEquals(TradingMode.LIVE, file.load().broker().mode());
        assertEquals(BrokerKind.ALPACA, file.load().broker().kind());
    }

    @Test
    void exportThenImportRoundTripsAndABadFileReplacesNothing() throws Exception {
        SettingsViewModel vm = vm();
        type(vm, "risk.maxQuoteAgeSeconds", "120");
        type(vm, "strategies.monthly-rebalance.parameters.allocation", "5000");
        Path exported = dir.resolve("out/settings.json");
        vm.exportTo(exported);
        assertEquals("Exported the settings to " + exported, vm.statusMessageProperty().get());

        SettingsViewModel other = vm();
        Path bad = dir.resolve("bad.json");
        Files.writeString(bad, Files.readString(exported).replace("\"maxQuoteAgeSeconds\" : 120", "\"maxQuoteAgeSeconds\" : 0"));
        other.importFrom(bad);
        assertTrue(other.errorMessageProperty().get().startsWith("Not imported: "), other.errorMessageProperty().get());
        assertTrue(other.errorMessageProperty().get().contains("risk.maxQuoteAgeSeconds must be between 1 and 86400"));
        assertEquals("900", other.field("risk.maxQuoteAgeSeconds").valueProperty().get(), "nothing replaced");

        Path badParam = dir.resolve("bad-param.json");
        Files.writeString(badParam, Files.readString(exported).replace("\"allocation\" : \"5000\"", "\"allocation\" : \"-1\""));
        other.importFrom(badParam);
        assertTrue(other.errorMessageProperty().get().startsWith("Not imported: " + badParam
                + ": strategies.monthly-rebalance.parameters: allocation must be a positive dollar amount"),
                other.errorMessageProperty().get());
        assertEquals("2,000.00", other.field("strategies.monthly-rebalance.parameters.allocation").valueProperty().get());

        other.importFrom(exported);
        assertEquals("", other.errorMessageProperty().get());
        assertEquals("120", other.field("risk.maxQuoteAgeSeconds").valueProperty().get());
        assertEquals("5,000.00", other.field("strategies.monthly-rebalance.parameters.allocation").valueProperty().get());
    }

    @Test
    void emailNeedsItsAddressesAndSendTestCallsTheHook() {
        SettingsViewModel vm = vm();
        type(vm, "notifications.email", "true");
        assertEquals("E-mail needs the SMTP host, From and To",
                vm.field("notifications.smtpHost").problemProperty().get());
        assertEquals("E-mail needs the SMTP host, From and To",
                vm.field("notifications.emailTo").problemProperty().get());
        type(vm, "notifications.smtpHost", "smtp.example.com");
        type(vm, "notifications.emailFrom", "bot@example.com");
        type(vm, "notifications.emailTo", "me@example.com");
        assertTrue(vm.validProperty().get());
        vm.sendTest("email");
        assertEquals(List.of("email"), tested);
        assertEquals("email: sent", vm.statusMessageProperty().get());
        assertTrue(vm.canSendTests());
        assertFalse(new SettingsViewModel(file, secrets, versions, executor, null).canSendTests());
    }

    @Test
    void theThemeChoiceFollowsASwitchMadeFromTheMenuOrTheShortcut() {
        // the window's one theme state; View › Theme and Ctrl+Shift+L switch it through apply
        javafx.beans.property.SimpleStringProperty current = new javafx.beans.property.SimpleStringProperty("primer-light");
        List<String> applied = new ArrayList<>();
        org.leverdesk.ui.common.Appearance appearance = new org.leverdesk.ui.common.Appearance() {
            @Override public List<org.leverdesk.strategy.catalog.Choice> themes() {
                return List.of(new org.leverdesk.strategy.catalog.Choice("primer-light", "Light (Primer)"),
                        new org.leverdesk.strategy.catalog.Choice("primer-dark", "Dark (Primer)"));
            }
            @Override public String current() { return current.get(); }
            @Override public void apply(String id) { applied.add(id); current.set(id); }
            @Override public javafx.beans.value.ObservableValue<String> currentProperty() { return current; }
        };
        SettingsViewModel vm = new SettingsViewModel(file, secrets, versions, executor, null, appearance);
        // a choice field holds the choice's value; its box shows the label ("Dark (Primer)")
        assertEquals("primer-light", vm.themeField().valueProperty().get());
        appearance.apply("primer-dark");   // the menu's switch, not the Settings field
        assertEquals("primer-dark", vm.themeField().valueProperty().get());
        assertFalse(vm.themeField().changedProperty().get(), "shown as the theme in use, not as an unsaved edit");
        // and choosing in Settings still switches the window
        vm.themeField().valueProperty().set("primer-light");
        assertEquals(List.of("primer-dark", "primer-light"), applied);
        assertEquals("primer-light", current.get());
    }
}
