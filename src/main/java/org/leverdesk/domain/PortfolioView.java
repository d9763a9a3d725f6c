package org.leverdesk.domain;

import java.util.Map;

/** Read-only view of an account that strategies receive. Money is in account currency (USD). */
public interface PortfolioView {
    double cash();

    /** Signed share count held of {@code symbol} (0 when none). */
    long quantity(String symbol);

    /** All non-zero positions by symbol. */
    Map<String, Position> positions();

    /** Cash plus positions marked at the latest visible close. */
    double equity();
}
