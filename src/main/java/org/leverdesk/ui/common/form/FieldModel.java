package org.leverdesk.ui.common.form;

import java.util.Objects;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.leverdesk.strategy.catalog.ParameterKind;
import org.leverdesk.strategy.catalog.ParameterValues;
import org.leverdesk.strategy.catalog.StrategyDescriptor.ParameterSpec;

/**
 * One field of a form, without any control: its parameter declaration, the text it shows (a
 * percent as percent points, money with two decimals), the text it was loaded with, and the
 * one-line problem with it in the parameter's label (empty when valid). Its own problem is found
 * on every change; a form may add a problem about several fields ({@link #setProblem}).
 */
public final class FieldModel {
    private final String key;
    private final String group;
    private final ParameterSpec spec;
    private final StringProperty value;
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper prompt = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper original = new ReadOnlyStringWrapper("");
    private final BooleanBinding changed;

    /**
     * @param key   what the field is found by (a parameter name, a config key); also its node id
     * @param group the heading it is shown under ("" for none)
     */
    public FieldModel(String key, String group, ParameterSpec spec) {
        this.key = Objects.requireNonNull(key, "field key");
        this.group = group == null ? "" : group;
        this.spec = Objects.requireNonNull(spec, "parameter spec");
        this.value = new SimpleStringProperty(this, key, ParameterValues.display(spec, spec.defaultValue()));
        original.set(value.get());
        this.changed = Bindings.createBooleanBinding(() -> !Objects.equals(trimmed(), original.get().trim()), value, original);
        value.addListener(obs -> problem.set(ownProblem()));
        problem.set(ownProblem());
    }

    /** A field keyed by its parameter's name. */
    public FieldModel(ParameterSpec spec) {
        this(spec.name(), "", spec);
    }

    public String key() {
        return key;
    }

    public String group() {
        return group;
    }

    public ParameterSpec spec() {
        return spec;
    }

    public String label() {
        return spec.label();
    }

    /** The help text. */
    public String description() {
        return spec.description();
    }

    public ParameterKind kind() {
        return spec.kind();
    }

    /** The text shown and typed (percent points for a percent; "true"/"false" for on/off; a choice's value). */
    public StringProperty valueProperty() {
        return value;
    }

    /** What is wrong with the value, in one line with the label; empty when valid. */
    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    /** Grey text shown in an empty field (a secret: whether one is stored). */
    public ReadOnlyStringProperty promptProperty() {
        return prompt.getReadOnlyProperty();
    }

    public void setPrompt(String text) {
        prompt.set(text == null ? "" : text);
    }

    /** True when the value differs from what was loaded. */
    public BooleanBinding changedProperty() {
        return changed;
    }

    /** The shown text it was loaded with. */
    public String original() {
        return original.get();
    }

    /** Shows the strategy's text {@code stored} and makes it the unchanged state. */
    public void load(String stored) {
        String shown = ParameterValues.display(spec, stored);
        original.set(shown);
        value.set(shown);
    }

    /** Shows the strategy's text {@code stored} as an edit (not the loaded state). */
    public void set(String stored) {
        value.set(ParameterValues.display(spec, stored));
    }

    /** The value read back into the strategy's own text and unit, or its problem. */
    public ParameterValues.Parsed parsed() {
        return ParameterValues.parse(spec, value.get());
    }

    /** The strategy's text of the value; the trimmed text as typed when it does not parse. */
    public String stored() {
        ParameterValues.Parsed p = parsed();
        return p.ok() ? p.stored() : trimmed();
    }

    /** Sets the problem shown (a form's check about several fields); "" shows the field's own problem again. */
    public void setProblem(String text) {
        String own = ownProblem();
        problem.set(!own.isEmpty() ? own : text == null ? "" : text);
    }

    /** The field's own problem (its parse), ignoring any set by a form. */
    public String ownProblem() {
        ParameterValues.Parsed p = parsed();
        return p.ok() ? "" : p.problem();
    }

    String trimmed() {
        return value.get() == null ? "" : value.get().trim();
    }

    @Override
    public String toString() {
        return key + "=" + (spec.kind() == ParameterKind.SECRET ? "***" : value.get());
    }
}
