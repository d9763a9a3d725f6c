package org.leverdesk.options.pricing;

/**
 * An American option's value from a tree, beside its European (Black-Scholes-Merton) value.
 *
 * @param american     the tree's value per share (early exercise allowed at every step)
 * @param european     the Black-Scholes-Merton value with the same inputs
 * @param intrinsic    the value of exercising now
 * @param continuation the tree's value of holding one more step instead of exercising now
 * @param steps        the number of tree steps
 */
public record AmericanValuation(double american, double european, double intrinsic, double continuation, int steps) {
    /** What the right to exercise early adds over the European value (≥ 0 up to the tree's discretisation error). */
    public double earlyExercisePremium() {
        return american - european;
    }

    /** True when exercising now is worth at least holding on: a holder would exercise (a writer gets assigned) today. */
    public boolean exerciseNow() {
        return intrinsic > 0 && intrinsic >= continuation;
    }
}
