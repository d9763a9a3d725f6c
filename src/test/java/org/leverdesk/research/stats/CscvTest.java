package org.leverdesk.research.stats;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class CscvTest {

    /** Two rows per block: mean m ± d. */
    private static double[] blocks(double... means) {
        double[] r = new double[means.length * 2];
        for (int b = 0; b < means.length; b++) {
            r[2 * b] = (means[b] + 1) / 100;
            r[2 * b + 1] = (means[b] - 1) / 100;
        }
        return r;
    }

    @Test
    void handComputedFourBlockCase() {
        // A is good early, B late, C steady. Splits (in-sample blocks) and their winner:
        //  {0,1}: IS Sharpe A 1.732, B -0.866, C 0.433 -> A; OOS {2,3}: A -0.866 is rank 1 of 3 -> ω 1/4, λ ln(1/3)
        //  {0,2},{1,2},{0,3},{1,3}: A and B mix a +2 and a -1 block (Sharpe 0.5/sqrt(13/3) = 0.240) -> C wins IS
        //         and is best OOS too (0.433): rank 3 -> ω 3/4, λ ln 3
        //  {2,3}: B wins IS and is worst OOS -> λ ln(1/3)
        // PBO = 2/6; the winner loses out of sample in the same 2 splits.
        double[][] m = {blocks(2, 2, -1, -1), blocks(-1, -1, 2, 2), blocks(0.5, 0.5, 0.5, 0.5)};
        Cscv c = Cscv.of(m, 4);
        assertEquals(6, c.splits());
        assertEquals(1.0 / 3, c.pbo(), 1e-12);
        assertEquals(1.0 / 3, c.probabilityOfLoss(), 1e-12);
        double lo = Math.log(1.0 / 3);
        double hi = Math.log(3);
        // masks in increasing order: {0,1}, {0,2}, {1,2}, {0,3}, {1,3}, {2,3}
        assertArrayEquals(new double[] {lo, hi, hi, hi, hi, lo}, c.logits(), 1e-12);
    }

    @Test
    void theOldestRowsThatDoNotFillABlockAreDropped() {
        double[] a = blocks(2, 2, -1, -1);
        double[] b = blocks(-1, -1, 2, 2);
        double[] c = blocks(0.5, 0.5, 0.5, 0.5);
        double[][] longer = {prepend(a, 9), prepend(b, -9), prepend(c, 5)};
        Cscv x = Cscv.of(longer, 4);
        assertEquals(8, x.rowsUsed());
        assertEquals(1.0 / 3, x.pbo(), 1e-12);
    }

    private static double[] prepend(double[] r, double first) {
        double[] out = new double[r.length + 1];
        out[0] = first;
        System.arraycopy(r, 0, out, 1, r.length);
        return out;
    }

    @Test
    void pureNoiseGivesAboutOneHalf() {
        Random random = new Random(42);
        double sum = 0;
        int matrices = 20;
        for (int k = 0; k < matrices; k++) {
            double[][] m = new double[20][320];
            for (double[] row : m) {
                for (int t = 0; t < row.length; t++) {
                    row[t] = random.nextGaussian() * 0.01;
                }
            }
            sum += Cscv.of(m, 8).pbo();
        }
        double mean = sum / matrices;
        assertEquals(0.5, mean, 0.08, "mean PBO of noise " + mean);
    }

    @Test
    void realSkillGivesALowPbo() {
        Random random = new Random(7);
        double[][] m = new double[10][640];
        for (int i = 0; i < m.length; i++) {
            for (int t = 0; t < m[i].length; t++) {
                m[i][t] = 0.0015 * i + random.nextGaussian() * 0.01; // trial 9 really is best
            }
        }
        Cscv c = Cscv.of(m, 16);
        assertEquals(12_870, c.splits());
        assertTrue(c.pbo() < 0.1, "PBO " + c.pbo());
    }

    @Test
    void badShapesAreRefusedWithAReason() {
        double[][] m = {new double[10], new double[10]};
        assertThrows(IllegalArgumentException.class, () -> Cscv.of(m, 3));
        assertThrows(IllegalArgumentException.class, () -> Cscv.of(m, 16));
        assertThrows(IllegalArgumentException.class, () -> Cscv.of(new double[][] {new double[10]}, 2));
    }

    @Test
    void tiesShareTheirAverageRank() {
        assertEquals(2.5, Cscv.averageRank(new double[] {1, 2, 2, 3}, 2));
        assertEquals(1, Cscv.averageRank(new double[] {1, 2, 2, 3}, 1));
    }
}
