package org.leverdesk.ui.common;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/** The passphrase dialog; callable from any thread (a worker waits while the FX thread shows it). */
public final class PassphraseDialog implements PassphrasePrompt {
    private final Supplier<Window> owner;

    public PassphraseDialog(Supplier<Window> owner) {
        this.owner = owner;
    }

    @Override
    public Optional<char[]> ask(String why) {
        if (Platform.isFxApplicationThread()) {
            return show(why);
        }
        CompletableFuture<Optional<char[]>> answer = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                answer.complete(show(why));
            } catch (RuntimeException e) {
                answer.completeExceptionally(e);
            }
        });
        try {
            return answer.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        } catch (ExecutionException e) {
            throw new IllegalStateException("the passphrase dialog failed: " + e.getCause().getMessage(), e.getCause());
        }
    }

    private Optional<char[]> show(String why) {
        Dialog<char[]> dialog = new Dialog<>();
        dialog.setTitle("Leverdesk");
        dialog.setHeaderText("Passphrase for live controls");
        Window w = owner.get();
        if (w != null) {
            dialog.initOwner(w);
        }
        PasswordField field = new PasswordField();
        field.setId("controlPassphrase");
        field.setPromptText("passphrase");
        VBox box = new VBox(8, new Label(why), field);
        dialog.getDialogPane().setContent(box);
        dialog.getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
        dialog.setResultConverter(b -> b == ButtonType.OK ? field.getText().toCharArray() : null);
        Platform.runLater(field::requestFocus);
        return dialog.showAndWait();
    }
}
