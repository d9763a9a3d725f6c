package org.leverdesk.ui.regime;

import eu.hansolo.tilesfx.Section;
import eu.hansolo.tilesfx.Tile;
import eu.hansolo.tilesfx.TileBuilder;
import javafx.scene.control.Label;
import javafx.scene.paint.Color;
import org.leverdesk.strategy.regime.Regime;
import org.leverdesk.strategy.regime.SignalSettings;

/** The TilesFX tiles of the Regime view: the confirmed regime and the key signals with their thresholds. */
final class RegimeTiles {
    private static final double W = 178;
    private static final double H = 132;
    /**
     * How narrow a tile may get: five tiles (the regime's a little wider) must fit the content of a
     * 1024-pixel window beside the navigation (about 800 px) without a sideways scroll bar.
     */
    private static final double MIN_W = 128;
    /** "STRONG BULL" in the regime tile's large letters needs this much. */
    private static final double REGIME_MIN_W = 200;
    private static final Color OK = Color.web("#1b7f3b");
    private static final Color WARN = Color.web("#d9a21b");
    private static final Color BAD = Color.web("#c62828");

    private RegimeTiles() {
    }

    /**
     * The confirmed regime in large letters on its colour, the raw regime and data date below. A
     * custom tile because the TEXT skin's description is too small to read across a room.
     */
    static Tile regime() {
        Label name = new Label("…");
        name.getStyleClass().add("regime-tile-name");
        name.setId("regimeTileName");
        // "STRONG BULL" goes on two lines in a narrow tile rather than being cut to "STRONG B…"
        name.setWrapText(true);
        name.setTextAlignment(javafx.scene.text.TextAlignment.CENTER);
        Tile t = TileBuilder.create().skinType(Tile.SkinType.CUSTOM).prefSize(W + 40, H).title("Confirmed regime")
                .graphic(name).textVisible(true).text("").backgroundColor(RegimeColors.of(null)).animated(false).build();
        t.setId("regimeTile");
        t.setMinSize(REGIME_MIN_W, H);
        return t;
    }

    static void showRegime(Tile tile, Regime regime, String text, String detail) {
        tile.setBackgroundColor(RegimeColors.of(regime));
        tile.setDescription(text);
        ((Label) tile.getGraphic()).setText(text);
        tile.setText(detail);
    }

    /** Momentum score 0..1; the red section is below the minimum to buy. */
    static Tile momentum(SignalSettings s) {
        return gauge("momentumTile", "Momentum score", "", 0, 1, 2, s.momentumMin(),
                new Section(0, s.momentumMin(), BAD), new Section(s.momentumMin(), s.momentumFull(), WARN),
                new Section(s.momentumFull(), 1, OK));
    }

    /** Realized volatility, % a year, with the LOW / NORMAL / HIGH / EXTREME bands. */
    static Tile volatility(SignalSettings s) {
        double max = Math.max(60, s.volHigh() * 1.5);
        return gauge("volatilityTile", "Realized volatility", "%", 0, max, 1, s.volHigh(),
                new Section(0, s.volLow(), OK), new Section(s.volLow(), s.volNormal(), Color.web("#5fb85f")),
                new Section(s.volNormal(), s.volHigh(), WARN), new Section(s.volHigh(), max, BAD));
    }

    /** A number tile in % with a one-line explanation. */
    static Tile percent(String id, String title, String text) {
        Tile t = TileBuilder.create().skinType(Tile.SkinType.NUMBER).prefSize(W, H).title(title).unit("%").decimals(1)
                .text(text).textVisible(true).animated(false).build();
        t.setId(id);
        t.setMinSize(MIN_W, H);
        return t;
    }

    private static Tile gauge(String id, String title, String unit, double min, double max, int decimals, double threshold,
                              Section... sections) {
        Tile t = TileBuilder.create().skinType(Tile.SkinType.GAUGE).prefSize(W, H).title(title).unit(unit)
                .minValue(min).maxValue(max).decimals(decimals).tickLabelDecimals(decimals == 2 ? 1 : 0)
                .threshold(threshold).thresholdVisible(true).sections(sections).sectionsVisible(true)
                .textVisible(true).animated(false).build();
        t.setId(id);
        t.setMinSize(MIN_W, H);
        return t;
    }

    /** Sets a tile's value, or shows 0 with "n/a" when the signal is undefined. */
    static void show(Tile tile, double value, String text) {
        tile.setValue(Double.isNaN(value) ? 0 : value);
        tile.setText(Double.isNaN(value) ? "n/a: not enough history" : text);
    }
}
