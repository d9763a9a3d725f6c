package org.leverdesk.market.feed;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.leverdesk.common.CancellationToken;
import org.leverdesk.common.ProgressListener;
import org.leverdesk.domain.Bar;
import org.leverdesk.market.calendar.NyseCalendar;
import org.leverdesk.market.calendar.TradingCalendar.Session;
import org.leverdesk.market.data.BarValidator;
import org.leverdesk.market.data.CsvValidationException.Problem;
import org.leverdesk.market.data.MarketData;
import org.leverdesk.market.data.Prices;
import org.leverdesk.market.data.SplitCheck;
import org.leverdesk.market.feed.SymbolRefresh.Status;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings the store up to date from a feed ({@code leverdesk data update}, the Data view's button, and the
 * scheduler before each strategy run). For each symbol, in alphabetical order:
 * <ol>
 *   <li>the final bars missing since the last stored final bar, fetched from that bar on (it overlaps, so a
 *       changed share basis or dividend basis shows) up to the last session that is final now; nothing is
 *       asked when the store is already there;</li>
 *   <li>every bar is validated as an import is ({@link BarValidator}) and refused when its split basis jumps
 *       against the stored series ({@link SplitCheck});</li>
 *   <li>while a session is in progress, today's provisional bar from the session so far;</li>
 *   <li>one transaction writes it all: a kill loses at most the symbol in flight, and the next refresh
 *       fetches exactly what is still missing.</li>
 * </ol>
 * A failing symbol is reported and the others go on. Running it twice writes nothing new the second time.
 */
public final class MarketDataRefresher {
    private static final Logger LOG = LoggerFactory.getLogger(MarketDataRefresher.class);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss", Locale.ROOT);
    /** Stored bars read per symbol: the overlap bar and enough history for the split check's usual move. */
    private static final int TAIL = 62;

    private final MarketDataFeed feed;
    private final FeedStore store;
    private final FeedTiming timing;
    private final BarValidator validator;

    public MarketDataRefresher(MarketDataFeed feed, FeedStore store, FeedTiming timing) {
        this.feed = feed;
        this.store = store;
        this.timing = timing;
        this.validator = new BarValidator(timing.calendar());
    }

    /** The feed this refresher reads. */
    public MarketDataFeed feed() {
        return feed;
    }

    /** {@link #refresh(Set, Instant, RefreshOptions, ProgressListener, CancellationToken)} with the default options. */
    public RefreshReport refresh(Set<String> symbols, Instant now, ProgressListener progress, CancellationToken cancel) {
        return refresh(symbols, now, RefreshOptions.DEFAULT, progress, cancel);
    }

    /**
     * Refreshes {@code symbols} as of {@code now}. Progress gets one line when a symbol starts and one with its
     * result. Throws {@link java.util.concurrent.CancellationException} when cancelled between requests;
     * symbols finished before stay written.
     */
    public RefreshReport refresh(Set<String> symbols, Instant now, RefreshOptions options, ProgressListener progress,
                                 CancellationToken cancel) {
        List<String> sorted = new ArrayList<>(new TreeSet<>(symbols.stream().map(s -> s.trim().toUpperCase(Locale.ROOT)).toList()));
        List<SymbolRefresh> done = new ArrayList<>();
        int n = sorted.size();
        recordSplits(sorted, now);
        for (int i = 0; i < n; i++) {
            String symbol = sorted.get(i);
            cancel.throwIfCancelled();
            progress.progress((double) i / n, symbol + ": reading " + feed.label());
            SymbolRefresh r;
            try {
                r = refreshSymbol(symbol, now, options, cancel);
            } catch (java.util.concurrent.CancellationException e) {
                throw e;
            } catch (RuntimeException e) {
                LOG.warn("refreshing {} from {} failed", symbol, feed.label(), e);
                r = new SymbolRefresh(symbol, Status.FAILED, 0, null, null, null, null, List.of(),
                        symbol + ": " + oneLine(e) + "; nothing of " + symbol + " was written");
            }
            done.add(r);
            LOG.info("{}", r.message());
            progress.progress((double) (i + 1) / n, r.message());
        }
        if (n == 0) {
            progress.progress(1, "no symbols to refresh");
        }
        return new RefreshReport(feed.label(), now, done);
    }

