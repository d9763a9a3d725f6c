package org.leverdesk.ui.regime;

/** One signal value of a decision, formatted for display. */
public record SignalRow(String name, String value) {
}
