package org.leverdesk.options.chain;

import java.util.Locale;
import org.leverdesk.options.market.RiskFreeRate;
import org.leverdesk.options.market.VolatilityIndex;

/**
 * What a synthetic chain was priced from, shown beside it and kept in journals: the index level and its
 * date, the ATM volatility it implies, the rate and the dividend yield.
 */
public record ChainInputs(VolatilityIndex.Observation index, double atm30, RiskFreeRate.Observation rate, double dividendYield) {
    @Override
    public String toString() {
        return String.format(Locale.ROOT, "synthetic: %s %.2f (%s) → ATM30 %.2f%%, %s, q %.2f%%", index.source(), index.level(),
                index.observed(), atm30 * 100, rate, dividendYield * 100);
    }
}
