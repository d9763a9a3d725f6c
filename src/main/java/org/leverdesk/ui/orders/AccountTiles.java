package org.leverdesk.ui.orders;

import eu.hansolo.tilesfx.Tile;
import eu.hansolo.tilesfx.TileBuilder;
import javafx.beans.value.ObservableStringValue;
import javafx.scene.control.Label;
import javafx.scene.paint.Color;

/**
 * The account tiles of the Orders view and the Dashboard: one big dollar figure each. A custom tile with
 * a label because money reads best as text ("$12,345.60"), which TilesFX's number skin cannot format.
 */
public final class AccountTiles {
    private static final double W = 210;
    private static final double H = 110;
    /** Four tiles and their gaps fit the content of a 1024-pixel window (about 800 px); "$99,996.97" needs about 160. */
    private static final double MIN_W = 180;
    private static final Color NEUTRAL = Color.web("#2a3342");
    private static final Color GAIN = Color.web("#1b7f3b");
    private static final Color LOSS = Color.web("#c62828");

    private AccountTiles() {
    }

    /** A tile titled {@code title} showing {@code value}; its label has id {@code id + "Value"}. */
    public static Tile money(String id, String title, ObservableStringValue value, String text) {
        Label figure = new Label();
        figure.getStyleClass().add("account-tile-value");
        figure.setId(id + "Value");
        figure.textProperty().bind(value);
        Tile t = TileBuilder.create().skinType(Tile.SkinType.CUSTOM).prefSize(W, H).title(title).graphic(figure)
                .text(text).textVisible(true).backgroundColor(NEUTRAL).animated(false).build();
        t.setId(id);
        t.setMinSize(MIN_W, H);
        return t;
    }

    /** Green for a gain, red for a loss, neutral for none. */
    public static void colourBySign(Tile tile, double value) {
        tile.setBackgroundColor(value > 0 ? GAIN : value < 0 ? LOSS : NEUTRAL);
    }
}
