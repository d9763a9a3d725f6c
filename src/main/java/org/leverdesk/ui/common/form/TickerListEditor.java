package org.leverdesk.ui.common.form;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import org.leverdesk.strategy.catalog.ParameterValues;

/**
 * A list of tickers as chips (each with × to remove) and a {@link TickerPicker} to add one; the
 * value is the list as text, "GLD, SLX, JEF". Chips wrap onto more lines when the form is narrow.
 */
public final class TickerListEditor extends FlowPane {
    private final StringProperty value;
    private final StringProperty adding = new SimpleStringProperty("");
    private final TickerPicker picker;

    public TickerListEditor(StringProperty value, Supplier<List<String>> known) {
        this.value = value;
        getStyleClass().add("ticker-list");
        setHgap(4);
        setVgap(4);
        setPrefWrapLength(260);
        picker = new TickerPicker(adding, known);
        picker.setPrefWidth(90);
        picker.setPromptText("add…");
        picker.getEditor().setOnAction(e -> add());
        picker.setOnHidden(e -> add());
        value.addListener(obs -> rebuild());
        rebuild();
    }

    /** The picker that adds a ticker (tests type into it). */
    public TickerPicker picker() {
        return picker;
    }

    private void add() {
        String t = adding.get() == null ? "" : adding.get().trim();
        if (t.isEmpty()) {
            return;
        }
        List<String> now = new ArrayList<>(ParameterValues.tickers(value.get()));
        for (String s : ParameterValues.tickers(t)) {
            if (!now.contains(s)) {
                now.add(s);
            }
        }
        adding.set("");
        value.set(String.join(", ", now));
    }

    private void rebuild() {
        List<javafx.scene.Node> chips = new ArrayList<>();
        List<String> tickers = ParameterValues.tickers(value.get());
        for (String t : tickers) {
            Label name = new Label(t);
            Button remove = new Button("×");
            remove.getStyleClass().add("chip-remove");
            remove.setTooltip(new Tooltip("Remove " + t));
            remove.setFocusTraversable(false);
            remove.setOnAction(e -> {
                List<String> now = new ArrayList<>(ParameterValues.tickers(value.get()));
                now.remove(t);
                value.set(String.join(", ", now));
            });
            HBox chip = new HBox(2, name, remove);
            chip.getStyleClass().add("chip");
            chips.add(chip);
        }
        chips.add(picker);
        getChildren().setAll(chips);
    }
}
