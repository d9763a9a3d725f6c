package org.leverdesk.ui.common.form;

import java.math.BigDecimal;
import java.math.RoundingMode;
import javafx.beans.property.StringProperty;
import javafx.scene.control.Button;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.leverdesk.strategy.catalog.NumberRange;
import org.leverdesk.strategy.catalog.ParameterValues;

/**
 * A spinner for a number that never holds back what was typed: the text is the value (bound to the
 * form at every keystroke, so Enter and focus changes cannot leave an old value behind), and ▲/▼,
 * the arrow keys and the mouse wheel step it by the range's step, clamped to the range.
 */
public final class StepField extends HBox {
    private final TextField text = new TextField();
    private final NumberRange range;

    public StepField(StringProperty value, NumberRange range) {
        this.range = range;
        getStyleClass().add("step-field");
        text.textProperty().bindBidirectional(value);
        text.setPrefColumnCount(7);
        text.setMinWidth(48);
        HBox.setHgrow(text, Priority.ALWAYS);
        Button up = arrow("▲", 1);
        Button down = arrow("▼", -1);
        VBox arrows = new VBox(up, down);
        arrows.getStyleClass().add("step-arrows");
        text.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.UP) {
                step(1);
                e.consume();
            } else if (e.getCode() == KeyCode.DOWN) {
                step(-1);
                e.consume();
            }
        });
        text.setOnScroll(e -> {
            if (text.isFocused() && e.getDeltaY() != 0) {
                step(e.getDeltaY() > 0 ? 1 : -1);
                e.consume();
            }
        });
        getChildren().setAll(text, arrows);
    }

    /** The text field (ids and tests address it). */
    public TextField textField() {
        return text;
    }

    /** Adds {@code steps} steps to the number shown (from the range's low end when it is not a number). */
    public void step(int steps) {
        double now = ParameterValues.shownNumber(text.getText());
        BigDecimal step = BigDecimal.valueOf(range.step());
        BigDecimal base = Double.isNaN(now) ? BigDecimal.valueOf(range.bounded() ? range.min() : 0) : BigDecimal.valueOf(now);
        // snap to the step grid first, so 0.33 stepped by 0.5 goes to 0.5, not 0.83
        BigDecimal snapped = base.divide(step, 0, steps > 0 ? RoundingMode.FLOOR : RoundingMode.CEILING).multiply(step);
        BigDecimal next = snapped.compareTo(base) == 0 || Double.isNaN(now) ? snapped.add(step.multiply(BigDecimal.valueOf(steps)))
                : snapped.add(step.multiply(BigDecimal.valueOf(steps - Integer.signum(steps))));
        double v = next.doubleValue();
        if (range.bounded()) {
            v = Math.max(range.min(), Math.min(range.max(), v));
            while (!range.contains(v) && range.step() > 0) {
                v = v <= range.min() ? v + range.step() : v - range.step();
            }
        }
        text.setText(BigDecimal.valueOf(v).stripTrailingZeros().toPlainString());
        text.positionCaret(text.getText().length());
    }

    private Button arrow(String glyph, int direction) {
        Button b = new Button(glyph);
        b.getStyleClass().add("step-arrow");
        b.setFocusTraversable(false);
        b.setOnAction(e -> step(direction));
        return b;
    }
}
