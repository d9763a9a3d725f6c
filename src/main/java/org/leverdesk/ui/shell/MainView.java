package org.leverdesk.ui.shell;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javafx.css.PseudoClass;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.layout.StackPane;

/** The main window: navigation on the left, the selected view in the centre, the status bar below. */
public final class MainView {
    private static final PseudoClass SIMULATED = PseudoClass.getPseudoClass("simulated");

    private final MainViewModel viewModel;
    private final List<NavItem> items;
    // Views are built once and kept, so a half-filled form survives switching views.
    private final Map<NavItem, Node> built = new HashMap<>();

    @FXML private ListView<NavItem> navigation;
    @FXML private StackPane content;
    @FXML private Label modeLabel;
    @FXML private Label dataSourceLabel;
    @FXML private Label storeLabel;

    public MainView(MainViewModel viewModel, List<NavItem> items) {
        this.viewModel = viewModel;
        this.items = List.copyOf(items);
    }

    @FXML
    private void initialize() {
        modeLabel.textProperty().bind(viewModel.modeTextProperty());
        modeLabel.pseudoClassStateChanged(SIMULATED, viewModel.simulatedProperty().get());
        viewModel.simulatedProperty().addListener((obs, was, is) -> modeLabel.pseudoClassStateChanged(SIMULATED, is));
        dataSourceLabel.textProperty().bind(viewModel.dataSourceTextProperty());
        storeLabel.textProperty().bind(viewModel.storeTextProperty());

        navigation.getItems().setAll(items);
        navigation.getSelectionModel().selectedItemProperty().addListener((obs, old, item) -> show(item));
        navigation.getSelectionModel().selectFirst();
    }

    private void show(NavItem item) {
        if (item == null) {
            return;
        }
        content.getChildren().setAll(built.computeIfAbsent(item, i -> i.view().get()));
    }
}
