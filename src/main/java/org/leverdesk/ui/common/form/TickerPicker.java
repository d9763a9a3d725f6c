package org.leverdesk.ui.common.form;

import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import javafx.beans.property.StringProperty;
import javafx.scene.control.ComboBox;

/**
 * A ticker field that suggests the symbols Leverdesk knows (the store, the price source, the
 * broker) while typing: an editable combo box whose list narrows to the symbols starting with the
 * text. The text itself is the value, upper-cased as typed.
 */
public final class TickerPicker extends ComboBox<String> {
    private final Supplier<List<String>> known;

    public TickerPicker(StringProperty value, Supplier<List<String>> known) {
        this.known = known == null ? List::of : known;
        getStyleClass().add("ticker-picker");
        setEditable(true);
        setVisibleRowCount(12);
        setPrefWidth(120);
        getEditor().textProperty().bindBidirectional(value);
        getEditor().textProperty().addListener((obs, old, now) -> {
            if (now != null && !now.equals(now.toUpperCase(Locale.ROOT))) {
                getEditor().setText(now.toUpperCase(Locale.ROOT));
            }
        });
        setOnShowing(e -> refill());
        getEditor().textProperty().addListener((obs, old, now) -> {
            if (isShowing()) {
                refill();
            }
        });
        valueProperty().addListener((obs, old, now) -> {
            if (now != null && !now.equals(getEditor().getText())) {
                getEditor().setText(now);
            }
        });
    }

    private void refill() {
        String typed = getEditor().getText() == null ? "" : getEditor().getText().trim().toUpperCase(Locale.ROOT);
        List<String> all = known.get();
        List<String> matching = all.stream().filter(s -> s.startsWith(typed)).toList();
        getItems().setAll(matching.isEmpty() ? all : matching);
    }
}
