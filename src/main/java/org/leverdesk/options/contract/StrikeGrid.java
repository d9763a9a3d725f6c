package org.leverdesk.options.contract;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * The strikes listed around a spot price: bands of distance from the spot, each with its own step.
 * A strike K is listed when |K / spot − 1| is within a band's {@code maxDistance} and K is a multiple
 * of the first such band's {@code step}; nothing is listed beyond the last band. The default for the
 * liquid ETFs (QQQ, QQQM, SPY) is $1 steps within 15% of the spot and $5 steps out to 50%.
 *
 * <p>Real strikes are added when a series is listed and then stay; a grid drawn around today's spot is
 * the synthetic-chain simplification. A held contract whose strike is off today's grid is still priced
 * ({@code SyntheticChains.quote}); the grid only decides what is offered for new positions.
 */
public record StrikeGrid(List<Band> bands) {
    /** Strikes with |K / spot − 1| ≤ {@code maxDistance} (and beyond the previous band) are multiples of {@code step}. */
    public record Band(double maxDistance, BigDecimal step) {
        public Band {
            if (!(maxDistance > 0 && maxDistance <= 10)) {
                throw new IllegalArgumentException("a strike band's distance from the spot must be above 0 and at most 10 (1000%) (got "
                        + maxDistance + ")");
            }
            Objects.requireNonNull(step, "step");
            if (step.signum() <= 0 || step.scale() > 3 && step.stripTrailingZeros().scale() > 3) {
                throw new IllegalArgumentException("a strike step must be a positive amount in thousandths of a dollar (got "
                        + step.toPlainString() + ")");
            }
        }

        long stepThousandths() {
            return step.movePointRight(3).setScale(0, RoundingMode.UNNECESSARY).longValueExact();
        }
    }

    public StrikeGrid {
        bands = List.copyOf(bands);
        if (bands.isEmpty()) {
            throw new IllegalArgumentException("a strike grid needs at least one band");
        }
        for (int i = 1; i < bands.size(); i++) {
            Band in = bands.get(i - 1);
            Band out = bands.get(i);
            if (out.maxDistance() <= in.maxDistance()) {
                throw new IllegalArgumentException("strike bands must go outward: distance " + out.maxDistance()
                        + " follows " + in.maxDistance());
            }
        }
    }

    /** $1 within 15% of the spot, $5 out to 50%: the QQQ / QQQM / SPY default. */
    public static StrikeGrid etfDefault() {
        return new StrikeGrid(List.of(new Band(0.15, BigDecimal.ONE), new Band(0.50, BigDecimal.valueOf(5))));
    }

    /** One step everywhere within {@code maxDistance} of the spot. */
    public static StrikeGrid uniform(BigDecimal step, double maxDistance) {
        return new StrikeGrid(List.of(new Band(maxDistance, step)));
    }

    /** The listed strike nearest the spot (the at-the-money strike); ties go to the higher strike. */
    public BigDecimal atTheMoney(double spot) {
        return nearest(spot, spot);
    }

    /** The listed strike nearest {@code target}; ties go to the higher strike; a target off the grid gives its end. */
    public BigDecimal nearest(double spot, double target) {
        return toDecimal(nearestThousandths(spot, target, true));
    }

    /**
     * The listed strike nearest to {@code otmFraction} out of the money: spot × (1 − f) for a put, spot ×
     * (1 + f) for a call; a tie goes to the strike further out of the money.
     */
    public BigDecimal nearestOtm(double spot, OptionRight right, double otmFraction) {
        if (!(otmFraction > -1 && otmFraction < 10)) {
            throw new IllegalArgumentException("out-of-the-money fraction must be between -1 and 10 (got " + otmFraction + ")");
        }
        boolean put = right == OptionRight.PUT;
        double target = put ? spot * (1 - otmFraction) : spot * (1 + otmFraction);
        return toDecimal(nearestThousandths(spot, target, !put));
    }

    /** The highest listed strike at or below {@code price}, or null when none is. */
    public BigDecimal atOrBelow(double spot, double price) {
        long k = floorListed(spot, toThousandthsFloor(price));
        return k > 0 ? toDecimal(k) : null;
    }

    /** The lowest listed strike at or above {@code price}, or null when none is. */
    public BigDecimal atOrAbove(double spot, double price) {
        long k = ceilListed(spot, toThousandthsCeil(price));
        return k > 0 ? toDecimal(k) : null;
    }

    /** The at-the-money strike and {@code eachSide} listed strikes below and above it (fewer at the grid's ends), ascending. */
    public List<BigDecimal> strikesAround(double spot, int eachSide) {
        if (eachSide < 0) {
            throw new IllegalArgumentException("strikes each side must be 0 or more (got " + eachSide + ")");
        }
        long atm = nearestThousandths(spot, spot, true);
        List<BigDecimal> below = new ArrayList<>(eachSide);
        long k = atm;
        for (int i = 0; i < eachSide && (k = floorListed(spot, k - 1)) > 0; i++) {
            below.add(toDecimal(k));
        }
        Collections.reverse(below);
        List<BigDecimal> out = new ArrayList<>(2 * eachSide + 1);
        out.addAll(below);
        out.add(toDecimal(atm));
        k = atm;
        for (int i = 0; i < eachSide && (k = ceilListed(spot, k + 1)) > 0; i++) {
            out.add(toDecimal(k));
        }
        return out;
    }

