package org.leverdesk.research.similar;

import java.time.LocalDate;

/**
 * A past trading day similar to today: its cosine similarity of z-scored features, its raw features,
 * and the last day of the forward window whose outcome is measured.
 */
public record Neighbour(LocalDate date, LocalDate windowEnd, double similarity, double[] features) {
}
