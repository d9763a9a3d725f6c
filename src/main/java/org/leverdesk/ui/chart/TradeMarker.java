package org.leverdesk.ui.chart;

/**
 * A fill drawn on a {@link PriceChart}: ▲ below the bar for a buy, ▼ above it for a sell, in the
 * hedge colours when {@code hedge} (a symbol other than the charted one, named by {@code symbol});
 * {@code text} is shown when the pointer is over it. An option event (a put or call sold, an
 * assignment, a call-away, a spread opened or closed) names its own {@code event} kind instead.
 */
public record TradeMarker(double x, boolean buy, boolean hedge, String text, String symbol, Kind event) {
    public TradeMarker {
        text = text == null ? "" : text;
        symbol = symbol == null ? "" : symbol;
    }

    /** A fill of shares (or a hedge). */
    public TradeMarker(double x, boolean buy, boolean hedge, String text, String symbol) {
        this(x, buy, hedge, text, symbol, null);
    }

    /** A marker without a symbol name. */
    public TradeMarker(double x, boolean buy, boolean hedge, String text) {
        this(x, buy, hedge, text, "");
    }

    /** An option event of {@code kind} (one of the option kinds), drawn ▲ or ▼ as the kind says. */
    public static TradeMarker option(double x, Kind kind, String text, String symbol) {
        return new TradeMarker(x, kind.up(), true, text, symbol, kind);
    }

    /** Which of the shapes and colours it is drawn with. */
    public Kind kind() {
        if (event != null) {
            return event;
        }
        return hedge ? (buy ? Kind.HEDGE_BUY : Kind.HEDGE_SELL) : (buy ? Kind.BUY : Kind.SELL);
    }

    /**
     * The marker kinds, each with its own colour and a legend entry: fills of shares and hedges, and the option
     * events of the wheel's cycle and of spreads (▼ for a sale: premium received or shares called away; ▲ for a
     * purchase: shares assigned, a spread bought back).
     */
    public enum Kind {
        BUY("buy", "#1f7a3f"),
        SELL("sell", "#b3261e"),
        HEDGE_BUY("hedge buy", "#7b3fb5"),
        HEDGE_SELL("hedge sell", "#d17a00"),
        PUT_SOLD("put sold", "#1565c0", false),
        PUT_ASSIGNED("put assigned", "#00897b", true),
        CALL_SOLD("call sold", "#e65100", false),
        CALLED_AWAY("called away", "#ad1457", false),
        SPREAD_OPENED("spread opened", "#3949ab", false),
        SPREAD_CLOSED("spread closed", "#00838f", true);

        private final String label;
        private final String color;

        private final boolean up;

        Kind(String label, String color) {
            this(label, color, label.endsWith("buy"));
        }

        Kind(String label, String color, boolean up) {
            this.label = label;
            this.color = color;
            this.up = up;
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
            return up;
        }
    }
}
