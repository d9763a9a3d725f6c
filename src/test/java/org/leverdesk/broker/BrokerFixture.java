package org.leverdesk.broker;

/**
 * What the broker contract suite needs from each adapter's test set-up. Every fixture starts with a
 * fresh account holding $100,000 cash, no positions and no orders, the market open, and no quotes.
 * The market model is the same for all adapters so one suite can check them all:
 * <ul>
 *   <li>a MARKET order fills completely at once while the market is open, a buy at the ask and a sell at the bid;</li>
 *   <li>a LIMIT order fills at its limit price as soon as it is marketable (buy: ask &le; limit; sell: bid &ge; limit),
 *       now or on a later {@link #setQuote}, else it rests;</li>
 *   <li>a STOP order becomes a market order when the last price trades through the stop;</li>
 *   <li>MARKET_ON_OPEN (OPG) orders rest until {@link #openSession()}, which fills them at that moment's
 *       quote (buy at the ask, sell at the bid) and opens the market;</li>
 *   <li>positions are valued at the last price ((bid + ask) / 2 unless set otherwise);</li>
 *   <li>a broker may work asynchronously, as Alpaca does: an order may be answered before it fills, a
 *       cancel before the order has ended; {@link #settle()} lets that work finish (a few seconds of the
 *       session pass) and is a no-op for brokers that do everything at once;</li>
 *   <li>a DAY order still open at {@link #closeMarket()} expires; a GTC order stays.</li>
 * </ul>
 */
public interface BrokerFixture extends AutoCloseable {
    /** The adapter under test. */
    Broker broker();

    /** Sets the quote of {@code symbol}; last = mid. Marketable resting orders fill. */
    void setQuote(String symbol, double bid, double ask);

    /** Lets the broker finish what it does asynchronously (acceptance, fills, cancels); the session stays as it is. */
    default void settle() {
    }

    /**
     * Why this adapter's options are not held to the contract's option cases, or null when they are. An adapter that
     * trades options quotes a contract pushed with {@link #setQuote} under its padded OCC symbol like any symbol, charges
     * price × 100 per contract, and runs a cash account at level 3 (spreads).
     */
    default String optionsUnsupported() {
        return "this adapter's fixture does not trade options";
    }

    /** Why {@link Broker#submitMultiLeg} is not held to the contract yet, or null when it is. */
    default String multiLegUnsupported() {
        return optionsUnsupported();
    }

    /**
     * {@code underlying}'s option contracts of {@code day} expire at that day's close with the underlying closing at
     * {@code close} (in the money by $0.01: assigned or exercised, 100 shares a contract at the strike; else removed).
     */
    default void expireOptions(java.time.LocalDate day, String underlying, double close) {
        throw new UnsupportedOperationException(optionsUnsupported());
    }

    /** Closes the market (after the session). */
    void closeMarket();

    /** Opens the next session: resting OPG orders fill at the current quotes. */
    void openSession();

    @Override
    void close();
}
