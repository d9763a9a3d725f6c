package org.leverdesk.market.data;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/** Prices in messages, as people write them. */
public final class Prices {
    private Prices() {
    }

    /** Two decimals from 1 up ("1208.88", "121.8"), four significant digits below ("0.2034"). */
    public static String format(double v) {
        if (!Double.isFinite(v)) {
            return Double.toString(v);
        }
        BigDecimal d = Math.abs(v) >= 1 ? BigDecimal.valueOf(v).setScale(2, RoundingMode.HALF_UP)
                : new BigDecimal(v, new MathContext(4, RoundingMode.HALF_UP));
        return d.stripTrailingZeros().toPlainString();
    }
}
