package org.leverdesk.research.sweep;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * The parameter sets a sweep runs: the full grid (every combination, the first axis varying slowest)
 * or a seeded random sample of {@code samples} distinct grid points (the same seed gives the same
 * points on every machine).
 *
 * @param samples 0 for the full grid; otherwise the number of random points (the whole grid when it is smaller)
 */
public record SearchSpace(List<ParameterAxis> axes, int samples, long seed) {
    /** Most points a sweep may hold in memory at once (each keeps its daily equity for the statistics). */
    public static final int MAX_POINTS = 100_000;

    public SearchSpace {
        axes = List.copyOf(axes);
        if (samples < 0) {
            throw new IllegalArgumentException("random search needs a positive number of samples (got " + samples + ")");
        }
        Set<String> names = new HashSet<>();
        for (ParameterAxis a : axes) {
            if (!names.add(a.name())) {
                throw new IllegalArgumentException("parameter " + a.name() + " is given twice");
            }
        }
        long size = gridSize(axes);
        long points = samples == 0 ? size : Math.min(size, samples);
        if (points > MAX_POINTS) {
            throw new IllegalArgumentException("the sweep has " + size + " combinations; at most " + MAX_POINTS
                    + " run at once (use --random N or fewer values)");
        }
    }

    /** The full grid. */
    public static SearchSpace grid(List<ParameterAxis> axes) {
        return new SearchSpace(axes, 0, 0);
    }

    /** {@code samples} random grid points drawn with {@code seed}. */
    public static SearchSpace random(List<ParameterAxis> axes, int samples, long seed) {
        if (samples < 1) {
            throw new IllegalArgumentException("random search needs at least 1 sample (got " + samples + ")");
        }
        return new SearchSpace(axes, samples, seed);
    }

    public boolean isRandom() {
        return samples > 0;
    }

    /** Number of combinations in the full grid. */
    public long gridSize() {
        return gridSize(axes);
    }

    private static long gridSize(List<ParameterAxis> axes) {
        long n = 1;
        for (ParameterAxis a : axes) {
            n = Math.multiplyExact(n, a.size());
        }
        return n;
    }

    /** The axes with more than one value (what the sweep really varies). */
    public List<ParameterAxis> varied() {
        return axes.stream().filter(a -> a.size() > 1).toList();
    }

    /** The parameter sets to run, in a fixed order. */
    public List<Map<String, String>> points() {
        long size = gridSize();
        long[] indices;
        if (!isRandom() || samples >= size) {
            indices = new long[(int) size];
            Arrays.setAll(indices, i -> i);
        } else {
            indices = sample(size, samples, seed);
        }
        List<Map<String, String>> out = new ArrayList<>(indices.length);
        for (long index : indices) {
            out.add(point(index));
        }
        return out;
    }

    /** Grid point {@code index}: the last axis varies fastest. */
    Map<String, String> point(long index) {
        Map<String, String> p = new LinkedHashMap<>();
        String[] values = new String[axes.size()];
        long rest = index;
        for (int a = axes.size() - 1; a >= 0; a--) {
            ParameterAxis axis = axes.get(a);
            values[a] = axis.values().get((int) (rest % axis.size()));
            rest /= axis.size();
        }
        for (int a = 0; a < axes.size(); a++) {
            p.put(axes.get(a).name(), values[a]);
        }
        return p;
    }

    /** {@code k} distinct indices of [0, n), sorted (Floyd's algorithm: k draws, no n-sized array). */
    private static long[] sample(long n, int k, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        Set<Long> chosen = new HashSet<>();
        for (long j = n - k; j < n; j++) {
            long t = random.nextLong(j + 1);
            chosen.add(chosen.contains(t) ? j : t);
        }
        return chosen.stream().mapToLong(Long::longValue).sorted().toArray();
    }
}
