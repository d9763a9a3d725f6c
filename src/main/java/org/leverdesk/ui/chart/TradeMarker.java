package org.leverdesk.ui.chart;

/**
 * A fill drawn on a {@link PriceChart}: ▲ below the bar for a buy, ▼ above it for a sell, in the
 * hedge colours when {@code hedge} (a symbol other than the charted one, named by {@code symbol});
 * {@code text} is shown when the pointer is over it.
 */
public record TradeMarker(double x, boolean buy, boolean hedge, String text, String symbol) {
    public TradeMarker {
        text = text == null ? "" : text;
        symbol = symbol == null ? "" : symbol;
    }

    /** A marker without a symbol name. */
    public TradeMarker(double x, boolean buy, boolean hedge, String text) {
        this(x, buy, hedge, text, "");
    }

    /** Which of the four shapes and colours it is drawn with. */
    public Kind kind() {
        return hedge ? (buy ? Kind.HEDGE_BUY : Kind.HEDGE_SELL) : (buy ? Kind.BUY : Kind.SELL);
    }

    /** The four marker kinds, each with its own colour and a legend entry. */
    public enum Kind {
        BUY("buy", "#1f7a3f"),
        SELL("sell", "#b3261e"),
        HEDGE_BUY("hedge buy", "#7b3fb5"),
        HEDGE_SELL("hedge sell", "#d17a00");

        private final String label;
        private final String color;

        Kind(String label, String color) {
            this.label = label;
            this.color = color;
        }

        /** Words for the legend: "buy", "hedge sell". */
        public String label() {
            return label;
        }

        /** The colour as CSS hex. */
        public String color() {
            return color;
        }

        /** True for the ▲ kinds. */
        public boolean up() {
            return this == BUY || this == HEDGE_BUY;
        }
    }
}
