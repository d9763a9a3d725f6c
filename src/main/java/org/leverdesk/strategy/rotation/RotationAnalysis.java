package org.leverdesk.strategy.rotation;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * What the rotation saw on one day: each sleeve's simulated NAV over the window, today's ranking
 * per sleeve, the tickers it skipped and why, and the sleeve the manager chose (null = cash) with
 * the reason.
 */
public record RotationAnalysis(LocalDate date, List<LocalDate> navDates, Map<Sleeve, SleeveResult> sleeves,
                               List<Skip> skipped, Sleeve chosen, String why) {
    public RotationAnalysis {
        navDates = List.copyOf(navDates);
        sleeves = Map.copyOf(sleeves);
        skipped = List.copyOf(skipped);
    }

    /** One sleeve: its NAV per window day, today's ranking, peak drawdown and NAV momentum. */
    public record SleeveResult(Sleeve sleeve, double[] nav, List<RankRow> ranking, double drawdown, double momentum) {
        public SleeveResult {
            nav = nav.clone();
            ranking = List.copyOf(ranking);
        }

        /** Today's NAV. */
        public double lastNav() {
            return nav[nav.length - 1];
        }

        /** Today's weights of the held tickers. */
        public Map<String, Double> weights() {
            Map<String, Double> out = new java.util.LinkedHashMap<>();
            for (RankRow r : ranking) {
                if (r.weight() > 0) {
                    out.put(r.ticker(), r.weight());
                }
            }
            return out;
        }
    }

    /** A ranked ticker: trailing Sharpe and the weight the sleeve gives it (0 outside the top N). */
    public record RankRow(String ticker, double sharpe, double weight) {
    }

    /** A ticker left out today and why. */
    public record Skip(String ticker, String reason) {
    }

    /** Weights of the chosen sleeve (empty for cash). */
    public Map<String, Double> chosenWeights() {
        return chosen == null ? Map.of() : sleeves.get(chosen).weights();
    }
}
