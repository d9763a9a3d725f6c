package org.leverdesk.ui.backtest;

import java.util.Locale;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.leverdesk.backtest.BacktestRunner.Parameter;

/**
 * One strategy parameter in the backtest form. Its kind (number, yes/no, text) is inferred from
 * the default value, so a number typed as "1O" is caught here rather than by the strategy.
 */
public final class ParameterField {
    /** What a parameter's value must look like. */
    enum Kind { NUMBER, BOOLEAN, TEXT }

    private final Parameter parameter;
    private final String defaultValue;
    private final Kind kind;
    private final StringProperty value;
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");

    ParameterField(Parameter parameter) {
        this.parameter = parameter;
        this.defaultValue = parameter.defaultValue() == null ? "" : parameter.defaultValue();
        this.kind = kindOf(defaultValue);
        this.value = new SimpleStringProperty(this, parameter.name(), defaultValue);
        value.addListener((obs, old, now) -> validate());
        validate();
    }

    public String name() {
        return parameter.name();
    }

    public String description() {
        return parameter.description() == null ? "" : parameter.description();
    }

    public String defaultValue() {
        return defaultValue;
    }

    /** The text the user typed (starts as the default). */
    public StringProperty valueProperty() {
        return value;
    }

    /** Why the value is invalid, or "" when it is fine. */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    Kind kind() {
        return kind;
    }

    String trimmedValue() {
        return value.get() == null ? "" : value.get().trim();
    }

    private void validate() {
        String v = trimmedValue();
        error.set(switch (kind) {
            case NUMBER -> isNumber(v) ? "" : name() + " must be a number (default " + defaultValue() + ")";
            case BOOLEAN -> v.equalsIgnoreCase("true") || v.equalsIgnoreCase("false") ? "" : name() + " must be true or false";
            case TEXT -> v.isEmpty() && !defaultValue().isEmpty() ? name() + " must not be empty" : "";
        });
    }

    static Kind kindOf(String defaultValue) {
        String d = defaultValue == null ? "" : defaultValue.trim();
        if (isNumber(d)) {
            return Kind.NUMBER;
        }
        String lower = d.toLowerCase(Locale.ROOT);
        return lower.equals("true") || lower.equals("false") ? Kind.BOOLEAN : Kind.TEXT;
    }

    private static boolean isNumber(String text) {
        if (text.isEmpty()) {
            return false;
        }
        try {
            return Double.isFinite(Double.parseDouble(text));
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
