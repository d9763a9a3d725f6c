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
    private final String prompt;
    private final java.util.function.UnaryOperator<String> toStrategy;
    private final StringProperty spec = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper("");

    ParameterRow(String name, String heading, String defaultValue, String description) {
        this(name, heading, defaultValue, description, defaultValue, java.util.function.UnaryOperator.identity());
    }

    /**
     * @param prompt     the default as the form shows it ("off" for an on/off parameter)
     * @param toStrategy the typed values as the strategy parses them ("on,off" → "true,false")
     */
    ParameterRow(String name, String heading, String defaultValue, String description, String prompt,
                 java.util.function.UnaryOperator<String> toStrategy) {
        this.name = name;
        this.heading = heading;
        this.defaultValue = defaultValue;
        this.description = description;
        this.prompt = prompt;
        this.toStrategy = toStrategy;
    }

    /** The default as the form shows it in the empty field: "off" rather than the strategy's "false". */
    public String prompt() {
        return prompt;
    }

    /** The values to try, trimmed, in the strategy's own text ("on,off" → "true,false"). */
    public String strategySpec() {
        return toStrategy.apply(spec.get().trim());
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
