package org.leverdesk.ui.research;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.leverdesk.research.Metric;
import org.leverdesk.research.Trial;
import org.leverdesk.research.sweep.ParameterAxis;

/**
 * What the sweep chart draws: a heatmap of the metric over the first two varied numeric parameters, a
 * line over the one varied numeric parameter, or nothing (choices only). When more parameters vary than
 * the chart has axes, each point shows the best trial over the others. Every point knows its trial, so a
 * click can open it.
 */
public record SweepChart(Kind kind, Metric metric, String xName, String yName, double[] xs, double[] ys, double[][] values,
                         Trial[][] trials, boolean bestOverOthers) {
    /** How the chart is drawn. */
    public enum Kind { NONE, LINE, HEATMAP }

    /** No chart. */
    public static final SweepChart NONE = new SweepChart(Kind.NONE, Metric.SHARPE, "", "", new double[0], new double[0],
            new double[0][0], new Trial[0][0], false);

    /**
     * The chart of {@code trials} over {@code varied} axes (those with more than one value), ranked by
     * {@code metric}; {@code heading} names an axis for people (its label and unit).
     */
    public static SweepChart of(List<ParameterAxis> varied, List<Trial> trials, Metric metric, UnaryOperator<String> heading) {
        List<ParameterAxis> numeric = varied.stream().filter(ParameterAxis::numeric).toList();
        if (numeric.isEmpty() || trials.isEmpty()) {
            return NONE;
        }
        ParameterAxis x = numeric.get(0);
        ParameterAxis y = numeric.size() > 1 ? numeric.get(1) : null;
        double[] xs = numbers(x);
        double[] ys = y == null ? new double[] {0} : numbers(y);
        Map<String, Integer> xi = index(x);
        Map<String, Integer> yi = y == null ? Map.of() : index(y);
        Trial[][] cell = new Trial[xs.length][ys.length];
        for (Trial t : trials) {
            Integer i = xi.get(t.parameters().get(x.name()));
            Integer j = y == null ? Integer.valueOf(0) : yi.get(t.parameters().get(y.name()));
            if (i == null || j == null) {
                continue;
            }
            Trial held = cell[i][j];
            if (held == null || metric.bestFirst().compare(t, held) < 0) {
                cell[i][j] = t;
            }
        }
        double[][] values = new double[xs.length][ys.length];
        for (int i = 0; i < xs.length; i++) {
            for (int j = 0; j < ys.length; j++) {
                values[i][j] = cell[i][j] == null ? Double.NaN : metric.of(cell[i][j]);
            }
        }
        return new SweepChart(y == null ? Kind.LINE : Kind.HEATMAP, metric, heading.apply(x.name()), y == null ? "" : heading.apply(y.name()), xs, ys, values, cell,
                varied.size() > (y == null ? 1 : 2));
    }

    /** The trial at grid cell (i, j) (j = 0 on a line), or null when none ran there. */
    public Trial trialAt(int i, int j) {
        return i >= 0 && i < trials.length && j >= 0 && j < trials[i].length ? trials[i][j] : null;
    }

    /** The index of the value nearest {@code v} in ascending {@code values}; -1 when there are none. */
    public static int nearest(double[] values, double v) {
        int best = -1;
        for (int i = 0; i < values.length; i++) {
            if (best < 0 || Math.abs(values[i] - v) < Math.abs(values[best] - v)) {
                best = i;
            }
        }
        return best;
    }

    private static double[] numbers(ParameterAxis a) {
        List<Double> sorted = new ArrayList<>();
        for (int i = 0; i < a.size(); i++) {
            sorted.add(a.number(i));
        }
        return sorted.stream().sorted().mapToDouble(Double::doubleValue).toArray();
    }

    private static Map<String, Integer> index(ParameterAxis a) {
        double[] sorted = numbers(a);
        Map<String, Integer> out = new LinkedHashMap<>();
        for (String v : a.values()) {
            out.put(v, java.util.Arrays.binarySearch(sorted, Double.parseDouble(v)));
        }
        return out;
    }
}
