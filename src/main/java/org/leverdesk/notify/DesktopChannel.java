package org.leverdesk.notify;

import java.util.List;

/** Desktop pop-ups through the UI's {@link DesktopNotifications}. */
public final class DesktopChannel implements NotificationChannel<Notification> {
    private final DesktopNotifications desktop;

    public DesktopChannel(DesktopNotifications desktop) {
        this.desktop = java.util.Objects.requireNonNull(desktop, "desktop");
    }

    @Override
    public Channel channel() {
        return Channel.DESKTOP;
    }

    @Override
    public List<Notification> render(Notification notification) {
        return List.of(notification);
    }

    @Override
    public void deliver(Notification notification) {
        try {
            desktop.show(notification);
        } catch (RuntimeException e) {
            throw new NotificationException("Desktop: the pop-up failed (" + e.getClass().getSimpleName() + ": " + e.getMessage() + ")", false);
        }
    }
}
