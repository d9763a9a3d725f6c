package org.leverdesk.market.feed;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.leverdesk.domain.Bar;
import org.leverdesk.domain.BarSeries;
import org.leverdesk.market.calendar.TradingCalendar.Session;
import org.leverdesk.market.data.CsvValidationException;
import org.leverdesk.market.data.MarketData;
import org.leverdesk.market.data.MarketDataException;

/**
 * A feed over daily bars that already exist (a CSV folder, the store, the demo market), revealed as time
 * passes: the bar of session D is final from D's close + 15 minutes ({@link FeedTiming}); from D's open
 * until then, {@link #session} returns D's bar as the session so far. Daily files know no intraday path,
 * so at the decision minute the "latest trade" is the day's close: exactly what a backtest decides on,
 * which is what a replay through the live path must see. A quote is the close ∓ 0.01%.
 */
public final class HistoricalFeed implements MarketDataFeed {
    /** Half the spread of the quotes made from a close, as the paper broker quotes. */
    static final double HALF_SPREAD = 0.0001;

    private final MarketData bars;
    private final FeedTiming timing;
    private final String label;
    private final String source;

    /**
     * @param label  what people read, e.g. "CSV folder /data/prices"
     * @param source what is recorded with each bar, e.g. "csv-folder"
     */
    public HistoricalFeed(MarketData bars, FeedTiming timing, String label, String source) {
        this.bars = bars;
        this.timing = timing;
        this.label = label;
        this.source = source;
    }

    @Override
    public String label() {
        return label;
    }

    @Override
    public String source() {
        return source;
    }

    @Override
    public LocalDate historyStart() {
        return MarketData.EARLIEST;
    }

    @Override
    public List<Bar> finalBars(String symbol, LocalDate from, LocalDate to, Instant now) {
        LocalDate last = timing.lastFinalSession(now);
        LocalDate end = to.isAfter(last) ? last : to;
        if (from.isAfter(end)) {
            return List.of();
        }
        return read(symbol, from, end).map(BarSeries::bars).orElse(List.of());
    }

    @Override
    public Optional<SessionSnapshot> session(String symbol, Instant now) {
        Optional<Session> open = timing.sessionInProgress(now);
        if (open.isEmpty()) {
            return Optional.empty();
        }
        LocalDate day = open.get().date();
        Instant closeAt = open.get().close().toInstant();
        return read(symbol, day, day).filter(s -> !s.isEmpty()).map(s -> {
            Bar b = s.bar(0);
            // The file's adjusted closes are one basis for every day: the day's own factor shows a dividend going ex today.
            return new SessionSnapshot(symbol, day, b.open(), b.high(), b.low(), b.close(), now.isBefore(closeAt) ? now : closeAt,
                    b.volume(), b.adjClose() / b.close());
        });
    }

    @Override
    public LatestQuote latestQuote(String symbol, Instant now) {
        LocalDate today = LocalDate.ofInstant(now, org.leverdesk.market.calendar.NyseCalendar.ZONE);
        Optional<SessionSnapshot> live = session(symbol, now);
        if (live.isPresent()) {
            double c = live.get().last();
            return LatestQuote.of(symbol, c * (1 - HALF_SPREAD), c * (1 + HALF_SPREAD), live.get().lastTradeAt(), label);
        }
        LocalDate last = timing.lastFinalSession(now);
        Optional<BarSeries> recent = read(symbol, last.minusDays(MarketData.RECENT_DAYS), last).filter(s -> !s.isEmpty());
        if (recent.isEmpty()) {
            return LatestQuote.none(symbol, symbol + ": " + label + " has no prices up to " + today);
        }
        BarSeries s = recent.get();
        double c = s.close(s.size() - 1);
        Instant at = timing.calendar().session(s.lastDate()).orElseThrow().close().toInstant();
        return LatestQuote.of(symbol, c * (1 - HALF_SPREAD), c * (1 + HALF_SPREAD), at, label);
    }

    /** The bars in range, or empty when the source has none there (or does not know the symbol). */
    private Optional<BarSeries> read(String symbol, LocalDate from, LocalDate to) {
        try {
            return Optional.of(bars.bars(symbol, from, to));
        } catch (CsvValidationException e) {
            throw new FeedException(label + ": " + e.getMessage(), e);
        } catch (MarketDataException e) {
            if (e.getCause() != null) {
                // A source that failed (a folder it cannot list, a store it cannot read), not one without bars.
                throw new FeedException(label + ": " + e.getMessage(), e);
            }
            return Optional.empty();
        }
    }
}
