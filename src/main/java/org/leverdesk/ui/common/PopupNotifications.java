package org.leverdesk.ui.common;

import javafx.application.Platform;
import javafx.geometry.Pos;
import javafx.util.Duration;
import org.controlsfx.control.Notifications;
import org.leverdesk.notify.Notification;
import org.leverdesk.notify.DesktopNotifications;

/**
 * The desktop notification channel: a ControlsFX pop-up in the screen's corner, a warning style for
 * alerts (errors, missed runs, the kill switch). Called from a notification thread; returns at once.
 */
public final class PopupNotifications implements DesktopNotifications {
    /** How long an information pop-up stays; alerts stay until clicked. */
    static final Duration SHOWN_FOR = Duration.seconds(8);

    @Override
    public void show(Notification notification) {
        Platform.runLater(() -> {
            Notifications popup = Notifications.create().title(notification.title()).text(notification.body())
                    .position(Pos.BOTTOM_RIGHT);
            if (notification.kind().isAlert()) {
                popup.hideAfter(Duration.INDEFINITE).showWarning();
            } else {
                popup.hideAfter(SHOWN_FOR).showInformation();
            }
        });
    }
}
