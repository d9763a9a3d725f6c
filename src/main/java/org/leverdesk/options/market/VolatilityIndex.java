package org.leverdesk.options.market;

import java.time.LocalDate;
import java.util.Locale;
import java.util.Objects;

/**
 * The volatility index a synthetic chain is priced from (VXN for QQQ/QQQM, VIX for SPY), in index
 * points (24.93), optionally backed by another index scaled where the first has no value: VXN starts
 * 2009-09-14, so QQQ before then uses VIX × 1.165, the median VXN / VIX ratio of their common days
 * (../shared/data/volatility/SOURCES.md).
 */
public final class VolatilityIndex {
    /** Median VXN / VIX of 4,231 common days (2009–2026). */
    public static final double VXN_PER_VIX = 1.165;
    /** A close stays valid this many calendar days (VIX lacks a few sessions). */
    public static final int DEFAULT_MAX_AGE_DAYS = 5;

    private final DailySeries primary;
    private final DailySeries fallback;
    private final double fallbackScale;

    private VolatilityIndex(DailySeries primary, DailySeries fallback, double fallbackScale) {
        this.primary = Objects.requireNonNull(primary, "primary");
        this.fallback = fallback;
        this.fallbackScale = fallbackScale;
    }

    public static VolatilityIndex of(DailySeries levels) {
        return new VolatilityIndex(levels, null, 1);
    }

    /** This index, or {@code other} × {@code scale} on days it has no value. */
    public VolatilityIndex orElse(DailySeries other, double scale) {
        if (!(scale > 0) || !Double.isFinite(scale)) {
            throw new IllegalArgumentException("fallback index scale must be positive (got " + scale + ")");
        }
        return new VolatilityIndex(primary, other, scale);
    }

    public String name() {
        return primary.name();
    }

    /** The level valid on {@code date} with its source, or null when neither index has one. */
    public Observation on(LocalDate date) {
        int i = primary.indexOn(date);
        if (i >= 0) {
            return new Observation(primary.value(i), primary.date(i), primary.name());
        }
        if (fallback != null) {
            int j = fallback.indexOn(date);
            if (j >= 0) {
                return new Observation(fallback.value(j) * fallbackScale, fallback.date(j),
                        String.format(Locale.ROOT, "%s × %.3f", fallback.name(), fallbackScale));
            }
        }
        return null;
    }

    /** Why there is no level on {@code date}, for the one-line error. */
    public String missingReason(LocalDate date) {
        String range = primary.size() == 0 ? "it is empty" : "it covers " + primary.firstDate() + ".." + primary.lastDate();
        return "no " + primary.name() + " level on or up to " + primary.maxAgeDays() + " days before " + date + " (" + range
                + (fallback == null ? "" : "; nor " + fallback.name()) + "); add the index's history or price options from a later date";
    }

    /**
     * An index level and its source.
     *
     * @param level    in index points (24.93)
     * @param observed the date of the close used
     * @param source   "VXN", or "VIX × 1.165" for the fallback
     */
    public record Observation(double level, LocalDate observed, String source) {
    }
}
