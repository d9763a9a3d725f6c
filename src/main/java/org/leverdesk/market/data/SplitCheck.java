package org.leverdesk.market.data;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.leverdesk.domain.Bar;

/**
 * Refuses bars whose split basis jumps against the stored series. Stored OHLC are split-adjusted as of
 * the day they were stored; a source downloaded after a later split (or one whose close column is not
 * split-adjusted at all) puts a jump of exactly the split factor into the series, which a backtest
 * then reads as a real day (NVDA's pre-split history plus post-split rows showed a fake -87% day).
 *
 * <p>A pair of bars (previous, next) "jumps by a split factor" when next.close / previous.close is within
 * {@value #TOLERANCE} (in log terms, about ±12%) of a factor f in {@link #FACTORS} (a f:1 split) or of
 * 1/f (a 1:f reverse split). Such a pair is refused when
 * <ol>
 *   <li>both bars are of the same date, one stored and one new (within ±3%): the new source is on another
 *       share basis, whatever the rest says;</li>
 *   <li>adj_close does not move accordingly: |ln(adj ratio)| is less than half of |ln f|. Real price moves
 *       move the adjusted close too; a close column that is not split-adjusted does not; or</li>
 *   <li>previous is stored, next is new, and the move is more than {@value #SIGMA_MULTIPLE} times the
 *       symbol's usual daily move (standard deviation of the log returns of its last {@value #SIGMA_WINDOW}
 *       stored closes, {@value #DEFAULT_SIGMA} when fewer than 20 are stored). Both columns of a file
 *       downloaded after a split are on the new basis, so only the size of the jump gives it away.</li>
 * </ol>
 * 3-for-2 splits (a ratio of 1.5) are not detected: such moves are ordinary days for leveraged funds.
 * A false alarm (a real -50% day of a calm stock) is answered by replacing the whole series, which the
 * message offers: a whole consistent series is only checked by rule 2.
 */
public final class SplitCheck {
    /** Split factors looked for, forward (f:1) and reverse (1:f). */
    static final int[] FACTORS = {2, 3, 4, 5, 6, 7, 8, 10, 12, 15, 20, 25, 30, 40, 50, 100};
    /** How close (|ln(ratio / factor)|) a ratio must be to a factor: a split day's own move is rarely larger. */
    static final double TOLERANCE = 0.12;
    /** The same for two bars of one date, which have no day's move between them. */
    static final double SAME_DAY_TOLERANCE = 0.03;
    static final int SIGMA_WINDOW = 60;
    static final double SIGMA_MULTIPLE = 6;
    static final double DEFAULT_SIGMA = 0.05;

    private SplitCheck() {
    }

    /**
     * The first split-basis jump of {@code incoming} against {@code stored}, as one line that ends with
     * {@code remedy} (what to do, e.g. "re-import the whole file (leverdesk import NVDA.csv --replace)"),
     * or empty when there is none. Both lists are ascending by date; {@code incoming} replaces stored bars
     * of the same dates.
     */
    public static Optional<String> check(String symbol, List<Bar> stored, List<Bar> incoming, String remedy) {
        Map<LocalDate, Bar> storedByDate = new TreeMap<>();
        stored.forEach(b -> storedByDate.put(b.date(), b));
        for (Bar n : incoming) {
            Bar s = storedByDate.get(n.date());
            if (s != null) {
                Factor f = Factor.near(n.close() / s.close(), SAME_DAY_TOLERANCE);
                if (f != null) {
                    return Optional.of(symbol + " " + n.date() + ": the new close " + price(n.close()) + " is " + f.ratioText()
                            + " of the stored " + price(s.close()) + ", " + f.text() + " the stored series does not have; " + remedy);
                }
            }
        }
        // The series as it would be after the write: new bars replace stored ones of the same date.
        TreeMap<LocalDate, Entry> merged = new TreeMap<>();
        stored.forEach(b -> merged.put(b.date(), new Entry(b, true)));
        incoming.forEach(b -> merged.put(b.date(), new Entry(b, false)));
        List<Entry> all = new ArrayList<>(merged.values());
        for (int i = 1; i < all.size(); i++) {
            Entry p = all.get(i - 1);
            Entry n = all.get(i);
            if (p.stored() && n.stored()) {
                continue;
            }
            Factor f = Factor.near(n.bar().close() / p.bar().close(), TOLERANCE);
            if (f == null) {
                continue;
            }
            double adjMove = Math.log(n.bar().adjClose() / p.bar().adjClose());
            String pair = symbol + " " + n.bar().date() + ": close " + price(n.bar().close()) + " after " + price(p.bar().close())
                    + " looks like " + f.text();
            if (Math.abs(adjMove) < Math.abs(f.log()) / 2) {
                return Optional.of(pair + " the close column is not adjusted for (adj_close moved " + percent(adjMove)
                        + "); use split-adjusted prices, or " + remedy);
            }
            if (p.stored() != n.stored() && Math.abs(Math.log(n.bar().close() / p.bar().close()))
                    > SIGMA_MULTIPLE * sigma(stored, p.stored() ? p.bar().date() : n.bar().date())) {
                return Optional.of(pair + " the stored series does not have; " + remedy);
            }
        }
        return Optional.empty();
    }

    /** Standard deviation of the log returns of the last {@link #SIGMA_WINDOW} stored closes up to {@code upTo}. */
    static double sigma(List<Bar> stored, LocalDate upTo) {
        int end = stored.size();
        while (end > 0 && stored.get(end - 1).date().isAfter(upTo)) {
            end--;
        }
        int start = Math.max(0, end - SIGMA_WINDOW - 1);
        int n = end - start - 1;
        if (n < 20) {
            return DEFAULT_SIGMA;
        }
        double sum = 0;
        double sumSq = 0;
        for (int i = start + 1; i < end; i++) {
            double r = Math.log(stored.get(i).close() / stored.get(i - 1).close());
            sum += r;
            sumSq += r * r;
        }
        double mean = sum / n;
        return Math.sqrt(Math.max(0, (sumSq - n * mean * mean) / (n - 1)));
    }

    private record Entry(Bar bar, boolean stored) {
    }

    /** A split factor: the new close is old / {@code shares} ({@code shares} new shares per old one; < 1 reverse). */
    private record Factor(int number, boolean reverse) {
        static Factor near(double ratio, double tolerance) {
            if (!(ratio > 0) || Double.isInfinite(ratio)) {
                return null;
            }
            double lr = Math.log(ratio);
            for (int f : FACTORS) {
                if (Math.abs(lr + Math.log(f)) <= tolerance) {
                    return new Factor(f, false);
                }
                if (Math.abs(lr - Math.log(f)) <= tolerance) {
                    return new Factor(f, true);
                }
            }
            return null;
        }

        /** ln of the close ratio the split makes. */
        double log() {
            return reverse ? Math.log(number) : -Math.log(number);
        }

        String text() {
            return reverse ? "a 1:" + number + " reverse split" : "a " + number + ":1 split";
        }

        String ratioText() {
            return reverse ? number + " times" : "1/" + number;
        }
    }

    private static String price(double v) {
        return Prices.format(v);
    }

    private static String percent(double logMove) {
        double pct = (Math.exp(logMove) - 1) * 100;
        return (pct >= 0 ? "+" : "") + BigDecimal.valueOf(pct).setScale(1, RoundingMode.HALF_UP).toPlainString() + "%";
    }
}
