package org.leverdesk.research.similar;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

/**
 * The feature vector of each trading day, oldest first, only days where every feature is known (after
 * the longest indicator has warmed up). {@code values[row][feature]}, in the order of {@code names}.
 */
public record FeatureTable(List<String> names, LocalDate[] dates, double[][] values) {
    public FeatureTable {
        names = List.copyOf(names);
        if (dates.length != values.length) {
            throw new IllegalArgumentException("a feature table needs one row per date");
        }
    }

    public int rows() {
        return dates.length;
    }

    /** The last row on or before {@code day}, or -1 when there is none. */
    public int rowAtOrBefore(LocalDate day) {
        int i = Arrays.binarySearch(dates, day);
        return i >= 0 ? i : -i - 2;
    }
}
