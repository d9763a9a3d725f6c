package org.leverdesk.ui.orders;

import java.util.Map;

/**
 * The symbols whose trading waits for a person's confirmation of the broker's count (a position that went
 * missing from the broker's answer, or shares bought outside Leverdesk under the "block" policy). The
 * composition root binds the execution service; the CLI's {@code leverdesk reconcile --accept} does the same.
 */
public interface PositionHolds {
    /** Held symbols, each with its one-line reason. */
    Map<String, String> held();

    /** Confirms the broker's count of {@code symbol} and lifts its hold; returns the one-line result. */
    String accept(String symbol);
}
