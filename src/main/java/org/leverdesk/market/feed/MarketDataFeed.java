package org.leverdesk.market.feed;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.leverdesk.domain.Bar;

/**
 * A source of current market data (the port; adapters: Alpaca market data, a CSV folder, the store, the
 * demo market). "Now" is always passed in, so a feed never reads a clock: a replay asks with simulated
 * time and gets exactly what was known then ({@link FeedTiming}).
 */
public interface MarketDataFeed extends AutoCloseable {
    /** What it reads from, for people: "Alpaca market data (iex feed)", "CSV folder /data/prices". */
    String label();

    /**
     * The stock splits of {@code symbols} going ex between {@code from} and {@code to} (announced ones included), as
     * the source's corporate actions give them; a source without corporate actions has none (price files are
     * split-adjusted already).
     */
    default List<org.leverdesk.market.data.Split> splits(java.util.Set<String> symbols, LocalDate from, LocalDate to) {
        return List.of();
    }

    /** What is recorded with each bar it delivers: "alpaca-iex", "csv-folder". */
    String source();

    /** The first day it has history for: a symbol with no stored bars is fetched from here. */
    LocalDate historyStart();

    /**
     * The final daily bars of {@code symbol} from {@code from} to {@code to} (both inclusive), oldest first:
     * split-adjusted OHLC and volume, and the close adjusted for splits and dividends. Only sessions whose bar
     * is final at {@code now} are returned ({@link FeedTiming#isFinal}); empty when the feed has none (an
     * unknown symbol, no trades).
     *
     * @throws FeedException when the feed cannot be read or answers nonsense
     */
    List<Bar> finalBars(String symbol, LocalDate from, LocalDate to, Instant now);

    /**
     * Today's regular session of {@code symbol} so far at {@code now} (open, high, low, latest trade, volume):
     * empty outside a session or before the symbol's first trade of the day.
     *
     * @throws FeedException when the feed cannot be read
     */
    Optional<SessionSnapshot> session(String symbol, Instant now);

    /**
     * The latest bid and ask of {@code symbol}; a quote without a bid or an ask (Alpaca sends 0 for a side
     * with no active order) comes back with the reason it is unusable, never as a price of zero.
     *
     * @throws FeedException when the feed cannot be read
     */
    LatestQuote latestQuote(String symbol, Instant now);

    /** Releases connections; a feed over local files has nothing to release. */
    @Override
    default void close() {
    }
}
