package org.leverdesk.options.pricing;

/**
 * Early-exercise rules a writer of American options meets in practice.
 *
 * <p>Before an ex-dividend date, the holder of an in-the-money call gains the dividend by exercising the
 * day before, and gives up the call's time value (price − intrinsic) by doing so: exercise pays when
 * the time value is below the dividend. That is when a short call is likely to be assigned early (the
 * rule brokers and the OCC's guides state; Hull ch. 11 on early exercise of calls before dividends).
 */
public final class EarlyExercise {
    private EarlyExercise() {
    }

    /**
     * True when a holder of the call would exercise it the day before the ex-dividend date: it is in the
     * money and its time value {@code callPrice − (spot − strike)} is less than {@code dividend} per share.
     */
    public static boolean callExercisedBeforeExDividend(double callPrice, double spot, double strike, double dividend) {
        double intrinsic = spot - strike;
        return intrinsic > 0 && dividend > 0 && callPrice - intrinsic < dividend;
    }
}
