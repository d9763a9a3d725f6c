package org.leverdesk.ui.settings;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ObservableBooleanValue;
import org.leverdesk.config.AppConfig;
import org.leverdesk.config.ConfigException;
import org.leverdesk.config.ConfigFile;
import org.leverdesk.config.ConfigValidator;
import org.leverdesk.config.Secrets;
import org.leverdesk.config.StrategySettings;
import org.leverdesk.domain.TradingMode;
import org.leverdesk.strategy.catalog.ParameterSets;
import org.leverdesk.strategy.catalog.StrategyDescriptor;
import org.leverdesk.strategy.catalog.StrategyVersion;
import org.leverdesk.strategy.catalog.StrategyVersions;
import org.leverdesk.ui.common.TaskExecutor;
import org.leverdesk.ui.common.form.FieldModel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Settings view's state: every setting of {@link AppConfig} (broker, risk, each strategy with all
 * its catalog parameters, notifications) and the secrets as {@link FieldModel}s, re-validated on
 * every keystroke with {@link ConfigValidator} and the strategies' own parameter checks. Saving writes
 * the config file and the typed secrets, and saves a new strategy version for every strategy whose
 * parameters changed.
 */
public final class SettingsViewModel {
    /** Who the strategy versions saved here are created by (as in the Strategies view). */
    static final String CREATED_BY = "user";
    /** The notification channels a "Send test" can be asked for. */
    public static final List<String> CHANNELS = List.of("desktop", "telegram", "discord", "email");
    private static final Logger LOG = LoggerFactory.getLogger(SettingsViewModel.class);

    private final ConfigFile file;
    private final Secrets secrets;
    private final StrategyVersions versions;
    private final List<StrategyDescriptor> strategies;
    private final TaskExecutor executor;
    private final Function<String, String> sendTest;
    private final SettingsForm form;
    private final FieldModel theme;
    /** The heading of the theme field. */
    public static final String APPEARANCE = "Appearance";

    private final ReadOnlyBooleanWrapper valid = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper changed = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper();
    private final BooleanBinding canSave = valid.and(changed).and(busy.not());
    private final ReadOnlyStringWrapper validationMessage = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper statusMessage = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper errorMessage = new ReadOnlyStringWrapper("");
    private org.leverdesk.config.ControlLock controlLock;
    private org.leverdesk.ui.common.PassphrasePrompt passphrasePrompt = org.leverdesk.ui.common.PassphrasePrompt.NONE;
    private Predicate<String> confirmLive = message -> false;
    private AppConfig saved;
    private boolean filling;

    /**
     * @param versions   the strategies' parameter versions (validation and new versions); never null
     * @param sendTest   sends a test message on a channel ({@link #CHANNELS}) and returns what happened;
     *                   {@code null} when notifications cannot be sent yet (the view hides the buttons)
     */
    public SettingsViewModel(ConfigFile file, Secrets secrets, StrategyVersions versions, TaskExecutor executor,
                             Function<String, String> sendTest) {
        this(file, secrets, versions, executor, sendTest, null);
    }

    /** Like the other constructor, with the window's theme ({@code null}: no Appearance group). */
    public SettingsViewModel(ConfigFile file, Secrets secrets, StrategyVersions versions, TaskExecutor executor,
                             Function<String, String> sendTest, org.leverdesk.ui.common.Appearance appearance) {
        this.file = Objects.requireNonNull(file, "config file");
        this.secrets = Objects.requireNonNull(secrets, "secrets");
        this.versions = Objects.requireNonNull(versions, "strategy versions");
        this.strategies = versions.strategies();
        this.executor = executor;
        this.sendTest = sendTest;
        this.form = new SettingsForm(strategies, secrets);
        AppConfig loaded;
        try {
            loaded = file.load();
        } catch (ConfigException e) {
            // Show the file as written with its problems marked, so they can be fixed here; when it cannot
            // even be parsed, the defaults (saving them replaces the broken file).
            errorMessage.set(e.getMessage());
            AppConfig asWritten;
            try {
                asWritten = file.read();
            } catch (ConfigException unreadable) {
                asWritten = AppConfig.defaults();
            }
            loaded = asWritten;
        }
        saved = loaded;
        for (FieldModel f : form.fields()) {
            f.valueProperty().addListener(obs -> {
                if (!filling) {
                    validate();
                }
            });
        }
        fill(loaded);
        this.theme = appearance == null ? null : themeField(appearance);
    }

    // The theme is not part of config.json: it is applied (and remembered) the moment it is chosen.
    private static FieldModel themeField(org.leverdesk.ui.common.Appearance appearance) {
        FieldModel f = new FieldModel("appearance.theme", APPEARANCE, org.leverdesk.strategy.catalog.Params.choice("theme", "Theme",
                appearance.current(), "Light or dark, for every view, chart and tile; applied at once",
                appearance.themes().toArray(org.leverdesk.strategy.catalog.Choice[]::new)));
        f.load(appearance.current());
        f.valueProperty().addListener((obs, old, now) -> {
            if (f.parsed().ok() && !f.stored().equals(appearance.current())) {
                appearance.apply(f.stored());
            }
        });
        return f;
    }