    private SymbolRefresh refreshSymbol(String symbol, Instant now, RefreshOptions options, CancellationToken cancel) {
        LocalDate lastFinal = timing.lastFinalSession(now);
        // A known split whose ex-date has begun divides the older stored bars first (once), so the feed's bars on the
        // new share basis continue the stored series instead of jumping against it (README "Splits on the paper account").
        LocalDate through = timing.sessionInProgress(now).map(Session::date).orElse(lastFinal);
        String splitNote = store.applyKnownSplits(symbol, through).stream().map(sp -> "; stored bars moved onto the "
                + sp.ratioText() + " split of " + sp.exDate()).reduce("", String::concat);
        boolean full = options.fullReplace().contains(symbol);
        List<Bar> tail = full ? List.of() : store.lastFinalBars(symbol, TAIL);
        Bar stored = tail.isEmpty() ? null : tail.get(tail.size() - 1);
        LocalDate start = options.historyStart() != null ? options.historyStart() : feed.historyStart();

        List<Bar> fresh = List.of();
        List<LocalDate> missing = List.of();
        double rebase = 1.0;
        boolean fetched = false;
        if (stored == null || stored.date().isBefore(lastFinal)) {
            LocalDate from = stored == null ? start : stored.date();
            List<Bar> got = inRange(feed.finalBars(symbol, from, lastFinal, now), from, lastFinal);
            cancel.throwIfCancelled();
            fetched = true;
            if (got.isEmpty() && stored == null) {
                String range = from.equals(MarketData.EARLIEST) ? " up to " + lastFinal : " from " + from + " to " + lastFinal;
                return new SymbolRefresh(symbol, Status.NO_DATA, 0, null, null, null, null, List.of(), symbol + ": "
                        + feed.label() + " has no daily bars" + range
                        + "; check the symbol (or that it trades on this feed)");
            }
            Optional<String> bad = badBar(symbol, got);
            if (bad.isPresent()) {
                return refused(symbol, bad.get());
            }
            Optional<String> jump = SplitCheck.check(symbol, tail, got, remedy(symbol));
            if (jump.isPresent()) {
                return refused(symbol, jump.get());
            }
            if (stored != null) {
                rebase = rebase(stored, got);
                fresh = got.stream().filter(b -> b.date().isAfter(stored.date())).toList();
            } else {
                fresh = got;
            }
            missing = missing(stored == null ? (got.isEmpty() ? from : got.get(0).date()) : stored.date(), lastFinal, got);
        }

        Bar provisional = null;
        Instant asOf = null;
        String provisionalNote = "";
        Optional<Session> session = options.provisional() ? timing.sessionInProgress(now) : Optional.empty();
        Bar previous = !fresh.isEmpty() ? fresh.get(fresh.size() - 1) : stored == null ? null : rebased(stored, rebase);
        if (session.isPresent() && (previous == null || previous.date().isBefore(session.get().date()))) {
            cancel.throwIfCancelled();
            Optional<SessionSnapshot> snap = feed.session(symbol, now).filter(s -> s.date().equals(session.get().date()));
            if (snap.isEmpty()) {
                provisionalNote = "; no trade yet today, so no provisional bar";
            } else {
                if (!fetched && stored != null && Double.isFinite(snap.get().adjustment())) {
                    // The day's factor is on the feed's basis of now: re-read the last final bar to put the stored
                    // series on it too (a dividend going ex today moves it), or the two would not compare.
                    rebase = rebase(stored, inRange(feed.finalBars(symbol, stored.date(), stored.date(), now), stored.date(),
                            stored.date()));
                    cancel.throwIfCancelled();
                    previous = rebased(stored, rebase);
                }
                Bar bar = ProvisionalBar.of(snap.get(), previous);
                Optional<String> bad = badBar(symbol, List.of(bar));
                if (bad.isPresent()) {
                    return refused(symbol, bad.get().replace(" bar ", " provisional bar "));
                }
                List<Bar> before = new ArrayList<>(tail);
                before.addAll(fresh);
                Optional<String> jump = SplitCheck.check(symbol, before, List.of(bar), remedy(symbol));
                if (jump.isPresent()) {
                    return refused(symbol, jump.get());
                }
                provisional = bar;
                asOf = snap.get().lastTradeAt();
                provisionalNote = "; provisional " + bar.date() + " from the session so far (last trade "
                        + TIME.format(asOf.atZone(NyseCalendar.ZONE)) + " ET, close " + Prices.format(bar.close()) + ")";
            }
        }

        cancel.throwIfCancelled();
        FeedWrite write = new FeedWrite(fresh, full, rebase, fetched ? lastFinal : null, provisional, asOf, feed.source());
        store.write(symbol, write);

        Status status = full ? Status.REPLACED : fresh.isEmpty() ? Status.UP_TO_DATE : Status.UPDATED;
        String what = switch (status) {
            case REPLACED -> "replaced by " + fresh.size() + " final bars " + range(fresh);
            case UPDATED -> fresh.size() + " new final " + (fresh.size() == 1 ? "bar " : "bars ") + range(fresh);
            default -> (missing.isEmpty() ? "up to date" : "no new bars") + (stored == null ? "" : " (last final bar " + stored.date() + ")");
        };
        String gaps = missing.isEmpty() ? "" : "; " + gaps(missing, fresh.isEmpty() ? stored : fresh.get(fresh.size() - 1), lastFinal);
        return new SymbolRefresh(symbol, status, fresh.size(), fresh.isEmpty() ? null : fresh.get(0).date(),
                fresh.isEmpty() ? null : fresh.get(fresh.size() - 1).date(), provisional == null ? null : provisional.date(),
                asOf, missing, symbol + ": " + what + gaps + provisionalNote + splitNote);
    }

