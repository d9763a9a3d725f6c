package org.leverdesk.broker.alpaca;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import net.jacobpeterson.alpaca.model.endpoint.marketdata.common.historical.bar.enums.BarTimePeriod;
import net.jacobpeterson.alpaca.model.endpoint.marketdata.stock.historical.bar.StockBar;
import net.jacobpeterson.alpaca.model.endpoint.marketdata.stock.historical.bar.StockBarsResponse;
import net.jacobpeterson.alpaca.model.endpoint.marketdata.stock.historical.bar.enums.BarAdjustment;
import net.jacobpeterson.alpaca.model.endpoint.marketdata.stock.historical.bar.enums.BarFeed;
import org.leverdesk.broker.BrokerException;
import org.leverdesk.common.CancellationToken;
import org.leverdesk.common.ProgressListener;
import org.leverdesk.domain.Bar;
import org.leverdesk.store.BarRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Downloads daily bars from Alpaca's market data into the store. A {@link Bar} holds split-adjusted
 * OHLC and a close adjusted for splits and dividends, so each symbol is read twice, with adjustment
 * SPLIT and ALL, following {@code next_page_token}. All pages of a symbol are read before its one
 * write, so a cancel or failure never leaves a symbol half written.
 *
 * <p>By default no feed is named, so Alpaca serves the best one the account may use (consolidated SIP
 * history is free when older than 15 minutes). Pinning IEX gives IEX's share only: its daily volume is a
 * few percent of the real one and its last trade is not the official close.
 */
public final class AlpacaHistory {
    private static final Logger LOG = LoggerFactory.getLogger(AlpacaHistory.class);
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    /** Alpaca's largest page. */
    public static final int MAX_PAGE = 10_000;

    private final AlpacaSession session;
    private final BarRepository bars;
    private final int pageLimit;
    private final Feed feed;

    /** Which of Alpaca's stock feeds to read. */
    public enum Feed {
        /** Name none: Alpaca picks the best feed the account's plan allows. */
        ACCOUNT_DEFAULT,
        /** IEX only (one exchange's trades). */
        IEX,
        /** The consolidated tape (SIP); the last 15 minutes need a paid plan. */
        SIP
    }

    public AlpacaHistory(AlpacaSession session, BarRepository bars) {
        this(session, bars, MAX_PAGE, Feed.ACCOUNT_DEFAULT);
    }

    /** With another page size (tests use a small one to exercise paging) and feed. */
    public AlpacaHistory(AlpacaSession session, BarRepository bars, int pageLimit, Feed feed) {
        if (pageLimit < 1 || pageLimit > MAX_PAGE) {
            throw new IllegalArgumentException("page limit must be 1 to " + MAX_PAGE + " (got " + pageLimit + ")");
        }
        this.session = session;
        this.bars = bars;
        this.pageLimit = pageLimit;
        this.feed = feed;
    }

    /**
     * Downloads {@code from}..{@code to} (inclusive) for each symbol and saves them, symbol by symbol.
     * Returns the bars saved per symbol; throws {@link java.util.concurrent.CancellationException} when
     * cancelled (symbols finished before stay saved) and a {@link BrokerException} when Alpaca fails.
     */
    public Map<String, Integer> download(List<String> symbols, LocalDate from, LocalDate to, ProgressListener progress,
                                         CancellationToken cancel) {
        if (from.isAfter(to)) {
            throw new IllegalArgumentException("the start " + from + " is after the end " + to + "; swap them");
        }
        Map<String, Integer> saved = new LinkedHashMap<>();
        int n = symbols.size();
        for (int i = 0; i < n; i++) {
            String symbol = symbols.get(i);
            double base = (double) i / n;
            double share = 1.0 / n;
            cancel.throwIfCancelled();
            progress.progress(base, symbol + ": reading bars from Alpaca");
            List<StockBar> split = readAll(symbol, from, to, BarAdjustment.SPLIT, cancel,
                    count -> progress.progress(base + share * 0.25, symbol + ": " + count + " bars read"));
            List<StockBar> all = readAll(symbol, from, to, BarAdjustment.ALL, cancel,
                    count -> progress.progress(base + share * 0.75, symbol + ": " + count + " adjusted closes read"));
            List<Bar> merged = merge(symbol, split, all);
            cancel.throwIfCancelled();
            int written = merged.isEmpty() ? 0 : bars.upsert(symbol, merged);
            saved.put(symbol, written);
            LOG.info("saved {} daily bars of {} from Alpaca ({} to {})", written, symbol, from, to);
            progress.progress((double) (i + 1) / n, symbol + ": " + written + " bars saved");
        }
        return saved;
    }

