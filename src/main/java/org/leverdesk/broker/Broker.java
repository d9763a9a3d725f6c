package org.leverdesk.broker;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.leverdesk.domain.PortfolioView;

/**
 * The one execution port. {@code SimBroker} (backtests), {@code PaperBroker} (the embedded default,
 * persisted in H2) and {@code AlpacaBroker} implement it, and one contract test suite holds all three
 * to the same behaviour. Every call may throw a {@link BrokerException}; a
 * {@link BrokerUnavailableException} from {@link #submit} means the outcome is unknown and the order
 * must be looked up by its client order id, never sent again blindly.
 */
public interface Broker {
    /** A short name for logs and the status bar, e.g. "paper" or "alpaca-paper". */
    String name();

    /** Cash, equity and buying power now. */
    Account account();

    /** Every non-zero position of the account. */
    List<BrokerPosition> positions();

    /** Orders that can still fill (new, accepted, partially filled). */
    List<BrokerOrder> openOrders();

    /**
     * Sends one order.
     *
     * @throws DuplicateClientOrderIdException when the client order id was used before (even if cancelled)
     * @throws OrderRejectedException          when the broker refused the order (the reason says why)
     * @throws BrokerUnavailableException      when the outcome is unknown (timeout, 5xx, dropped connection)
     */
    BrokerOrder submit(OrderRequest request);

    /**
     * Sends a multi-leg option order (a spread or condor) as one unit that fills all-or-none at the net price,
     * and returns its legs as orders under their own client order ids. A broker that cannot take one refuses
     * it as a whole, so no leg is ever sent alone.
     *
     * @throws DuplicateClientOrderIdException when the parent's or a leg's client order id was used before
     * @throws OrderRejectedException          when the broker refused the order (the reason says why)
     * @throws BrokerUnavailableException      when the outcome is unknown; look the legs up by their client ids
     */
    default List<BrokerOrder> submitMultiLeg(MultiLegOrderRequest request) {
        throw new OrderRejectedException("order " + request.clientOrderId() + ": the " + name()
                + " broker takes no multi-leg option orders; the spread was not sent (no leg was sent alone)");
    }

    /**
     * The legs of a multi-leg order as the broker has them now, under the request's leg client order ids; the
     * legs it never saw are left out (empty: the broker has none of them, so the order was never placed). The
     * default looks each leg up by its own id; a broker that names the legs itself (Alpaca) finds them through
     * the parent's id.
     */
    default List<BrokerOrder> multiLegLegs(MultiLegOrderRequest request) {
        return request.legs().stream().map(l -> orderByClientOrderId(l.clientOrderId())).flatMap(Optional::stream).toList();
    }

    /** The order sent with {@code clientOrderId}, in whatever state it is now, or empty if the broker never saw it. */
    Optional<BrokerOrder> orderByClientOrderId(String clientOrderId);

    /** Asks to cancel one open order; cancelling an order that already ended is not an error. */
    void cancel(String brokerOrderId);

    /** Asks to cancel every open order and returns the orders it asked to cancel. */
    List<BrokerOrder> cancelAll();

    /**
     * Asks to cancel every open order and reports per order: those the broker took the request for and
     * those it refused or left open, with the reason. The default suits brokers whose {@link #cancelAll}
     * cannot fail for one order alone; a broker that can (Alpaca answers per order) overrides it.
     */
    default CancelReport cancelAllReported() {
        return new CancelReport(cancelAll(), List.of());
    }

    /**
     * Cancels every open order, then closes every position with a market order (an OPG order when the
     * market is closed), and reports per position what happened.
     */
    List<CloseOutcome> closeAllPositions();

    /** Closes the whole position in {@code symbol} (cancelling its open orders first); empty when flat. */
    Optional<BrokerOrder> closePosition(String symbol);

    /** Whether the market is open now and the next open and close. */
    MarketClock clock();

    /** The commission this broker charges (the planner keeps buys and their fees within buying power). */
    default Fees fees() {
        return Fees.NONE;
    }

    /** Whether the market is open now ({@link #clock()}'s answer, which adapters may give more cheaply). */
    default boolean marketOpen() {
        return clock().open();
    }

    /** The trading sessions between {@code from} and {@code to}, inclusive. */
    List<MarketDay> calendar(LocalDate from, LocalDate to);

    /** The latest quote for {@code symbol}; check it with a quote guard before trading on it. */
    Quote latestQuote(String symbol);

    /**
     * What one strategy sees of this account (capital isolation, see {@link StrategyPortfolio}): its
     * {@code capitalShare} of the equity and its positions in {@code traded}. Adapters may answer from
     * their own books faster, with the same meaning.
     */
    default PortfolioView portfolioView(Set<String> traded, double capitalShare) {
        return StrategyPortfolio.of(account(), positions(), traded, capitalShare);
    }

    /**
     * What one strategy sees when several trade options on one root in this account (decision record 0031): as
     * {@link #portfolioView(Set, double)}, but each position {@code ownership} attributes counts with the strategy's
     * part only. Adapters that read their own books override it with the same meaning.
     */
    default PortfolioView portfolioView(Set<String> traded, double capitalShare, PositionOwnership ownership) {
        return StrategyPortfolio.of(account(), positions(), traded, capitalShare, ownership);
    }

    /**
     * True when {@link #latestQuote} is built from daily closes (the built-in paper broker on daily
     * prices): such a quote is as fresh as the day's prices the decision used, not seconds old, and
     * the quote guard judges its age against that day instead of the clock.
     */
    default boolean quotesFromDailyCloses() {
        return false;
    }
}