    /** The theme field (applied at once, not saved with the config), or null when the window has no themes. */
    public FieldModel themeField() {
        return theme;
    }

    // ---- State --------------------------------------------------------------------------------

    /** Every field in display order, grouped by {@link SettingField#group()}. */
    public List<FieldModel> fields() {
        return form.fields();
    }

    /** The field of config key {@code key}. */
    public FieldModel field(String key) {
        return form.field(key);
    }

    /** True while every field is valid. */
    public ReadOnlyBooleanProperty validProperty() {
        return valid.getReadOnlyProperty();
    }

    /** True when something differs from the saved config (or a secret was typed). */
    public ReadOnlyBooleanProperty changedProperty() {
        return changed.getReadOnlyProperty();
    }

    /** Save is possible: valid, changed and not already saving. */
    public ObservableBooleanValue canSaveProperty() {
        return canSave;
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** Every problem at once, one per line as "group · problem" in labels ("" when none). */
    public ReadOnlyStringProperty validationMessageProperty() {
        return validationMessage.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusMessageProperty() {
        return statusMessage.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty errorMessageProperty() {
        return errorMessage.getReadOnlyProperty();
    }

    /** Whether the "Send test" buttons are offered. */
    public boolean canSendTests() {
        return sendTest != null;
    }

    /** The config file edited. */
    public Path configPath() {
        return file.path();
    }

    /**
     * Asked (with the question to show) before a save switches to live trading; true goes ahead. The view
     * sets a confirmation dialog; without one a switch to live trading is never saved.
     */
    public void setLiveConfirmation(Predicate<String> confirm) {
        this.confirmLive = confirm == null ? message -> false : confirm;
    }

    /**
     * The control passphrase (when set) guards saves that switch to live trading, change a risk limit or
     * write a secret; {@code prompt} asks for it (a dialog in the window).
     */
    public void setControlLock(org.leverdesk.config.ControlLock lock, org.leverdesk.ui.common.PassphrasePrompt prompt) {
        this.controlLock = lock;
        this.passphrasePrompt = prompt == null ? org.leverdesk.ui.common.PassphrasePrompt.NONE : prompt;
    }

    /** Why {@code config} needs the passphrase against the saved config, or null when it does not. */
    private String lockedChange(AppConfig config, Map<String, String> typedSecrets) {
        if (config.broker().mode() == TradingMode.LIVE && saved.broker().mode() != TradingMode.LIVE) {
            return "Switch to live trading";
        }
        if (!config.risk().equals(saved.risk())) {
            return "Change the risk limits";
        }
        if (!typedSecrets.isEmpty()) {
            return "Change secrets";
        }
        return null;
    }

    /** True when the change may be saved: no lock, nothing locked, or the right passphrase. */
    private boolean unlocked(AppConfig config, Map<String, String> typedSecrets) {
        String why = controlLock == null || !controlLock.isSet() ? null : lockedChange(config, typedSecrets);
        if (why == null) {
            return true;
        }
        java.util.Optional<char[]> p = passphrasePrompt.ask(why + ": type the control passphrase.");
        if (p.isEmpty()) {
            errorMessage.set("Not saved: " + why.toLowerCase(java.util.Locale.ROOT) + " needs the control passphrase");
            return false;
        }
        org.leverdesk.config.ControlLock.Verdict v = controlLock.check(p.get());
        java.util.Arrays.fill(p.get(), '\0');
        if (!v.unlocked()) {
            LOG.warn("control passphrase refused for '{}': {}", why, v.reason());
            errorMessage.set("Not saved: " + v.reason());
            return false;
        }
        return true;
    }

    // ---- Actions ------------------------------------------------------------------------------

    /** Writes the config (and typed secrets), and a new version of each strategy whose parameters changed. */
    public void save() {
        if (!canSave.get()) {
            return;
        }
        AppConfig config = form.build().orElseThrow();
        if (config.broker().mode() == TradingMode.LIVE && saved.broker().mode() != TradingMode.LIVE
                && !confirmLive.test("Switch to LIVE trading? Orders will go to your real Alpaca account "
                + "and spend real money.")) {
            statusMessage.set("");
            errorMessage.set("Not saved: the switch to live trading was not confirmed");
            return;
        }
        AppConfig before = saved;
        Map<String, String> typedSecrets = form.typedSecrets();
        if (!unlocked(config, typedSecrets)) {
            statusMessage.set("");
            return;
        }
        busy.set(true);
        statusMessage.set("");
        errorMessage.set("");
        executor.execute(() -> write(before, config, typedSecrets), summary -> {
            busy.set(false);
            saved = config;
            if (!java.util.Objects.equals(before.portfolio(), config.portfolio())) {
                fill(config); // a new options mode set its strategies: show them
            }
            form.clearSecrets();
            statusMessage.set(summary);
            validate();
        }, error -> {
            busy.set(false);
            LOG.warn("cannot save the settings", error);
            errorMessage.set("Save failed: " + oneLine(error.getMessage()));
        });
    }

    // Runs in the background: file, secrets, then versions (the config is the part that must not be lost).
    private String write(AppConfig before, AppConfig config, Map<String, String> typedSecrets) {
        file.save(config);
        typedSecrets.forEach(secrets::put);
        List<String> made = new ArrayList<>();
        for (StrategyDescriptor s : strategies) {
            Map<String, String> old = canonical(s, before);
            Map<String, String> now = canonical(s, config);
            if (!now.equals(old)) {
                try {
                    StrategyVersion v = versions.save(s.id(), now, null, CREATED_BY);
                    made.add("version " + v.number() + " of " + s.id());
                } catch (RuntimeException e) {
                    // Say exactly what happened: the file is written, the version is not (Save again retries it).
                    throw new IllegalStateException("the settings file was written, but " + s.id()
                            + "'s new parameter version was not saved (" + oneLine(e.getMessage()) + "); press Save again", e);
                }
            }
        }
        return "Saved " + file.path() + (typedSecrets.isEmpty() ? "" : " and " + typedSecrets.size() + " secret(s)")
                + (made.isEmpty() ? "" : "; new " + String.join(", ", made));
    }

    /** Puts the saved config back into the editor. */
    public void revert() {
        fill(saved);
        form.clearSecrets();
        validate();
        statusMessage.set("");
        errorMessage.set("");
    }

    /**
     * Loads a config file exported earlier into the editor, after checking it completely (format,
     * ranges, every strategy parameter); nothing changes when it has a problem. Press Save to use it.
     */
    public void importFrom(Path path) {
        statusMessage.set("");
        errorMessage.set("");
        if (!Files.isRegularFile(path)) {
            errorMessage.set("Not imported: " + path + " is not a file; choose an exported Leverdesk config (.json)");
            return;
        }
        AppConfig config;
        try {
            config = new ConfigFile(path).load();
            for (StrategySettings s : config.strategies()) {
                Optional<StrategyDescriptor> d = strategies.stream().filter(x -> x.id().equals(s.strategyId())).findFirst();
                if (d.isEmpty()) {
                    throw new IllegalArgumentException("strategies." + s.strategyId() + " is not a known strategy; known: "
                            + String.join(", ", strategies.stream().map(StrategyDescriptor::id).toList()));
                }
                try {
                    versions.validate(s.strategyId(), s.parameters());
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("strategies." + s.strategyId() + ": " + oneLine(e.getMessage()), e);
                }
            }
        } catch (ConfigException | IllegalArgumentException e) {
            errorMessage.set("Not imported: " + oneLine(e.getMessage()));
            return;
        }
        fill(config);
        statusMessage.set("Imported " + path.getFileName() + "; review the settings and press Save to use them");
    }

    /** Writes the edited config (never secrets) as a JSON file that {@link #importFrom} reads. */
    public void exportTo(Path path) {
        statusMessage.set("");
        errorMessage.set("");
        Optional<AppConfig> config = form.build();
        if (config.isEmpty()) {
            errorMessage.set("Not exported: fix the marked settings first");
            return;
        }
        try {
            new ConfigFile(path).save(config.get());
            statusMessage.set("Exported the settings to " + path);
        } catch (ConfigException e) {
            errorMessage.set("Not exported: " + oneLine(e.getMessage()));
        }
    }

    /** Sends a test message on {@code channel} through the injected hook; the result is shown as status. */
    public void sendTest(String channel) {
        if (sendTest == null) {
            return;
        }
        statusMessage.set("Sending a test message on " + channel + "…");
        errorMessage.set("");
        executor.execute(() -> sendTest.apply(channel), result -> statusMessage.set(channel + ": " + result),
                error -> {
                    statusMessage.set("");
                    errorMessage.set(channel + ": " + oneLine(error.getMessage()));
                });
    }

    // ---- Internals ----------------------------------------------------------------------------

    private void fill(AppConfig config) {
        filling = true;
        try {
            form.fill(config);
        } finally {
            filling = false;
        }
        validate();
    }

    private void validate() {
        List<String> problems = form.validate(versions::validate);
        valid.set(problems.isEmpty());
        validationMessage.set(String.join("\n", problems));
        Optional<AppConfig> built = form.build();
        changed.set(!form.typedSecrets().isEmpty() || built.isEmpty() || !built.get().equals(saved));
    }

    private Map<String, String> canonical(StrategyDescriptor s, AppConfig config) {
        Map<String, String> params = config.strategy(s.id()).map(StrategySettings::parameters).orElse(Map.of());
        try {
            return new LinkedHashMap<>(ParameterSets.canonical(s, params));
        } catch (IllegalArgumentException e) {
            return Map.of();  // an old file with parameters the strategy no longer accepts: anything valid is a change
        }
    }

    static String oneLine(String message) {
        if (message == null || message.isBlank()) {
            return "no details";
        }
        int nl = message.indexOf('\n');
        return nl < 0 ? message.strip() : message.substring(0, nl).strip();
    }
}
