package org.leverdesk.ui.ticket;

import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.leverdesk.ui.common.form.FieldModel;
import org.leverdesk.ui.common.form.FormOptions;
import org.leverdesk.ui.common.form.FormView;

/**
 * The order ticket window: the ticket's fields (drawn by the shared form builder; the limit or stop
 * price only when the type needs it), the live preview, every problem, Submit and the outcome.
 * Bound to a {@link TicketViewModel}; a live account asks before sending.
 */
public final class TicketView extends VBox {
    private final TicketViewModel viewModel;

    public TicketView(TicketViewModel viewModel, java.util.function.Supplier<List<String>> tickers) {
        this.viewModel = viewModel;
        getStyleClass().addAll("ticket", "feature-view");
        setId("ticketView");
        setSpacing(8);
        setPrefWidth(420);
        Label title = new Label(viewModel.title());
        title.getStyleClass().add("view-title");
        HBox heading = new HBox(10, title);
        heading.setAlignment(Pos.CENTER_LEFT);
        if (viewModel.live()) {
            Label live = new Label("LIVE · real money");
            live.getStyleClass().add("live-warning");
            heading.getChildren().add(live);
        }

        FormOptions options = FormOptions.compact(tickers, "ticket-");
        GridPane grid = new GridPane();
        grid.getStyleClass().addAll("parameters", "form-grid");
        grid.setHgap(10);
        grid.setVgap(4);
        int row = 0;
        for (FieldModel f : viewModel.fields()) {
            FormView.addRow(grid, row, f, options);
            row += 2;
        }
        hideUnless(grid, viewModel.limit(), viewModel.limitShown());
        hideUnless(grid, viewModel.stop(), viewModel.stopShown());
        Label unit = new Label();
        unit.getStyleClass().add("field-unit");
        unit.textProperty().bind(viewModel.amountUnit());
        grid.add(unit, 2, 6);

        VBox preview = lines("ticketPreview", viewModel.previewLines(), "ticket-line");
        preview.getStyleClass().add("ticket-preview");
        preview.setMinHeight(5 * 20);
        VBox problems = lines("ticketProblems", viewModel.problems(), "error-message");
        VBox notes = lines("ticketNotes", viewModel.notes(), "muted");

        Button submit = new Button("Submit order");
        submit.setId("submitOrder");
        submit.getStyleClass().add("primary-button");
        submit.disableProperty().bind(Bindings.not(viewModel.canSubmitProperty()));
        submit.setOnAction(e -> viewModel.submit());
        Button refresh = new Button("Refresh preview");
        refresh.setOnAction(e -> viewModel.refreshPreview());
        HBox buttons = new HBox(8, submit, refresh);
        Label result = new Label();
        result.setId("ticketResult");
        result.setWrapText(true);
        result.setMinHeight(Label.USE_PREF_SIZE);
        result.textProperty().bind(viewModel.resultProperty());
        getChildren().addAll(heading, grid, new Label("Preview"), preview, problems, notes, buttons, result);
        viewModel.setLiveConfirmation(this::confirm);
    }

    /** The ticket's state (tests read its preview). */
    public TicketViewModel viewModel() {
        return viewModel;
    }

    /** Opens the ticket in its own window next to {@code owner}, themed like it. */
    public static Stage show(Window owner, TicketViewModel viewModel, java.util.function.Supplier<List<String>> tickers) {
        Stage stage = new Stage();
        stage.setTitle("Order ticket");
        // Tall enough for the preview and its notes; a small screen scrolls instead of hiding Submit.
        javafx.scene.control.ScrollPane scroll = new javafx.scene.control.ScrollPane(new TicketView(viewModel, tickers));
        scroll.setFitToWidth(true);
        scroll.setPrefViewportHeight(640);
        scroll.setPrefViewportWidth(440);
        Scene scene = new Scene(scroll);
        if (owner != null && owner.getScene() != null) {
            stage.initOwner(owner);
            scene.getStylesheets().setAll(owner.getScene().getStylesheets());
            Node root = owner.getScene().getRoot();
            scene.getRoot().getStyleClass().addAll(root.getStyleClass().stream()
                    .filter(c -> c.equals("atlantafx") || c.startsWith("theme-")).toList());
        }
        stage.setScene(scene);
        stage.show();
        return stage;
    }

    /** A column of wrapped labels, one per line of {@code lines}, hidden while there is none. */
    private static VBox lines(String id, javafx.collections.ObservableList<String> lines, String style) {
        VBox box = new VBox(3);
        box.setId(id);
        Runnable fill = () -> box.getChildren().setAll(lines.stream().map(text -> {
            Label l = new Label(text);
            l.getStyleClass().add(style);
            l.setWrapText(true);
            l.setMinHeight(Label.USE_PREF_SIZE);
            return l;
        }).toList());
        lines.addListener((javafx.collections.ListChangeListener<String>) c -> fill.run());
        fill.run();
        box.visibleProperty().bind(Bindings.isNotEmpty(lines));
        box.managedProperty().bind(box.visibleProperty());
        return box;
    }

    private static void hideUnless(GridPane grid, FieldModel field, javafx.beans.value.ObservableBooleanValue shown) {
        for (Node n : List.copyOf(grid.getChildren())) {
            Integer r = GridPane.getRowIndex(n);
            int fieldRow = 2 * List.of("symbol", "side", "sizing", "amount", "type", "limit", "stop", "timeInForce").indexOf(field.key());
            if (r != null && r == fieldRow) {
                n.visibleProperty().bind(Bindings.createBooleanBinding(shown::get, shown));
                n.managedProperty().bind(n.visibleProperty());
            } else if (r != null && r == fieldRow + 1 && n instanceof Label problem) {
                // its problem shows only while the price applies
                problem.visibleProperty().unbind();
                problem.visibleProperty().bind(Bindings.createBooleanBinding(() -> shown.get() && !problem.getText().isEmpty(),
                        shown, problem.textProperty()));
            }
        }
    }

    private boolean confirm(String question) {
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION, question, ButtonType.OK, ButtonType.CANCEL);
        alert.setTitle("Live order");
        alert.setHeaderText("Send a LIVE order?");
        if (getScene() != null) {
            alert.initOwner(getScene().getWindow());
        }
        return alert.showAndWait().filter(ButtonType.OK::equals).isPresent();
    }
}
