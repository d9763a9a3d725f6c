package org.leverdesk.strategy.catalog;

/**
 * The allowed values of a number in the unit people see (percent points for a percent): from
 * {@code min} to {@code max}, either end open ({@code minOpen}: above min, not at it), in steps of
 * {@code step} for spinners and sliders, {@code whole} when only whole numbers are allowed.
 */
public record NumberRange(double min, boolean minOpen, double max, boolean maxOpen, double step, boolean whole) {
    /** Any number. */
    public static final NumberRange ANY = new NumberRange(-Double.MAX_VALUE, false, Double.MAX_VALUE, false, 1, false);

    public NumberRange {
        if (!(min <= max) || !(step > 0)) {
            throw new IllegalArgumentException("a number range needs min <= max and a positive step (got " + min + ".." + max
                    + " step " + step + ")");
        }
    }

    /** Whole numbers from min to max inclusive. */
    public static NumberRange whole(long min, long max) {
        return new NumberRange(min, false, max, false, 1, true);
    }

    /** Numbers from min to max inclusive in steps of {@code step}. */
    public static NumberRange of(double min, double max, double step) {
        return new NumberRange(min, false, max, false, step, false);
    }

    /** This range without its lower end ({@code > min}). */
    public NumberRange aboveMin() {
        return new NumberRange(min, true, max, maxOpen, step, whole);
    }

    /** This range without its upper end ({@code < max}). */
    public NumberRange belowMax() {
        return new NumberRange(min, minOpen, max, true, step, whole);
    }

    /** Whether {@code v} is inside. */
    public boolean contains(double v) {
        return (minOpen ? v > min : v >= min) && (maxOpen ? v < max : v <= max);
    }

    /** True when both ends are finite numbers a slider can span. */
    public boolean bounded() {
        return min > -Double.MAX_VALUE && max < Double.MAX_VALUE;
    }
}
