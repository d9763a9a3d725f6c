package org.leverdesk.market.data;

import java.util.ArrayList;
import java.util.List;
import org.leverdesk.market.data.CsvValidationException.Problem;

/**
 * Collects the problems of one file, keeping the first {@value #LIMIT} so that a garbage file
 * does not produce megabytes of messages; the rest are counted in a final summary problem.
 */
final class ProblemLog {
    static final int LIMIT = 100;

    private final String file;
    private final List<Problem> kept = new ArrayList<>();
    private int count;

    ProblemLog(String file) {
        this.file = file;
    }

    void add(int line, String reason) {
        count++;
        if (kept.size() < LIMIT) {
            kept.add(new Problem(file, line, reason));
        }
    }

    boolean isEmpty() {
        return count == 0;
    }

    /** Throws the collected problems, if any, as one {@link CsvValidationException}. */
    void throwIfAny() {
        if (count == 0) {
            return;
        }
        List<Problem> all = new ArrayList<>(kept);
        if (count > kept.size()) {
            all.add(new Problem(file, 0, "... and " + (count - kept.size()) + " more problems ("
                    + count + " in total)"));
        }
        throw new CsvValidationException(all);
    }
}
