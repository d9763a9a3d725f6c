package org.leverdesk.ui.regime;

import javafx.scene.paint.Color;
import org.leverdesk.strategy.regime.Regime;

/** The colour of each regime: greens for bull markets, amber for caution, reds for risk-off. */
public final class RegimeColors {
    private RegimeColors() {
    }

    /** The full colour (tiles, legend). */
    public static Color of(Regime r) {
        if (r == null) {
            return Color.web("#8a8f98");
        }
        return switch (r) {
            case STRONG_BULL -> Color.web("#1e8f4e");
            case BULL -> Color.web("#5fb85f");
            case CAUTIOUS -> Color.web("#d9a21b");
            case RISK_OFF -> Color.web("#e0662b");
            case BREAKDOWN -> Color.web("#c0392b");
        };
    }

    /** The pale version shaded behind chart lines. */
    public static Color band(Regime r) {
        return of(r).deriveColor(0, 1, 1, 0.16);
    }
}
