package org.leverdesk.ui.dashboard;

/** Gathers a {@link DashboardSnapshot}; called off the UI thread, may block on the broker. */
@FunctionalInterface
public interface DashboardSource {
    DashboardSnapshot snapshot();
}