    /**
     * Records the splits the feed announces for {@code symbols} from a week ago to 90 days ahead, before any bar is
     * read, so a split whose ex-date has begun divides the stored bars first. Failing to read them stops nothing:
     * the split check still refuses an unknown split's jump, and the log says why.
     */
    private void recordSplits(List<String> symbols, Instant now) {
        if (symbols.isEmpty()) {
            return;
        }
        LocalDate today = now.atZone(NyseCalendar.ZONE).toLocalDate();
        try {
            store.recordSplits(feed.splits(new java.util.LinkedHashSet<>(symbols), today.minusDays(7), today.plusDays(90)));
        } catch (RuntimeException e) {
            LOG.warn("reading the splits from {} failed: {}", feed.label(), oneLine(e));
        }
    }

    private SymbolRefresh refused(String symbol, String reason) {
        return new SymbolRefresh(symbol, Status.REFUSED, 0, null, null, null, null, List.of(),
                reason + (reason.contains("nothing of") ? "" : "; nothing of " + symbol + " was written"));
    }

    private static String remedy(String symbol) {
        return "run 'leverdesk data update --symbols " + symbol + " --full' or re-import a whole split-adjusted file"
                + " (leverdesk import " + symbol + ".csv --replace)";
    }

    /** The first problem {@link BarValidator} finds in {@code bars}, named by the bar's date. */
    private Optional<String> badBar(String symbol, List<Bar> bars) {
        List<Problem> problems = validator.validate(feed.label(), bars);
        if (problems.isEmpty()) {
            return Optional.empty();
        }
        Problem p = problems.get(0);
        String when = p.line() >= 1 && p.line() <= bars.size() ? " " + bars.get(p.line() - 1).date() : "";
        return Optional.of(symbol + when + ": " + feed.label() + " sent a bad bar: " + p.reason()
                + (problems.size() > 1 ? " (and " + (problems.size() - 1) + " more problems)" : ""));
    }

    /** Keeps the bars within from..to (a feed may send a day more at either end). */
    private static List<Bar> inRange(List<Bar> bars, LocalDate from, LocalDate to) {
        return bars.stream().filter(b -> !b.date().isBefore(from) && !b.date().isAfter(to)).toList();
    }

    /**
     * The factor that puts the stored adjusted closes on the feed's current dividend basis: the ratio of the
     * adjustment factors (adj_close / close) the feed and the store give the overlap day. 1 without overlap.
     */
    private static double rebase(Bar stored, List<Bar> got) {
        for (Bar b : got) {
            if (b.date().equals(stored.date())) {
                double k = (b.adjClose() / b.close()) / (stored.adjClose() / stored.close());
                return Double.isFinite(k) && k > 0 && Math.abs(k - 1) > 1e-9 ? k : 1.0;
            }
        }
        return 1.0;
    }

    private static Bar rebased(Bar b, double k) {
        return k == 1.0 ? b : new Bar(b.date(), b.open(), b.high(), b.low(), b.close(), b.volume(), b.adjClose() * k);
    }

    /** Trading days after {@code after} up to {@code to} the feed sent no bar for. */
    private List<LocalDate> missing(LocalDate after, LocalDate to, List<Bar> got) {
        if (!after.isBefore(to)) {
            return List.of();
        }
        Set<LocalDate> have = new HashSet<>();
        got.forEach(b -> have.add(b.date()));
        return timing.calendar().tradingDays(after.plusDays(1), to).stream().filter(d -> !have.contains(d)).toList();
    }

    private static String range(List<Bar> bars) {
        LocalDate a = bars.get(0).date();
        LocalDate b = bars.get(bars.size() - 1).date();
        return a.equals(b) ? a.toString() : a + ".." + b;
    }

    /** "the feed has no bar for 2024-07-03", or for a feed that ends early "the feed has nothing after ...". */
    private String gaps(List<LocalDate> days, Bar lastGot, LocalDate lastFinal) {
        boolean trailing = lastGot != null && days.get(0).isAfter(lastGot.date()) && days.size() > 3;
        if (trailing) {
            return "the feed has nothing after " + lastGot.date() + " (" + days.size() + " sessions up to " + lastFinal + ")";
        }
        if (days.size() <= 3) {
            return "the feed has no bar for " + String.join(", ", days.stream().map(LocalDate::toString).toList());
        }
        return "the feed has no bar for " + days.size() + " trading days (" + days.get(0) + " .. " + days.get(days.size() - 1) + ")";
    }

    private static String oneLine(Throwable e) {
        String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        int nl = m.indexOf('\n');
        return nl < 0 ? m : m.substring(0, nl);
    }
}
