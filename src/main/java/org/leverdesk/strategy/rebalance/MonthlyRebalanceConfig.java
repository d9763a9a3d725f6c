package org.leverdesk.strategy.rebalance;

import java.util.Map;
import org.leverdesk.strategy.ParameterText;

/**
 * Settings of the monthly rebalance (seed 002): hold {@code allocation} dollars of {@code symbol},
 * re-sized to whole shares on the last trading day of each month; live orders are limits
 * {@code limitOffsetBps} through the mid ({@code orderStyle} "limit", seed 002) or market-on-close orders
 * decided at 15:45 ("moc": they fill in the closing auction, at the price the backtest uses).
 */
public record MonthlyRebalanceConfig(String symbol, double allocation, double limitOffsetBps, String orderStyle) {
    /** The orderStyle of limits through the mid. */
    public static final String LIMIT = "limit";
    /** The orderStyle of market-on-close orders. */
    public static final String MOC = org.leverdesk.strategy.ExecutionPolicy.ORDER_STYLE_MOC;
    public static final String DEFAULT_SYMBOL = "TQQQ";
    public static final double DEFAULT_ALLOCATION = 2_000;
    public static final double DEFAULT_LIMIT_OFFSET_BPS = 50;

    public MonthlyRebalanceConfig {
        if (symbol == null || !symbol.matches("[A-Z][A-Z0-9.]{0,9}")) {
            throw new IllegalArgumentException("symbol must be a ticker like TQQQ (got '" + symbol + "')");
        }
        if (!(allocation > 0) || !Double.isFinite(allocation)) {
            throw new IllegalArgumentException("allocation must be a positive dollar amount (got " + allocation + ")");
        }
        if (!LIMIT.equals(orderStyle) && !MOC.equals(orderStyle)) {
            throw new IllegalArgumentException("order style must be 'limit' (limits through the mid) or 'moc' (market-on-close)"
                    + " (got '" + orderStyle + "')");
        }
        if (!(limitOffsetBps >= 0 && limitOffsetBps <= 500)) {
            throw new IllegalArgumentException("limit offset must be between 0 and 500 basis points (got " + limitOffsetBps + ")");
        }
    }

    /** Limits through the mid. */
    public MonthlyRebalanceConfig(String symbol, double allocation, double limitOffsetBps) {
        this(symbol, allocation, limitOffsetBps, LIMIT);
    }

    public static MonthlyRebalanceConfig defaults() {
        return new MonthlyRebalanceConfig(DEFAULT_SYMBOL, DEFAULT_ALLOCATION, DEFAULT_LIMIT_OFFSET_BPS);
    }

    /** Parses named text parameters ("allocation", "limitOffsetBps"); missing ones keep defaults. */
    public static MonthlyRebalanceConfig parse(String symbol, Map<String, String> parameters) {
        return new MonthlyRebalanceConfig(
                symbol == null || symbol.isBlank() ? DEFAULT_SYMBOL : symbol.trim().toUpperCase(java.util.Locale.ROOT),
                ParameterText.number(parameters, "allocation", DEFAULT_ALLOCATION),
                ParameterText.number(parameters, "limitOffsetBps", DEFAULT_LIMIT_OFFSET_BPS),
                orderStyle(parameters.get(org.leverdesk.strategy.ExecutionPolicy.ORDER_STYLE)));
    }

    private static String orderStyle(String text) {
        return text == null || text.isBlank() ? LIMIT : text.strip().toLowerCase(java.util.Locale.ROOT);
    }

}
