package org.leverdesk.ui.options;

import io.fair_acc.dataset.spi.DoubleDataSet;
import java.util.List;
import javafx.scene.control.Label;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.leverdesk.optionbook.PayoffCurve;
import org.leverdesk.ui.chart.LinePlot;
import org.leverdesk.ui.common.Formats;

/**
 * A spread's payoff diagram (ChartFX, like the other charts): profit at expiry and today against the
 * underlying's price, the zero line, and the underlying's current price as a vertical line.
 */
final class PayoffChart extends VBox {
    private final LinePlot plot = new LinePlot("Payoff", "underlying price", Formats::wholeMoney, 0.08, 160);

    PayoffChart() {
        setId("payoffChart");
        // a spread's name with its strikes and expiry is longer than the pane at 1024×700: wrap, never "Payoff · bull put…"
        plot.title().setWrapText(true);
        plot.title().setMinHeight(Label.USE_PREF_SIZE);
        VBox.setVgrow(plot, Priority.ALWAYS);
        getChildren().add(plot);
    }

    /** Shows {@code curve} titled {@code heading}; null clears the chart. */
    void show(PayoffCurve curve, String heading) {
        plot.title().setText(heading == null ? "Payoff" : "Payoff · " + heading);
        if (curve == null) {
            plot.show(List.of());
            return;
        }
        double[] x = curve.prices();
        int n = x.length;
        double lo = Double.MAX_VALUE;
        double hi = -Double.MAX_VALUE;
        for (int i = 0; i < n; i++) {
            lo = Math.min(lo, Math.min(curve.atExpiry()[i], curve.today()[i]));
            hi = Math.max(hi, Math.max(curve.atExpiry()[i], curve.today()[i]));
        }
        double[] zeroX = {x[0], x[n - 1]};
        double[] spotX = {curve.spot(), curve.spot()};
        plot.show(List.of(
                new DoubleDataSet("at expiry", x.clone(), curve.atExpiry().clone(), n, false),
                new DoubleDataSet("today (BSM, current IV)", x.clone(), curve.today().clone(), n, false),
                new DoubleDataSet("break-even line", zeroX, new double[] {0, 0}, 2, false),
                new DoubleDataSet("underlying " + org.leverdesk.ui.common.Formats.price(curve.spot()), spotX,
                        new double[] {Math.min(lo, 0), Math.max(hi, 0)}, 2, false)));
    }
}
