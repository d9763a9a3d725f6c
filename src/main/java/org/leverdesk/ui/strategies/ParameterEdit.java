package org.leverdesk.ui.strategies;

import java.util.Objects;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/** One parameter in the new-version editor: its name, description, the value typed, and the value it started from. */
public final class ParameterEdit {
    private final String name;
    private final String description;
    private final String original;
    private final StringProperty value;
    private final BooleanBinding changed;

    ParameterEdit(String name, String description, String original) {
        this.name = name;
        this.description = description == null ? "" : description;
        this.original = original == null ? "" : original;
        this.value = new SimpleStringProperty(this, name, this.original);
        this.changed = Bindings.createBooleanBinding(() -> !Objects.equals(trimmed(), this.original), value);
    }

    public String name() {
        return name;
    }

    public String description() {
        return description;
    }

    /** The value in the version the editor started from. */
    public String original() {
        return original;
    }

    /** The text being edited. */
    public StringProperty valueProperty() {
        return value;
    }

    /** True when the value differs from {@link #original()}. */
    public BooleanBinding changedProperty() {
        return changed;
    }

    String trimmed() {
        return value.get() == null ? "" : value.get().trim();
    }
}
