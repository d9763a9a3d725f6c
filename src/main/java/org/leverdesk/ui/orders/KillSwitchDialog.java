package org.leverdesk.ui.orders;

import javafx.scene.Node;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;

/** The one confirmation before the kill switch, shared by the Orders view and the Dashboard. */
public final class KillSwitchDialog {
    private KillSwitchDialog() {
    }

    /** Asks over {@code owner}'s window; true when the trader confirmed. */
    public static boolean confirm(Node owner) {
        Alert confirm = new Alert(Alert.AlertType.CONFIRMATION,
                "Only cancels and closing orders will pass until you press Resume. Open orders and positions stay as they are.",
                ButtonType.OK, ButtonType.CANCEL);
        confirm.setHeaderText("Pull the kill switch?");
        confirm.initOwner(owner.getScene().getWindow());
        return confirm.showAndWait().filter(ButtonType.OK::equals).isPresent();
    }
}
