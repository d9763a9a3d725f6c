package org.leverdesk.research.similar;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The k past days most like today: every feature is z-scored with its mean and standard deviation over
 * all days up to today (a feature without variation is left out), and days are ranked by the cosine
 * similarity of their z-vectors with today's. Only days whose forward window of {@code horizon} trading
 * days ends before today are candidates, so every outcome is known without looking ahead; and the chosen
 * days are more than {@code horizon} trading days apart, so no two windows overlap (neighbouring days are
 * nearly the same session and would count one episode many times).
 */
public final class SimilarSessions {
    private SimilarSessions() {
    }

    /** The result: today's row, the z-scored features of today, and the neighbours, most similar first. */
    public record Match(LocalDate today, double[] todayFeatures, double[] todayZ, List<Neighbour> neighbours) {
    }

    public static Match nearest(FeatureTable t, LocalDate today, int k, int horizon) {
        if (k < 1 || horizon < 1) {
            throw new IllegalArgumentException("similar sessions need k and the horizon to be at least 1 (got k " + k
                    + ", horizon " + horizon + ")");
        }
        int now = t.rowAtOrBefore(today);
        if (now < 0) {
            throw new IllegalArgumentException("no day with all features on or before " + today
                    + "; the features need about " + SessionFeatures.WARM_UP + " days of history");
        }
        int f = t.names().size();
        double[] mean = new double[f];
        double[] sd = new double[f];
        for (int j = 0; j < f; j++) {
            double sum = 0;
            for (int i = 0; i <= now; i++) {
                sum += t.values()[i][j];
            }
            mean[j] = sum / (now + 1);
            double sq = 0;
            for (int i = 0; i <= now; i++) {
                double d = t.values()[i][j] - mean[j];
                sq += d * d;
            }
            sd[j] = now > 0 ? Math.sqrt(sq / now) : 0;
        }
        double[] z = z(t.values()[now], mean, sd);
        record Scored(int row, double similarity) {
        }
        List<Scored> scored = new ArrayList<>();
        for (int i = 0; i + horizon <= now; i++) {
            scored.add(new Scored(i, cosine(z, z(t.values()[i], mean, sd))));
        }
        scored.sort(Comparator.comparingDouble(Scored::similarity).reversed().thenComparingInt(Scored::row));
        List<Neighbour> out = new ArrayList<>();
        List<Integer> taken = new ArrayList<>();
        for (Scored s : scored) {
            if (out.size() == k) {
                break;
            }
            if (taken.stream().anyMatch(r -> Math.abs(r - s.row()) <= horizon)) {
                continue;
            }
            taken.add(s.row());
            out.add(new Neighbour(t.dates()[s.row()], t.dates()[s.row() + horizon], s.similarity(), t.values()[s.row()].clone()));
        }
        if (out.isEmpty()) {
            throw new IllegalArgumentException("no past day before " + t.dates()[now] + " has a complete " + horizon
                    + "-day window; use a shorter horizon or more history");
        }
        return new Match(t.dates()[now], t.values()[now].clone(), z, out);
    }

    private static double[] z(double[] row, double[] mean, double[] sd) {
        double[] z = new double[row.length];
        for (int j = 0; j < row.length; j++) {
            z[j] = sd[j] > 0 ? (row[j] - mean[j]) / sd[j] : 0;
        }
        return z;
    }

    /** a·b / (|a|·|b|); 0 when either vector is all zeros. */
    static double cosine(double[] a, double[] b) {
        double dot = 0;
        double na = 0;
        double nb = 0;
        for (int j = 0; j < a.length; j++) {
            dot += a[j] * b[j];
            na += a[j] * a[j];
            nb += b[j] * b[j];
        }
        return na > 0 && nb > 0 ? dot / Math.sqrt(na * nb) : 0;
    }
}
