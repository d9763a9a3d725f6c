package org.leverdesk.broker.sim;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Optional;
import org.leverdesk.broker.BrokerOrder;
import org.leverdesk.broker.Quote;
import org.leverdesk.domain.OrderType;
import org.leverdesk.domain.Side;
import org.leverdesk.domain.TimeInForce;

/**
 * The fill rules of the simulated market, shared by {@link SimBroker}, the paper broker and backtests
 * (the README's fill table says the same in words):
 * <ul>
 *   <li>market orders fill at the ask (buy) or the bid (sell);</li>
 *   <li>a limit order that is marketable when it arrives, or at an auction, fills at the quote (the
 *       ask for a buy at or below its limit, the bid for a sell at or above it); a limit that rests
 *       and is later reached fills at its limit;</li>
 *   <li>stop orders become market orders when the last price trades through the stop;</li>
 *   <li>opening and closing auction orders (MOO/OPG, MOC/CLS) fill only at the open or the close.</li>
 * </ul>
 * Orders fill completely or not at all.
 */
public final class OrderMatcher {
    /** Fill prices carry at most this many decimals (brokers report sub-penny averages to four). */
    public static final int PRICE_SCALE = 4;

    /** When the matcher is asked: during the session, at the opening auction, or at the close. */
    public enum Phase { CONTINUOUS, OPENING, CLOSING }

    private OrderMatcher() {
    }

    /** True when the order trades only in the opening auction (MOO, or any type with time in force OPG). */
    public static boolean atOpen(BrokerOrder order) {
        return order.type() == OrderType.MARKET_ON_OPEN || order.timeInForce() == TimeInForce.OPG;
    }

    /** True when the order trades only in the closing auction (MOC, or any type with time in force CLS). */
    public static boolean atClose(BrokerOrder order) {
        return order.type() == OrderType.MARKET_ON_CLOSE || order.timeInForce() == TimeInForce.CLS;
    }

    /** Whether {@code last} trades through {@code stop}: at or above it for a buy stop, at or below for a sell stop. */
    public static boolean stopReached(Side side, BigDecimal stop, double last) {
        double s = stop.doubleValue();
        return side == Side.BUY ? last >= s : last <= s;
    }

    /** Whether a stop order is triggered after this quote (once triggered it stays so). */
    public static boolean triggered(BrokerOrder order, boolean alreadyTriggered, Quote quote) {
        return alreadyTriggered || order.stopPrice() != null && stopReached(order.side(), order.stopPrice(), quote.last());
    }

    /**
     * The price {@code order} fills at against {@code quote} in {@code phase}, or empty while it keeps
     * resting. {@code triggered} is the stop state from {@link #triggered}; {@code arriving} is true when
     * the order is being submitted (a marketable limit then fills at the quote, not at its limit).
     */
    public static Optional<BigDecimal> fillPrice(BrokerOrder order, boolean triggered, Quote quote, Phase phase,
                                                 boolean arriving) {
        if (atOpen(order)) {
            return phase == Phase.OPENING ? continuous(order, triggered, quote, true) : Optional.empty();
        }
        if (atClose(order)) {
            return phase == Phase.CLOSING ? continuous(order, triggered, quote, true) : Optional.empty();
        }
        if (phase == Phase.CLOSING) {
            return Optional.empty();
        }
        // The opening auction crosses every marketable order at one price: the opening quote.
        return continuous(order, triggered, quote, arriving || phase == Phase.OPENING);
    }

    /** {@link #fillPrice(BrokerOrder, boolean, Quote, Phase, boolean)} for a resting order. */
    public static Optional<BigDecimal> fillPrice(BrokerOrder order, boolean triggered, Quote quote, Phase phase) {
        return fillPrice(order, triggered, quote, phase, false);
    }

    private static Optional<BigDecimal> continuous(BrokerOrder order, boolean triggered, Quote quote, boolean atQuote) {
        return switch (order.type()) {
            case MARKET, MARKET_ON_OPEN, MARKET_ON_CLOSE -> Optional.of(marketPrice(order.side(), quote));
            case LIMIT -> limitFill(order, quote, atQuote);
            case STOP -> triggered ? Optional.of(marketPrice(order.side(), quote)) : Optional.empty();
            case STOP_LIMIT -> triggered ? limitFill(order, quote, atQuote) : Optional.empty();
        };
    }

    private static Optional<BigDecimal> limitFill(BrokerOrder order, Quote quote, boolean atQuote) {
        if (!marketable(order.side(), order.limitPrice(), quote)) {
            return Optional.empty();
        }
        return Optional.of(atQuote ? marketPrice(order.side(), quote) : order.limitPrice());
    }

    /** A buy limit is marketable when the ask is at or below it, a sell limit when the bid is at or above it. */
    public static boolean marketable(Side side, BigDecimal limit, Quote quote) {
        return side == Side.BUY
                ? price(quote.ask()).compareTo(limit) <= 0
                : price(quote.bid()).compareTo(limit) >= 0;
    }

    /** What a market order pays or receives now: the ask for a buy, the bid for a sell. */
    public static BigDecimal marketPrice(Side side, Quote quote) {
        return price(side == Side.BUY ? quote.ask() : quote.bid());
    }

    /**
     * The price per share a buy holds back from buying power until it fills or ends: its limit, else
     * the higher of the ask and its stop.
     */
    public static BigDecimal reservePrice(BrokerOrder order, Quote quote) {
        if (order.limitPrice() != null) {
            return order.limitPrice();
        }
        BigDecimal ask = price(quote.ask());
        return order.stopPrice() != null && order.stopPrice().compareTo(ask) > 0 ? order.stopPrice() : ask;
    }

    /** A quote's double price as an exact decimal with {@link #PRICE_SCALE} places. */
    public static BigDecimal price(double value) {
        // The same few prices (today's bid, ask and last) are converted over and over while a day's orders are
        // checked, filled and valued; BigDecimal.valueOf(double) prints the double first, so remember the last one.
        LastPrice last = LAST_PRICE.get();
        long bits = Double.doubleToRawLongBits(value);
        if (last != null && last.bits == bits) {
            return last.price;
        }
        BigDecimal p = BigDecimal.valueOf(value).setScale(PRICE_SCALE, RoundingMode.HALF_EVEN);
        LAST_PRICE.set(new LastPrice(bits, p));
        return p;
    }

    /** The last {@link #price} conversion of this thread (BigDecimal is immutable, so sharing the result is safe). */
    private record LastPrice(long bits, BigDecimal price) {
    }

    private static final ThreadLocal<LastPrice> LAST_PRICE = new ThreadLocal<>();
}
