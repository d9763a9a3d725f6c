package org.leverdesk.notify;

/**
 * The desktop pop-up port; the app implements it (ControlsFX Notifications on the FX thread).
 * It is called on a notification thread and must return quickly.
 */
public interface DesktopNotifications {
    /** Shows {@code notification} as a pop-up. */
    void show(Notification notification);
}
