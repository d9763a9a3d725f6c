package org.leverdesk.ui.research;

import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * One strategy parameter in the sweep form: its name, heading (label and unit), default and description,
 * and the values to try as typed ("5..45:1", "a,b,c", one value, or empty for the base value).
 */
public final class ParameterRow {
    private final String name;
    private final String heading;
    private final String defaultValue;
    private final String description;
    private final StringProperty spec = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper("");

    ParameterRow(String name, String heading, String defaultValue, String description) {
        this.name = name;
        this.heading = heading;
        this.defaultValue = defaultValue;
        this.description = description;
    }

    public String name() {
        return name;
    }

    /** What the form shows: the parameter's label and the unit of the values typed ("Lookback (days)"). */
    public String heading() {
        return heading;
    }

    public String defaultValue() {
        return defaultValue;
    }

    public String description() {
        return description;
    }

    /** The values to try, as typed. */
    public StringProperty specProperty() {
        return spec;
    }

    /** Why the typed values cannot be read; "" when they can. */
    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    void setProblem(String text) {
        problem.set(text);
    }
}
