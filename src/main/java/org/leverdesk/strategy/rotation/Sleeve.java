package org.leverdesk.strategy.rotation;

/** The four sleeves the portfolio manager chooses from, each a wider universe than the one before. */
public enum Sleeve {
    /** Benchmarks only. */
    BUY_HOLD,
    /** Core + Benchmarks. */
    TACTICAL,
    /** Core + Benchmarks + Speculative. */
    SPEC,
    /** All four groups. */
    ASYM
}
