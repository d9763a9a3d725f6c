package org.leverdesk.ui.strategies;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.value.ObservableBooleanValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.leverdesk.strategy.catalog.ParameterChange;
import org.leverdesk.strategy.catalog.StrategyDescriptor;
import org.leverdesk.strategy.catalog.StrategyVersion;
import org.leverdesk.strategy.catalog.StrategyVersions;
import org.leverdesk.ui.common.Formats;
import org.leverdesk.ui.common.TaskExecutor;
import org.leverdesk.ui.common.form.FieldModel;
import org.leverdesk.ui.common.form.FormModel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Strategies view's state: a strategy's versions, an editor for a new version started from the
 * selected one (validated by the strategy itself as the user types), the differences between two
 * versions, and making a version active. Store calls run through the {@link TaskExecutor}.
 */
public final class StrategiesViewModel {
    /** Who the versions saved here are created by. */
    static final String CREATED_BY = "user";
    private static final Logger LOG = LoggerFactory.getLogger(StrategiesViewModel.class);

    private final StrategyVersions store;
    private final TaskExecutor executor;
    private final ZoneId zone;

    private final ObservableList<StrategyDescriptor> strategies;
    private final ObjectProperty<StrategyDescriptor> strategy = new SimpleObjectProperty<>(this, "strategy");
    private final ObservableList<StrategyVersion> versions = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<StrategyVersion> editing = new ReadOnlyObjectWrapper<>();
    private final ObservableList<FieldModel> editor = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper validationMessage = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper valid = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper changed = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper();
    private final BooleanBinding canSave = valid.and(changed).and(busy.not());
    private final ObservableList<ParameterChange> differences = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper diffTitle = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper diffA = new ReadOnlyStringWrapper("Version A");
    private final ReadOnlyStringWrapper diffB = new ReadOnlyStringWrapper("Version B");
    private final ReadOnlyStringWrapper statusMessage = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper errorMessage = new ReadOnlyStringWrapper("");
    // Made once: a wrapper made per call could be collected, silently dropping listeners added to it.
    private final ObservableList<StrategyVersion> versionsView = FXCollections.unmodifiableObservableList(versions);
    private final ObservableList<FieldModel> editorView = FXCollections.unmodifiableObservableList(editor);
    private final ObservableList<ParameterChange> differencesView = FXCollections.unmodifiableObservableList(differences);
    private long listings;
    private long comparisons;
    /** The chosen strategy's parameters as a form; null before a strategy is chosen. */
    private FormModel form;

    /** @param zone the zone creation times are shown in */
    public StrategiesViewModel(StrategyVersions store, TaskExecutor executor, ZoneId zone) {
        this.store = store;
        this.executor = executor;
        this.zone = zone;
        this.strategies = FXCollections.unmodifiableObservableList(FXCollections.observableArrayList(store.strategies()));
        strategy.addListener((obs, old, now) -> {
            form = now == null ? null : newForm(now);
            versions.clear();
            startEditing(null);
            clearDiff();
            statusMessage.set("");
            errorMessage.set("");
            refresh(null);
        });
        if (!strategies.isEmpty()) {
            strategy.set(strategies.get(0));
        }
    }

    // ---- State --------------------------------------------------------------------------------

    /** The strategies with versions, in display order. */
    public ObservableList<StrategyDescriptor> strategies() {
        return strategies;
    }

    /** The strategy shown; changing it lists its versions. */
    public ObjectProperty<StrategyDescriptor> strategyProperty() {
        return strategy;
    }

    /** The chosen strategy's versions, newest first. */
    public ObservableList<StrategyVersion> versions() {
        return versionsView;
    }

    /** The version the editor started from (the parent of a saved version); null before the list arrives. */
    public ReadOnlyObjectProperty<StrategyVersion> editingProperty() {
        return editing.getReadOnlyProperty();
    }

    /** One editable field per parameter (label, unit, kind, help, its own problem), in the strategy's order. */
    public ObservableList<FieldModel> editor() {
        return editorView;
    }

