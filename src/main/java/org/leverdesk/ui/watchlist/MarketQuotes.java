package org.leverdesk.ui.watchlist;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import org.leverdesk.broker.Broker;
import org.leverdesk.broker.BrokerException;
import org.leverdesk.broker.Quote;
import org.leverdesk.domain.BarSeries;
import org.leverdesk.market.data.MarketData;

/**
 * {@link QuoteSource} over what the app reads prices from today: the broker's latest quote (its last
 * trade) when there is a broker, and the daily bars of the price source for the previous close and
 * the sparkline (and for the last price when there is no broker quote).
 */
public final class MarketQuotes implements QuoteSource {
    /** Daily closes drawn in a sparkline. */
    static final int SPARK_DAYS = 30;
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    private final Broker broker;
    private final MarketData prices;
    private final Clock clock;

    /** {@code broker} may be null (no trading): then prices are the daily closes. */
    public MarketQuotes(Broker broker, MarketData prices, Clock clock) {
        this.broker = broker;
        this.prices = prices;
        this.clock = clock;
    }

    @Override
    public WatchQuote quote(String symbol) {
        LocalDate today = LocalDate.now(clock.withZone(NEW_YORK));
        BarSeries bars = null;
        try {
            bars = prices.bars(symbol, today.minusDays(SPARK_DAYS * 2L), today);
        } catch (RuntimeException e) {
            // a symbol the broker quotes but the store does not hold still gets its last price
        }
        Quote q = null;
        if (broker != null) {
            try {
                q = broker.latestQuote(symbol);
            } catch (BrokerException e) {
                // fall back to the daily closes
            }
        }
        boolean usableQuote = q != null && Double.isFinite(q.last()) && q.last() > 0 && q.at() != null;
        if ((bars == null || bars.isEmpty()) && !usableQuote) {
            throw new IllegalArgumentException(symbol + ": no price in " + prices.sourceLabel()
                    + (broker == null ? "" : " and no quote from " + broker.name()));
        }
        double[] closes = bars == null ? new double[0] : new double[bars.size()];
        for (int i = 0; i < closes.length; i++) {
            closes[i] = bars.close(i);
        }
        if (closes.length > SPARK_DAYS) {
            closes = Arrays.copyOfRange(closes, closes.length - SPARK_DAYS, closes.length);
        }
        if (!usableQuote) {
            int last = bars.size() - 1;
            double previous = last > 0 ? bars.close(last - 1) : Double.NaN;
            return new WatchQuote(symbol, bars.close(last), previous, bars.date(last).atTime(16, 0).atZone(NEW_YORK).toInstant(),
                    closes, "daily closes");
        }
        // The previous close is the last daily close before the quote's own day.
        LocalDate quoteDay = LocalDate.ofInstant(q.at(), NEW_YORK);
        double previous = Double.NaN;
        if (bars != null) {
            for (int i = bars.size() - 1; i >= 0; i--) {
                if (bars.date(i).isBefore(quoteDay)) {
                    previous = bars.close(i);
                    break;
                }
            }
        }
        return new WatchQuote(symbol, q.last(), previous, q.at(), closes, broker.name());
    }

    @Override
    public boolean marketOpen() {
        if (broker == null) {
            return false;
        }
        try {
            return broker.clock().open();
        } catch (BrokerException e) {
            return false;
        }
    }
}
