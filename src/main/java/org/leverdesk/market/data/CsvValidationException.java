package org.leverdesk.market.data;

import java.util.List;

/** A CSV file was rejected; {@link #problems()} lists each bad line, the message names the first. */
public final class CsvValidationException extends MarketDataException {
    private final List<Problem> problems;

    public CsvValidationException(List<Problem> problems) {
        super(summary(problems));
        this.problems = List.copyOf(problems);
    }

    public List<Problem> problems() {
        return problems;
    }

    private static String summary(List<Problem> problems) {
        Problem first = problems.get(0);
        String more = problems.size() > 1 ? " (and " + (problems.size() - 1) + " more problems)" : "";
        return first + more + "; nothing from the file was used — fix it and try again";
    }

    /** One problem: file, 1-based line number (0 for the whole file), and reason. */
    public record Problem(String file, int line, String reason) {
        @Override
        public String toString() {
            return line > 0 ? file + ":" + line + ": " + reason : file + ": " + reason;
        }
    }
}
