package org.leverdesk.research.montecarlo;

/** Percentile bands step by step (after trade 0, 1, … n): the 5th, 50th and 95th percentile at each step. */
public record Band(double[] p5, double[] p50, double[] p95) {

    public int steps() {
        return p50.length;
    }
}