    private interface PageCount {
        void read(int barsSoFar);
    }

    private List<StockBar> readAll(String symbol, LocalDate from, LocalDate to, BarAdjustment adjustment,
                                   CancellationToken cancel, PageCount pages) {
        // alpaca-java prints times with ISO_OFFSET_DATE_TIME, which drops zero seconds ("T00:00-05:00"), and
        // Alpaca wants RFC 3339 with seconds; one second before midnight keeps the seconds and the first day.
        ZonedDateTime start = from.atStartOfDay(NEW_YORK).minusSeconds(1);
        ZonedDateTime end = to.atTime(LocalTime.of(23, 59, 59)).atZone(NEW_YORK);
        List<StockBar> out = new ArrayList<>();
        BarFeed barFeed = switch (feed) {
            case ACCOUNT_DEFAULT -> null;
            case IEX -> BarFeed.IEX;
            case SIP -> BarFeed.SIP;
        };
        String token = null;
        do {
            cancel.throwIfCancelled();
            String pageToken = token;
            StockBarsResponse page = session.read("read " + symbol + " bars", () -> session.api().stockMarketData()
                    .getBars(symbol, start, end, pageLimit, pageToken, 1, BarTimePeriod.DAY, adjustment, barFeed));
            if (page.getBars() != null) {
                out.addAll(page.getBars());
            }
            pages.read(out.size());
            token = page.getNextPageToken();
        } while (token != null && !token.isBlank());
        return out;
    }

    /** Joins the split-adjusted bars with the fully adjusted closes of the same New York dates. */
    private static List<Bar> merge(String symbol, List<StockBar> split, List<StockBar> all) {
        Map<LocalDate, Double> adjusted = new TreeMap<>();
        for (StockBar b : all) {
            adjusted.put(date(b), b.getClose());
        }
        List<Bar> out = new ArrayList<>(split.size());
        for (StockBar b : split) {
            LocalDate d = date(b);
            Double adj = adjusted.get(d);
            if (adj == null) {
                throw new BrokerException("Alpaca sent a " + symbol + " bar for " + d + " without its adjusted close; "
                        + "nothing was saved for " + symbol + ", try the download again");
            }
            Bar bar = new Bar(d, value(b.getOpen()), value(b.getHigh()), value(b.getLow()), value(b.getClose()),
                    b.getVolume() == null ? 0 : b.getVolume(), adj);
            check(symbol, bar);
            out.add(bar);
        }
        return out;
    }

    private static LocalDate date(StockBar b) {
        if (b.getTimestamp() == null) {
            throw new BrokerException("Alpaca sent a bar without a time; nothing was saved for this symbol, try again");
        }
        return b.getTimestamp().withZoneSameInstant(NEW_YORK).toLocalDate();
    }

    private static double value(Double v) {
        return v == null ? Double.NaN : v;
    }

    private static void check(String symbol, Bar b) {
        boolean positive = b.open() > 0 && b.high() > 0 && b.low() > 0 && b.close() > 0 && b.adjClose() > 0;
        if (!positive || b.high() < b.low() || b.volume() < 0) {
            throw new BrokerException("Alpaca sent a broken " + symbol + " bar for " + b.date() + " (open " + b.open()
                    + ", high " + b.high() + ", low " + b.low() + ", close " + b.close() + "); nothing was saved for " + symbol);
        }
    }
}
