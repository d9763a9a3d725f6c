package org.leverdesk.ui.settings;

import java.util.List;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * One editable setting: where it belongs (group), its config key, a label and description, how it is
 * edited, the text typed and the one-line problem with it (empty when valid).
 */
public final class SettingField {
    /** How the value is edited. */
    public enum Kind { TEXT, NUMBER, BOOLEAN, CHOICE, SECRET }

    private final String group;
    private final String key;
    private final String label;
    private final String description;
    private final Kind kind;
    private final List<String> choices;
    private final StringProperty value;
    private final ReadOnlyStringWrapper prompt = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper("");

    SettingField(String group, String key, String label, String description, Kind kind, List<String> choices, String value,
                 String prompt) {
        this.group = group;
        this.key = key;
        this.label = label;
        this.description = description == null ? "" : description;
        this.kind = kind;
        this.choices = List.copyOf(choices);
        this.value = new SimpleStringProperty(this, key, value == null ? "" : value);
        setPrompt(prompt);
    }

    /** The group heading it is shown under ("Broker", "Risk", a strategy's name, "Notifications"). */
    public String group() {
        return group;
    }

    /** Its config key, e.g. {@code risk.tolerancePercent} or {@code strategies.rsi2.capitalShare}. */
    public String key() {
        return key;
    }

    public String label() {
        return label;
    }

    public String description() {
        return description;
    }

    public Kind kind() {
        return kind;
    }

    /** The allowed values of a {@link Kind#CHOICE} (and "true"/"false" of a {@link Kind#BOOLEAN}). */
    public List<String> choices() {
        return choices;
    }

    /** Grey text shown in an empty field (for a secret: whether one is stored). */
    public ReadOnlyStringProperty promptProperty() {
        return prompt.getReadOnlyProperty();
    }

    void setPrompt(String text) {
        prompt.set(text == null ? "" : text);
    }

    /** The text typed; booleans are "true"/"false", secrets are empty until typed (the stored value is never shown). */
    public StringProperty valueProperty() {
        return value;
    }

    /** What is wrong with the value, in one line; empty when it is valid. */
    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    String text() {
        return value.get() == null ? "" : value.get().trim();
    }

    void setProblem(String text) {
        problem.set(text == null ? "" : text);
    }

    @Override
    public String toString() {
        return key + "=" + (kind == Kind.SECRET ? "***" : value.get());
    }
}
