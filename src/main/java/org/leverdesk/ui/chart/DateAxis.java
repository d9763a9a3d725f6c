package org.leverdesk.ui.chart;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.EnumMap;
import java.util.Map;
import javafx.scene.text.Font;
import javafx.scene.text.Text;
import javafx.util.StringConverter;
import io.fair_acc.chartfx.axes.AxisLabelOverlapPolicy;
import io.fair_acc.chartfx.axes.spi.AxisRange;
import io.fair_acc.chartfx.axes.spi.DefaultNumericAxis;
import io.fair_acc.dataset.spi.fastutil.DoubleArrayList;

/**
 * The date axis of every Leverdesk chart: ticks on calendar boundaries (Mondays, first of the month,
 * quarters, years) spaced so that their labels never overlap, labelled in ISO form only ("2024",
 * "2024-06", "2024-06-28": one date format everywhere), and no tick whose label would stick out of
 * the axis (ChartFX centres labels on ticks, so the first one used to be cut in half). Values are
 * epoch seconds of UTC midnights ({@link ChartSeries#epochSeconds}).
 */
final class DateAxis extends DefaultNumericAxis {
    /** Free pixels between two labels. */
    static final double LABEL_GAP = 18;

    /** Calendar steps from the finest to the coarsest, with the label each one needs. */
    enum Step {
        DAY(ChronoUnit.DAYS, 1, "yyyy-MM-dd"),
        WEEK(ChronoUnit.WEEKS, 1, "yyyy-MM-dd"),
        MONTH(ChronoUnit.MONTHS, 1, "yyyy-MM"),
        QUARTER(ChronoUnit.MONTHS, 3, "yyyy-MM"),
        HALF_YEAR(ChronoUnit.MONTHS, 6, "yyyy-MM"),
        YEAR(ChronoUnit.YEARS, 1, "yyyy"),
        TWO_YEARS(ChronoUnit.YEARS, 2, "yyyy"),
        FIVE_YEARS(ChronoUnit.YEARS, 5, "yyyy"),
        TEN_YEARS(ChronoUnit.YEARS, 10, "yyyy");

        final ChronoUnit unit;
        final int amount;
        final DateTimeFormatter format;
        final String sample;

        Step(ChronoUnit unit, int amount, String pattern) {
            this.unit = unit;
            this.amount = amount;
            this.format = DateTimeFormatter.ofPattern(pattern);
            this.sample = format.format(LocalDate.of(2088, 12, 28));
        }

        /** Approximate days between two ticks. */
        double days() {
            return unit.getDuration().getSeconds() / 86_400.0 * amount;
        }

        /** The first tick on or after {@code day}. */
        LocalDate first(LocalDate day) {
            return switch (this) {
                case DAY -> day;
                case WEEK -> day.with(TemporalAdjusters.nextOrSame(DayOfWeek.MONDAY));
                case MONTH, QUARTER, HALF_YEAR -> {
                    LocalDate m = day.withDayOfMonth(1);
                    if (m.isBefore(day)) {
                        m = m.plusMonths(1);
                    }
                    while ((m.getMonthValue() - 1) % amount != 0) {
                        m = m.plusMonths(1);
                    }
                    yield m;
                }
                default -> {
                    LocalDate y = day.withDayOfYear(1);
                    if (y.isBefore(day)) {
                        y = y.plusYears(1);
                    }
                    while (y.getYear() % amount != 0) {
                        y = y.plusYears(1);
                    }
                    yield y;
                }
            };
        }
    }

    private final Map<Step, Double> labelWidths = new EnumMap<>(Step.class);
    private Font measuredWith;
    private Step step = Step.YEAR;

    DateAxis() {
        setAutoRanging(false);
        setAutoRangeRounding(false);
        setAnimated(false);
        getMinorTickStyle().setVisible(false);
        setOverlapPolicy(AxisLabelOverlapPolicy.SKIP_ALT);
        setTickLabelFormatter(new StringConverter<>() {
            @Override
            public String toString(Number value) {
                return step.format.format(ChartSeries.date(value.doubleValue()));
            }

            @Override
            public Number fromString(String text) {
                throw new UnsupportedOperationException("date labels are display only");
            }
        });
    }

    /** The calendar step of the ticks last computed. */
    Step step() {
        return step;
    }

    @Override
    protected void calculateMajorTickValues(AxisRange range, DoubleArrayList ticks) {
        double min = range.getLowerBound();
        double max = range.getUpperBound();
        double length = getLength();
        if (!(max > min) || !(length > 0) || !Double.isFinite(min) || !Double.isFinite(max)) {
            return;
        }
        step = choose(max - min, length);
        double half = labelWidth(step) / 2;
        LocalDate last = ChartSeries.date(max);
        for (LocalDate d = step.first(ChartSeries.date(min)); !d.isAfter(last); d = d.plus(step.amount, step.unit)) {
            double x = ChartSeries.epochSeconds(d);
            double at = (x - min) / (max - min) * length;
            // a label must lie wholly on the axis; ChartFX centres it on its tick
            if (x >= min && x <= max && at - half >= 0 && at + half <= length) {
                ticks.add(x);
            }
        }
    }

    @Override
    protected void calculateMinorTickValues(DoubleArrayList ticks) {
        // none: the grid follows the labelled ticks
    }

    /** The finest step whose labels fit side by side into {@code length} pixels over {@code seconds}. */
    Step choose(double seconds, double length) {
        double days = seconds / 86_400;
        for (Step s : Step.values()) {
            double count = days / s.days() + 1;
            if (count * (labelWidth(s) + LABEL_GAP) <= length) {
                return s;
            }
        }
        return Step.TEN_YEARS;
    }

    private double labelWidth(Step s) {
        Font font = getTickLabelFont();
        if (font != measuredWith) {
            labelWidths.clear();
            measuredWith = font;
        }
        return labelWidths.computeIfAbsent(s, k -> {
            Text t = new Text(k.sample);
            if (font != null) {
                t.setFont(font);
            }
            return Math.ceil(t.getLayoutBounds().getWidth());
        });
    }
}
