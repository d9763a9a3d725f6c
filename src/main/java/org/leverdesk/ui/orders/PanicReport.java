package org.leverdesk.ui.orders;

import java.util.List;

/** What the panic close did: one line per cancelled order and per position, and a one-line summary. */
public record PanicReport(String summary, List<Line> lines) {
    /** One order or position: what it is, whether it worked, and the broker's detail or reason. */
    public record Line(String subject, boolean ok, String detail) {
        @Override
        public String toString() {
            return (ok ? "✓ " : "✗ ") + subject + " — " + detail;
        }
    }

    public PanicReport {
        lines = List.copyOf(lines);
    }

    /** True when every order was cancelled and every position closed. */
    public boolean allOk() {
        return lines.stream().allMatch(Line::ok);
    }
}
