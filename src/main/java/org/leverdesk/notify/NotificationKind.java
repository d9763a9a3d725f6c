package org.leverdesk.notify;

/** What a notification is about; channels may use it to pick an icon or a severity. */
public enum NotificationKind {
    DECISION, ORDERS, FILL, ERROR, MISSED_RUN, KILL_SWITCH, DAILY_SUMMARY, TEST;

    /** True for kinds that mean something went wrong and someone should look. */
    public boolean isAlert() {
        return this == ERROR || this == MISSED_RUN || this == KILL_SWITCH;
    }
}
