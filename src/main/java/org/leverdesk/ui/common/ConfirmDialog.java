package org.leverdesk.ui.common;

import java.util.function.Supplier;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.stage.Window;

/** The confirmation dialog: the action's own button and Cancel (the default, so Enter never confirms by accident). */
public final class ConfirmDialog implements ConfirmPrompt {
    private final Supplier<Window> owner;

    public ConfirmDialog(Supplier<Window> owner) {
        this.owner = owner;
    }

    /** Call on the FX thread (from a button's action). */
    @Override
    public boolean confirm(String header, String details, String action) {
        ButtonType yes = new ButtonType(action, ButtonBar.ButtonData.OK_DONE);
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION, details, yes, ButtonType.CANCEL);
        alert.setTitle("Leverdesk");
        alert.setHeaderText(header);
        alert.getDialogPane().setMinWidth(520);
        ((javafx.scene.control.Button) alert.getDialogPane().lookupButton(yes)).setDefaultButton(false);
        ((javafx.scene.control.Button) alert.getDialogPane().lookupButton(ButtonType.CANCEL)).setDefaultButton(true);
        Window w = owner.get();
        if (w != null) {
            alert.initOwner(w);
        }
        return alert.showAndWait().filter(yes::equals).isPresent();
    }
}
