package org.leverdesk.ui.firstrun;

import java.util.function.Supplier;
import javafx.beans.binding.Bindings;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.leverdesk.ui.common.FxmlViews;
import org.leverdesk.ui.firstrun.FirstRunViewModel.Choice;

/** The first-run dialog's content: the three ways to start and what each needs, bound to a {@link FirstRunViewModel}. */
public final class FirstRunView {
    private final FirstRunViewModel viewModel;
    private final Supplier<? extends Node> csvImport;
    private Node csvPane;

    @FXML private RadioButton demoChoice;
    @FXML private RadioButton csvChoice;
    @FXML private RadioButton alpacaChoice;
    @FXML private VBox csvBox;
    @FXML private VBox alpacaBox;
    @FXML private StackPane detailPane;
    @FXML private VBox alpacaPane;
    @FXML private TextField keyIdField;
    @FXML private PasswordField secretField;
    @FXML private Button connectButton;
    @FXML private Button fetchButton;
    @FXML private ProgressBar fetchProgress;
    @FXML private Button cancelFetchButton;
    @FXML private Label messageLabel;
    @FXML private Label errorLabel;
    @FXML private Button startButton;

    /** @param csvImport builds the Data view's CSV import (shown when that choice is picked); null hides the choice */
    public FirstRunView(FirstRunViewModel viewModel, Supplier<? extends Node> csvImport) {
        this.viewModel = viewModel;
        this.csvImport = csvImport;
    }

    /** Builds the dialog content. */
    public static Parent load(FirstRunViewModel viewModel, Supplier<? extends Node> csvImport) {
        return FxmlViews.load(new FirstRunView(viewModel, csvImport));
    }

    @FXML
    private void initialize() {
        ToggleGroup group = new ToggleGroup();
        for (RadioButton b : new RadioButton[] {demoChoice, csvChoice, alpacaChoice}) {
            b.setToggleGroup(group);
        }
        demoChoice.setUserData(Choice.DEMO);
        csvChoice.setUserData(Choice.CSV);
        alpacaChoice.setUserData(Choice.ALPACA);
        hide(csvBox, csvImport == null);
        hide(alpacaBox, !viewModel.alpacaAvailable());
        group.selectToggle(demoChoice);
        group.selectedToggleProperty().addListener((obs, old, now) -> {
            if (now != null) {
                viewModel.choiceProperty().set((Choice) now.getUserData());
            }
        });
        viewModel.choiceProperty().addListener((obs, old, now) -> showDetail(now));
        showDetail(viewModel.choiceProperty().get());

        keyIdField.textProperty().bindBidirectional(viewModel.keyIdProperty());
        secretField.textProperty().bindBidirectional(viewModel.secretKeyProperty());
        keyIdField.disableProperty().bind(viewModel.connectedProperty());
        secretField.disableProperty().bind(viewModel.connectedProperty());
        connectButton.disableProperty().bind(Bindings.not(viewModel.canCheckProperty()));
        boolean history = viewModel.historyAvailable();
        hide(fetchButton, !history);
        hide(fetchProgress, !history);
        hide(cancelFetchButton, !history);
        fetchButton.disableProperty().bind(viewModel.connectedProperty().not().or(viewModel.fetchingProperty()));
        fetchProgress.progressProperty().bind(viewModel.fetchProgressProperty());
        cancelFetchButton.disableProperty().bind(viewModel.fetchingProperty().not());

        messageLabel.textProperty().bind(viewModel.messageProperty());
        errorLabel.textProperty().bind(viewModel.errorProperty());
        messageLabel.managedProperty().bind(messageLabel.textProperty().isNotEmpty());
        errorLabel.managedProperty().bind(errorLabel.textProperty().isNotEmpty());
        messageLabel.textProperty().addListener(obs -> fitWindow());
        errorLabel.textProperty().addListener(obs -> fitWindow());
        startButton.disableProperty().bind(Bindings.not(viewModel.canFinishProperty()));
        startButton.textProperty().bind(Bindings.createStringBinding(() -> switch (viewModel.choiceProperty().get()) {
            case DEMO -> "Start with the demo market";
            case CSV -> "Done importing: start";
            case ALPACA -> "Start with Alpaca paper";
        }, viewModel.choiceProperty()));
    }

    private void showDetail(Choice choice) {
        if (choice == Choice.CSV && csvPane == null && csvImport != null) {
            csvPane = csvImport.get();
        }
        Node shown = switch (choice) {
            case DEMO -> null;
            case CSV -> csvPane;
            case ALPACA -> alpacaPane;
        };
        detailPane.getChildren().setAll(shown == null ? new Node[0] : new Node[] {shown});
        hide(detailPane, shown == null);
        fitWindow();
    }

    // The dialog grows and shrinks with what it shows, so the Start button never falls off its bottom.
    private void fitWindow() {
        javafx.application.Platform.runLater(() -> {
            if (detailPane.getScene() != null && detailPane.getScene().getWindow() != null) {
                detailPane.getScene().getWindow().sizeToScene();
            }
        });
    }

    private static void hide(Node node, boolean hidden) {
        node.setVisible(!hidden);
        node.setManaged(!hidden);
    }

    @FXML
    private void onConnect() {
        viewModel.connectAlpaca();
    }

    @FXML
    private void onFetch() {
        viewModel.fetchHistory();
    }

    @FXML
    private void onCancelFetch() {
        viewModel.cancelFetch();
    }

    @FXML
    private void onStart() {
        viewModel.finish();
    }
}
