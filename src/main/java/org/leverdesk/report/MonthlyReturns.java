package org.leverdesk.report;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.leverdesk.backtest.EquityPoint;

/**
 * Calendar-month returns of a daily equity curve: a month's return is its last equity divided by
 * the last equity of the previous month, minus 1; a year's total likewise with year ends. The
 * first month (and year) is measured from the first day's equity, because there is no earlier
 * close inside the run. Months without a trading day in the run are NaN.
 */
public final class MonthlyReturns {
    private MonthlyReturns() {
    }

    /** One row of the table: months[0] is January; NaN where the run has no day in that month. */
    public record Year(int year, double[] months, double total) {
        public Year {
            if (months.length != 12) {
                throw new IllegalArgumentException("a year has 12 months (got " + months.length + ")");
            }
            months = months.clone();
        }

        @Override
        public double[] months() {
            return months.clone();
        }

        /** The return of month 1..12 (NaN when the run has no day in it). */
        public double month(int month) {
            return months[month - 1];
        }
    }

    /** The rows of the monthly table, oldest year first; empty for an empty curve. */
    public static List<Year> of(List<EquityPoint> equity) {
        List<Year> out = new ArrayList<>();
        if (equity.isEmpty()) {
            return out;
        }
        double base = equity.get(0).equity();   // last equity before the current month
        double yearBase = base;                  // last equity before the current year
        int year = equity.get(0).date().getYear();
        double[] months = nanMonths();
        for (int i = 0; i < equity.size(); i++) {
            EquityPoint p = equity.get(i);
            boolean lastOfMonth = i == equity.size() - 1
                    || !equity.get(i + 1).date().withDayOfMonth(1).equals(p.date().withDayOfMonth(1));
            if (!lastOfMonth) {
                continue;
            }
            months[p.date().getMonthValue() - 1] = p.equity() / base - 1;
            base = p.equity();
            boolean lastOfYear = i == equity.size() - 1 || equity.get(i + 1).date().getYear() != year;
            if (lastOfYear) {
                out.add(new Year(year, months, p.equity() / yearBase - 1));
                yearBase = p.equity();
                months = nanMonths();
                if (i + 1 < equity.size()) {
                    year = equity.get(i + 1).date().getYear();
                }
            }
        }
        return out;
    }

    private static double[] nanMonths() {
        double[] m = new double[12];
        Arrays.fill(m, Double.NaN);
        return m;
    }
}
