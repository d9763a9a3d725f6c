package org.leverdesk.strategy.regime;

import java.time.LocalDate;
import java.util.Optional;

/** Optional input port: the day's options-flow premiums of the traded ETF (e.g. from a flow data vendor). */
@FunctionalInterface
public interface OptionsFlowSource {
    /** No provider: every day has no data, and the sentiment gate passes saying so. */
    OptionsFlowSource NONE = day -> Optional.empty();

    /** Put and call premium (dollars) traded on {@code day}, or empty when unknown. */
    Optional<Flow> flow(LocalDate day);

    /** Premiums of one day. */
    record Flow(double putPremium, double callPremium) {
        public Flow {
            if (!(putPremium >= 0) || !(callPremium >= 0) || !Double.isFinite(putPremium + callPremium)) {
                throw new IllegalArgumentException("option premiums must be finite and not negative (got put "
                        + putPremium + ", call " + callPremium + ")");
            }
        }
    }
}