    /** Every listed strike from {@code low} to {@code high} (prices, inclusive), ascending. */
    public List<BigDecimal> strikesBetween(double spot, double low, double high) {
        List<BigDecimal> out = new ArrayList<>();
        long limit = toThousandthsFloor(high);
        for (long k = ceilListed(spot, toThousandthsCeil(low)); k > 0 && k <= limit; k = ceilListed(spot, k + 1)) {
            out.add(toDecimal(k));
        }
        return out;
    }

    /** True when {@code strike} is on the grid drawn around {@code spot}. */
    public boolean isListed(double spot, BigDecimal strike) {
        requireSpot(spot);
        long k;
        try {
            k = strike.movePointRight(3).setScale(0, RoundingMode.UNNECESSARY).longValueExact();
        } catch (ArithmeticException e) {
            return false;
        }
        long step = stepAt(spot, k);
        return k > 0 && step > 0 && k % step == 0;
    }

    // --- the grid in thousandths of a dollar; 0 means "no strike" ---

    private long nearestThousandths(double spot, double target, boolean tieUp) {
        requireSpot(spot);
        long t = Math.round(target * 1000);
        long lo = floorListed(spot, t);
        long hi = ceilListed(spot, t);
        if (lo <= 0) {
            return hi > 0 ? hi : lowestListed(spot);
        }
        if (hi <= 0) {
            return lo;
        }
        long dLo = t - lo;
        long dHi = hi - t;
        return dLo < dHi || (dLo == dHi && !tieUp) ? lo : hi;
    }

    private long lowestListed(double spot) {
        return ceilListed(spot, 1);
    }

    /** Step of the band containing strike k (thousandths), or 0 when k is beyond the last band. */
    private long stepAt(double spot, long k) {
        double distance = Math.abs(k / 1000.0 / spot - 1);
        for (Band b : bands) {
            if (distance <= b.maxDistance() + 1e-12) {
                return b.stepThousandths();
            }
        }
        return 0;
    }

    /** The highest listed strike ≤ k, or 0. */
    private long floorListed(double spot, long k) {
        requireSpot(spot);
        long best = 0;
        double inner = -1;
        for (Band b : bands) {
            long step = b.stepThousandths();
            for (double[] interval : regions(spot, inner, b.maxDistance())) {
                long m = Math.floorDiv(Math.min(k, (long) Math.floor(interval[1] + 1e-6)), step) * step;
                while (m > 0 && m >= interval[0] - 1e-6 && stepAt(spot, m) != step) {
                    m -= step; // on the inner band's edge: that strike belongs to the finer band
                }
                if (m > best && m >= interval[0] - 1e-6 && stepAt(spot, m) == step) {
                    best = m;
                }
            }
            inner = b.maxDistance();
        }
        return best;
    }

    /** The lowest listed strike ≥ k, or 0. */
    private long ceilListed(double spot, long k) {
        requireSpot(spot);
        long best = 0;
        double inner = -1;
        for (Band b : bands) {
            long step = b.stepThousandths();
            for (double[] interval : regions(spot, inner, b.maxDistance())) {
                long start = Math.max(Math.max(k, (long) Math.ceil(interval[0] - 1e-6)), 1);
                long m = Math.floorDiv(start + step - 1, step) * step;
                while (m <= interval[1] + 1e-6 && stepAt(spot, m) != step) {
                    m += step;
                }
                if (m <= interval[1] + 1e-6 && stepAt(spot, m) == step && (best == 0 || m < best)) {
                    best = m;
                }
            }
            inner = b.maxDistance();
        }
        return best;
    }

    /**
     * The strike ranges (thousandths) whose first band is the one from {@code inner} to {@code outer}
     * distance: one range around the spot for the first band, one below and one above for the others.
     */
    private static double[][] regions(double spot, double inner, double outer) {
        double s = spot * 1000;
        if (inner < 0) {
            return new double[][] {{Math.max(s * (1 - outer), 0), s * (1 + outer)}};
        }
        return new double[][] {{Math.max(s * (1 - outer), 0), Math.max(s * (1 - inner), 0)}, {s * (1 + inner), s * (1 + outer)}};
    }

    private static void requireSpot(double spot) {
        if (!(spot > 0) || !Double.isFinite(spot)) {
            throw new IllegalArgumentException("spot must be a positive price to draw strikes around (got " + spot + ")");
        }
    }

    private static long toThousandthsFloor(double price) {
        return (long) Math.floor(price * 1000 + 1e-6);
    }

    private static long toThousandthsCeil(double price) {
        return (long) Math.ceil(price * 1000 - 1e-6);
    }

    private static BigDecimal toDecimal(long thousandths) {
        return BigDecimal.valueOf(thousandths, 3);
    }
}
