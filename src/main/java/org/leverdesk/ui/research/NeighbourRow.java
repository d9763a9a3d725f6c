package org.leverdesk.ui.research;

import java.time.LocalDate;

/** One similar session in the table: its day, the end of its window, its similarity and each candidate's return. */
public record NeighbourRow(LocalDate date, LocalDate windowEnd, double similarity, double[] returns) {
}
