package org.leverdesk.ui.common.form;

import javafx.beans.property.StringProperty;
import javafx.scene.control.Slider;
import org.leverdesk.strategy.catalog.NumberRange;
import org.leverdesk.strategy.catalog.ParameterValues;

/**
 * A slider over a bounded parameter's range that moves with its text both ways: dragging writes the
 * value (rounded to the step) into the text, typing moves the knob. Forms show it beside percents;
 * the research lab's live sliders use it on any number.
 */
public final class NumberSlider extends Slider {
    private boolean syncing;

    public NumberSlider(StringProperty value, NumberRange range) {
        super(range.min(), range.max(), clamp(range, ParameterValues.shownNumber(value.get())));
        getStyleClass().add("number-slider");
        setBlockIncrement(range.step());
        setMajorTickUnit(Math.max(range.step(), (range.max() - range.min()) / 4));
        valueProperty().addListener((obs, old, now) -> {
            if (syncing) {
                return;
            }
            double snapped = Math.rint(now.doubleValue() / range.step()) * range.step();
            snapped = clamp(range, snapped);
            String text = java.math.BigDecimal.valueOf(snapped).setScale(6, java.math.RoundingMode.HALF_UP)
                    .stripTrailingZeros().toPlainString();
            if (!text.equals(value.get())) {
                syncing = true;
                try {
                    value.set(text);
                } finally {
                    syncing = false;
                }
            }
        });
        value.addListener((obs, old, now) -> {
            double v = ParameterValues.shownNumber(now);
            if (!syncing && !Double.isNaN(v)) {
                syncing = true;
                try {
                    setValue(clamp(range, v));
                } finally {
                    syncing = false;
                }
            }
        });
    }

    private static double clamp(NumberRange range, double v) {
        return Double.isNaN(v) ? range.min() : Math.max(range.min(), Math.min(range.max(), v));
    }
}
