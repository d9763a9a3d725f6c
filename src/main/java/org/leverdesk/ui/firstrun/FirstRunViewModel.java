package org.leverdesk.ui.firstrun;

import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.function.Function;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableBooleanValue;
import org.leverdesk.common.CancellationToken;
import org.leverdesk.config.AlpacaEndpoint;
import org.leverdesk.config.AppConfig;
import org.leverdesk.config.BrokerKind;
import org.leverdesk.config.BrokerSettings;
import org.leverdesk.config.ConfigFile;
import org.leverdesk.config.Secrets;
import org.leverdesk.ui.common.ProgressRelay;
import org.leverdesk.ui.common.TaskExecutor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The first-run dialog's state: start on the demo market with the paper broker (the default, one
 * click), import CSV price files, or connect Alpaca paper (keys checked by a real account call through
 * the injected check, then saved to the user-only secrets file). Finishing writes the config file, so
 * the dialog is never shown again.
 */
public final class FirstRunViewModel {
    /** The three ways to start. */
    public enum Choice { DEMO, CSV, ALPACA }

    private static final Logger LOG = LoggerFactory.getLogger(FirstRunViewModel.class);

    private final ConfigFile file;
    private final Secrets secrets;
    private final TaskExecutor executor;
    private final Function<AlpacaCredentials, KeyCheckResult> keyCheck;
    private final HistoryFetch history;

    private final ObjectProperty<Choice> choice = new SimpleObjectProperty<>(this, "choice", Choice.DEMO);
    private final StringProperty keyId = new SimpleStringProperty(this, "keyId", "");
    private final StringProperty secretKey = new SimpleStringProperty(this, "secretKey", "");
    private final ReadOnlyBooleanWrapper checking = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper connected = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper fetching = new ReadOnlyBooleanWrapper();
    private final ReadOnlyDoubleWrapper fetchProgress = new ReadOnlyDoubleWrapper();
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper done = new ReadOnlyBooleanWrapper();
    private final BooleanBinding canCheck;
    private final BooleanBinding canFinish;
    private CancellationToken cancel = CancellationToken.NONE;

    /**
     * @param keyCheck checks Alpaca keys with a real account call; {@code null} hides the Alpaca choice
     * @param history  fetches real history after connecting; {@code null} hides that option
     */
    public FirstRunViewModel(ConfigFile file, Secrets secrets, TaskExecutor executor,
                             Function<AlpacaCredentials, KeyCheckResult> keyCheck, HistoryFetch history) {
        this.file = Objects.requireNonNull(file, "config file");
        this.secrets = Objects.requireNonNull(secrets, "secrets");
        this.executor = executor;
        this.keyCheck = keyCheck;
        this.history = history;
        canCheck = Bindings.createBooleanBinding(() -> !keyId.get().isBlank() && !secretKey.get().isBlank()
                && !checking.get() && !connected.get(), keyId, secretKey, checking, connected);
        canFinish = Bindings.createBooleanBinding(() -> !checking.get() && !fetching.get()
                && (choice.get() != Choice.ALPACA || connected.get()), choice, checking, fetching, connected);
        choice.addListener((obs, old, now) -> error.set(""));
    }

    public ObjectProperty<Choice> choiceProperty() {
        return choice;
    }

    public StringProperty keyIdProperty() {
        return keyId;
    }

    public StringProperty secretKeyProperty() {
        return secretKey;
    }

    /** Whether Alpaca can be offered (a key check is wired). */
    public boolean alpacaAvailable() {
        return keyCheck != null;
    }

    /** Whether fetching history can be offered after connecting. */
    public boolean historyAvailable() {
        return history != null;
    }

    public ObservableBooleanValue canCheckProperty() {
        return canCheck;
    }

    /** Finish is possible: not busy, and for Alpaca only once the keys were accepted. */
    public ObservableBooleanValue canFinishProperty() {
        return canFinish;
    }

    public ReadOnlyBooleanProperty checkingProperty() {
        return checking.getReadOnlyProperty();
    }

