package org.leverdesk.ui.chart;

import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;
import java.util.function.DoubleFunction;
import javafx.util.StringConverter;

/** How prices read on chart axes, legends and the crosshair: cents, as a quote screen shows them ($0.0123 below a dollar). */
public final class ChartFormats {
    private static final DecimalFormatSymbols US = DecimalFormatSymbols.getInstance(Locale.US);

    private ChartFormats() {
    }

    /** 51.0625 → "51.06", 1234.5 → "1,234.50", 0.01234 → "0.0123"; the missing mark when not finite. */
    public static String price(double v) {
        if (!Double.isFinite(v)) {
            return org.leverdesk.ui.common.Formats.MISSING;
        }
        return new DecimalFormat(Math.abs(v) >= 1 || v == 0 ? "#,##0.00" : "0.0000", US).format(v);
    }

    /** Tick labels written by {@code format}; an axis only shows them, so they are never read back. */
    public static StringConverter<Number> tickLabels(DoubleFunction<String> format) {
        return new StringConverter<>() {
            @Override
            public String toString(Number value) {
                return format.apply(value.doubleValue());
            }

            @Override
            public Number fromString(String text) {
                throw new UnsupportedOperationException("axis labels are display only");
            }
        };
    }
}
