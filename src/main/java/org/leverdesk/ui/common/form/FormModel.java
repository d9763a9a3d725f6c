package org.leverdesk.ui.common.form;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.leverdesk.strategy.catalog.ParameterValues;
import org.leverdesk.strategy.catalog.StrategyDescriptor.ParameterSpec;

/**
 * A strategy's parameters as a form: one {@link FieldModel} each, every field checked on every
 * keystroke, and once every field is valid the strategy's own check of the whole set (rules between
 * fields), whose message is retold with labels and put on the field it names. Lists every problem
 * at once. Shared by Settings, the Strategies view and the Backtest form; has no controls.
 */
public final class FormModel {
    private final List<FieldModel> fields;
    private final List<ParameterSpec> specs;
    private final Consumer<Map<String, String>> check;
    private final ObservableList<String> problems = FXCollections.observableArrayList();
    private final ObservableList<String> problemsView = FXCollections.unmodifiableObservableList(problems);
    private final ReadOnlyBooleanWrapper valid = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper changed = new ReadOnlyBooleanWrapper();
    private boolean loading;

    /**
     * @param check the strategy's check of a whole parameter set (strategy text, by name), throwing
     *              IllegalArgumentException with a one-line reason; null for none
     */
    public FormModel(List<ParameterSpec> specs, Consumer<Map<String, String>> check) {
        this.specs = List.copyOf(specs);
        this.check = check;
        List<FieldModel> made = new ArrayList<>();
        for (ParameterSpec p : specs) {
            FieldModel f = new FieldModel(p);
            f.valueProperty().addListener(obs -> {
                if (!loading) {
                    validate();
                }
            });
            made.add(f);
        }
        this.fields = List.copyOf(made);
        validate();
    }

    public List<FieldModel> fields() {
        return fields;
    }

    /** The field of parameter {@code name}. */
    public FieldModel field(String name) {
        return fields.stream().filter(f -> f.key().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no parameter '" + name + "' in this form"));
    }

    /** Loads the strategy's text of each parameter (missing ones take their defaults) as the unchanged state. */
    public void load(Map<String, String> stored) {
        loading = true;
        try {
            for (FieldModel f : fields) {
                f.load(stored.getOrDefault(f.key(), f.spec().defaultValue()));
            }
        } finally {
            loading = false;
        }
        validate();
    }

    /** Every parameter in the strategy's own text and unit, in form order (an invalid field as typed). */
    public Map<String, String> values() {
        Map<String, String> out = new LinkedHashMap<>();
        fields.forEach(f -> out.put(f.key(), f.stored()));
        return out;
    }

    /** Every problem, one line each, in form order; empty when the form can be used. */
    public ObservableList<String> problems() {
        return problemsView;
    }

    public ReadOnlyBooleanProperty validProperty() {
        return valid.getReadOnlyProperty();
    }

    /** True when a field differs from what was loaded. */
    public ReadOnlyBooleanProperty changedProperty() {
        return changed.getReadOnlyProperty();
    }

    /** All problems as one text, one per line ("" when none). */
    public String problemText() {
        return String.join("\n", problems);
    }

    /** Checks every field, then the whole set; updates each field's problem and the list. */
    public void validate() {
        List<String> found = new ArrayList<>();
        fields.forEach(f -> f.setProblem(""));
        for (FieldModel f : fields) {
            if (!f.ownProblem().isEmpty()) {
                found.add(f.ownProblem());
            }
        }
        if (found.isEmpty() && check != null) {
            try {
                check.accept(values());
            } catch (IllegalArgumentException e) {
                String raw = oneLine(e.getMessage());
                String words = ParameterValues.inWords(specs, raw);
                Optional<ParameterSpec> about = ParameterValues.about(specs, raw);
                about.ifPresent(p -> field(p.name()).setProblem(words));
                found.add(words);
            }
        }
        problems.setAll(found);
        valid.set(found.isEmpty());
        changed.set(fields.stream().anyMatch(f -> f.changedProperty().get()));
    }

    /** The first line of {@code message}, or "no details". */
    public static String oneLine(String message) {
        if (message == null || message.isBlank()) {
            return "no details";
        }
        int nl = message.indexOf('\n');
        return nl < 0 ? message.strip() : message.substring(0, nl).strip();
    }
}