    /** True once the Alpaca keys were accepted and saved. */
    public ReadOnlyBooleanProperty connectedProperty() {
        return connected.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty fetchingProperty() {
        return fetching.getReadOnlyProperty();
    }

    public ReadOnlyDoubleProperty fetchProgressProperty() {
        return fetchProgress.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    /** Becomes true when the config is written and the main window may open. */
    public ReadOnlyBooleanProperty doneProperty() {
        return done.getReadOnlyProperty();
    }

    /** Checks the typed keys with a real account call; on success saves them to the secrets file and writes the config. */
    public void connectAlpaca() {
        if (!canCheck.get() || keyCheck == null) {
            return;
        }
        AlpacaCredentials credentials = new AlpacaCredentials(keyId.get().trim(), secretKey.get().trim());
        checking.set(true);
        error.set("");
        message.set("Checking the keys with Alpaca…");
        executor.execute(() -> {
            KeyCheckResult result = keyCheck.apply(credentials);
            if (result.ok()) {
                secrets.put(Secrets.ALPACA_KEY_ID, credentials.keyId());
                secrets.put(Secrets.ALPACA_SECRET_KEY, credentials.secretKey());
                file.save(withBroker(new BrokerSettings(BrokerKind.ALPACA, AlpacaEndpoint.PAPER, false)));
            }
            return result;
        }, result -> {
            checking.set(false);
            if (result.ok()) {
                connected.set(true);
                secretKey.set("");
                message.set("Connected: " + result.message() + ". The keys are saved in " + secrets.file());
            } else {
                message.set("");
                error.set("Not connected: " + result.message());
            }
        }, e -> {
            checking.set(false);
            message.set("");
            LOG.warn("Alpaca key check failed", e);
            error.set("Not connected: " + oneLine(e));
        });
    }

    /** Fetches real history through the injected port, with progress; {@link #cancelFetch()} stops it. */
    public void fetchHistory() {
        if (history == null || !connected.get() || fetching.get()) {
            return;
        }
        CancellationToken token = new CancellationToken();
        cancel = token;
        fetching.set(true);
        fetchProgress.set(0);
        error.set("");
        ProgressRelay relay = new ProgressRelay(executor, (fraction, text) -> {
            if (fetching.get()) {
                fetchProgress.set(fraction);
                message.set(text);
            }
        });
        executor.execute(() -> history.fetch(relay, token), summary -> {
            fetching.set(false);
            fetchProgress.set(1);
            message.set(summary);
        }, e -> {
            fetching.set(false);
            fetchProgress.set(0);
            if (e instanceof CancellationException || token.isCancelled()) {
                message.set("History fetch cancelled; what was fetched is kept. Fetch again later from the Data view.");
            } else {
                LOG.warn("history fetch failed", e);
                error.set("History not fetched: " + oneLine(e));
            }
        });
    }

    /** Asks a running history fetch to stop. */
    public void cancelFetch() {
        cancel.cancel();
    }

    /**
     * Finishes the dialog with the chosen start: demo and CSV write the starter config (paper broker with
     * the regime strategy enabled, so the scheduler trades the paper account at 15:50; prices come from the
     * store once anything was imported, else the demo market on its own DEMO paper account); Alpaca has
     * written its config when the keys were accepted (no strategy: the trader enables one for a real account).
     */
    public void finish() {
        if (!canFinish.get()) {
            return;
        }
        try {
            if (choice.get() != Choice.ALPACA || !file.exists()) {
                file.save(AppConfig.starter());
            }
            done.set(true);
        } catch (RuntimeException e) {
            LOG.warn("cannot write the first config", e);
            error.set(oneLine(e));
        }
    }

    private AppConfig withBroker(BrokerSettings broker) {
        AppConfig d = AppConfig.defaults();
        return new AppConfig(broker, d.risk(), d.strategies(), d.notifications());
    }

    private static String oneLine(Throwable e) {
        String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        int nl = m.indexOf('\n');
        return nl < 0 ? m.strip() : m.substring(0, nl).strip();
    }
}