    /** Every reason the edited parameters cannot be saved, one per line, in labels; "" when they are valid. */
    public ReadOnlyStringProperty validationMessageProperty() {
        return validationMessage.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty validProperty() {
        return valid.getReadOnlyProperty();
    }

    /** True when the edited values are valid, differ from the version edited, and nothing is being saved. */
    public ObservableBooleanValue canSaveProperty() {
        return canSave;
    }

    /** True while a save or an activation is under way. */
    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** Parameters that differ between the two compared versions. */
    public ObservableList<ParameterChange> differences() {
        return differencesView;
    }

    /** What is compared, e.g. "Version 1 → version 2: 1 parameter differs"; "" when nothing is. */
    public ReadOnlyStringProperty diffTitleProperty() {
        return diffTitle.getReadOnlyProperty();
    }

    /** The heading of the compared older version's column, e.g. "Version 1". */
    public ReadOnlyStringProperty diffAProperty() {
        return diffA.getReadOnlyProperty();
    }

    /** The heading of the compared newer version's column. */
    public ReadOnlyStringProperty diffBProperty() {
        return diffB.getReadOnlyProperty();
    }

    /** The outcome of the last save or activation, as one line. */
    public ReadOnlyStringProperty statusMessageProperty() {
        return statusMessage.getReadOnlyProperty();
    }

    /** Why the last store call failed, as one line; "" after a success. */
    public ReadOnlyStringProperty errorMessageProperty() {
        return errorMessage.getReadOnlyProperty();
    }

    /** When {@code version} was created, in local time: "2025-01-01 09:30". */
    public String created(StrategyVersion version) {
        return Formats.dateTime(version.createdAt(), zone);
    }

    // ---- Commands -----------------------------------------------------------------------------

    /**
     * The user selected {@code selection} in the versions table: one version loads it into the
     * editor; two compare the older with the newer.
     */
    public void select(List<StrategyVersion> selection) {
        if (selection.size() == 1) {
            startEditing(selection.get(0));
            clearDiff();
        } else if (selection.size() == 2) {
            StrategyVersion a = selection.get(0);
            StrategyVersion b = selection.get(1);
            compare(a.number() <= b.number() ? a : b, a.number() <= b.number() ? b : a);
        } else {
            clearDiff();
        }
    }

    /** Shows the differences from version {@code a} to version {@code b}. */
    public void compare(StrategyVersion a, StrategyVersion b) {
        long ticket = ++comparisons;
        executor.execute(() -> store.diff(a.id(), b.id()), changes -> {
            if (ticket != comparisons) {
                return;
            }
            differences.setAll(changes);
            diffA.set(label(a));
            diffB.set(label(b));
            diffTitle.set(label(a) + " → " + label(b).toLowerCase(java.util.Locale.ROOT) + ": "
                    + (changes.isEmpty() ? "no parameter differs"
                    : changes.size() + (changes.size() == 1 ? " parameter differs" : " parameters differ")));
        }, error -> failed("compare version " + a.number() + " with version " + b.number(), error));
    }

    /** Puts the values of the version being edited back into the editor. */
    public void resetEditor() {
        startEditing(editing.get());
    }

    /** Saves the edited parameters as a new version whose parent is the version edited. */
    public void save() {
        if (!canSave.get()) {
            return;
        }
        StrategyDescriptor s = strategy.get();
        StrategyVersion parent = editing.get();
        Map<String, String> parameters = editedParameters();
        List<Long> known = versions.stream().map(StrategyVersion::id).toList();
        busy.set(true);
        errorMessage.set("");
        executor.execute(() -> store.save(s.id(), parameters, parent == null ? null : parent.id(), CREATED_BY), saved -> {
            busy.set(false);
            statusMessage.set(known.contains(saved.id())
                    ? "Same parameters as " + label(saved).toLowerCase(java.util.Locale.ROOT) + "; nothing new was saved"
                    : "Saved " + label(saved).toLowerCase(java.util.Locale.ROOT)
                    + (parent == null ? "" : " from version " + parent.number()));
            refresh(saved.id());
        }, error -> {
            busy.set(false);
            failed("save the version", error);
        });
    }

    /** Makes {@code version} the strategy's active version. */
    public void makeActive(StrategyVersion version) {
        if (version == null || busy.get()) {
            return;
        }
        busy.set(true);
        errorMessage.set("");
        executor.execute(() -> store.activate(version.id()), active -> {
            busy.set(false);
            statusMessage.set(label(active) + " is now active");
            refresh(editing.get() == null ? null : editing.get().id());
        }, error -> {
            busy.set(false);
            failed("make version " + version.number() + " active", error);
        });
    }

    /** Lists the versions again; then edits version {@code editId} (or the active one when null or gone). */
    public void refresh(Long editId) {
        StrategyDescriptor s = strategy.get();
        if (s == null) {
            return;
        }
        long ticket = ++listings;
        executor.execute(() -> store.list(s.id()), list -> {
            if (ticket != listings || s != strategy.get()) {
                return; // a newer listing, or another strategy, is on its way
            }
            versions.setAll(list);
            StrategyVersion edit = list.stream().filter(v -> editId != null && v.id() == editId).findFirst()
                    .or(() -> list.stream().filter(StrategyVersion::active).findFirst())
                    .orElse(list.isEmpty() ? null : list.get(0));
            if (editId == null || editing.get() == null || edit == null || edit.id() != editing.get().id()
                    || editor.stream().noneMatch(e -> e.changedProperty().get())) {
                startEditing(edit);
            } else {
                editing.set(edit); // the same version, now with its current active flag; keep the edits
            }
        }, error -> failed("list the versions of " + s.displayName(), error));
    }

    /** "Version 2" — the number users see for a version. */
    static String label(StrategyVersion v) {
        return "Version " + v.number();
    }

    // ---- Internals ----------------------------------------------------------------------------

    private FormModel newForm(StrategyDescriptor s) {
        // Pure parsing by the strategy's own config (no store access), cheap enough for every keystroke.
        FormModel made = new FormModel(s.parameters(), params -> store.validate(s.id(), params));
        made.fields().forEach(f -> f.valueProperty().addListener(obs -> validate()));
        return made;
    }

    private void startEditing(StrategyVersion version) {
        editing.set(version);
        if (version != null && form != null) {
            form.load(version.parameters());
            editor.setAll(form.fields());
        } else {
            editor.clear();
        }
        validate();
    }

    private Map<String, String> editedParameters() {
        return new LinkedHashMap<>(form.values());
    }

    private void validate() {
        changed.set(form != null && !editor.isEmpty() && form.changedProperty().get());
        StrategyDescriptor s = strategy.get();
        if (s == null || editing.get() == null || form == null) {
            validationMessage.set("");
            valid.set(false);
            return;
        }
        form.validate();
        validationMessage.set(form.problemText());
        valid.set(form.validProperty().get());
    }

    private void clearDiff() {
        comparisons++;
        differences.clear();
        diffTitle.set("");
        diffA.set("Version A");
        diffB.set("Version B");
    }

    private void failed(String action, Throwable error) {
        LOG.warn("could not {}", action, error);
        errorMessage.set("Could not " + action + ": " + oneLine(error.getMessage()));
    }

    private static String oneLine(String message) {
        if (message == null || message.isBlank()) {
            return "no details";
        }
        int nl = message.indexOf('\n');
        return nl < 0 ? message.strip() : message.substring(0, nl).strip();
    }
}
