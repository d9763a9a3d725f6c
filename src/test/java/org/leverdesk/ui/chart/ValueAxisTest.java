package org.leverdesk.ui.chart;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * The value axis' labels in stacked panes: none is cut at a pane's end, and the last label of one
 * pane and the first of the pane under it keep a gap, as do two labels of one pane (at 1024×700 the volume pane's "20B" touched
 * the equity pane's "$10,000,000").
 */
class ValueAxisTest {
    /** Free pixels at least between two labels of neighbouring panes. */
    private static final double GAP = 4;

    @Test
    void labelsOfNeighbouringPanesDoNotTouch() {
        double[][] ranges = {{0, 4.2e10}, {1e4, 1.2e7}, {-1.0, 0.6}, {0, 1_000}, {12.5, 13.1}};
        boolean[] log = {false, true, false, false, false};
        for (double length : new double[] {48, 55, 64, 80, 120, 150, 300}) {
            for (int r = 0; r < ranges.length; r++) {
                double min = ranges[r][0];
                double max = ranges[r][1];
                double[] ticks = ValueAxis.ticks(min, max, length, log[r]);
                double previous = Double.NEGATIVE_INFINITY;
                for (double v : ticks) {
                    double at = log[r] ? Math.log(v / min) / Math.log(max / min) * length : (v - min) / (max - min) * length;
                    // the pane above ends where this one starts: its label centre is at least EDGE above, this one EDGE below
                    assertTrue(at >= ValueAxis.EDGE - 1e-9 && at <= length - ValueAxis.EDGE + 1e-9,
                            "label " + v + " at " + at + " px of " + length);
                    // and two labels of one pane do not touch either
                    assertTrue(at - previous >= ValueAxis.LABEL_HEIGHT + GAP, "labels " + previous + " px and " + at + " px");
                    previous = at;
                }
            }
        }
        assertTrue(2 * ValueAxis.EDGE >= ValueAxis.LABEL_HEIGHT + GAP,
                "two panes' end labels are " + 2 * ValueAxis.EDGE + " px apart, labels are " + ValueAxis.LABEL_HEIGHT + " px high");
    }
}
