package org.leverdesk.ui.settings;

import java.io.File;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.beans.binding.Bindings;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TitledPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import org.leverdesk.ui.common.FxmlViews;
import org.leverdesk.ui.common.form.FieldModel;
import org.leverdesk.ui.common.form.FormOptions;
import org.leverdesk.ui.common.form.FormView;

/**
 * The Settings view: one titled group per part of the config (Appearance, Broker, Risk, each strategy,
 * Notifications), each drawn by the shared form builder (editor by kind, unit, help and, when invalid,
 * a red border and its own problem); bound to a {@link SettingsViewModel}.
 */
public final class SettingsView {
    private final SettingsViewModel viewModel;

    @FXML private Label pathLabel;
    @FXML private Button saveButton;
    @FXML private Button revertButton;
    @FXML private Label validationLabel;
    @FXML private Label statusLabel;
    @FXML private Label errorLabel;
    @FXML private ScrollPane scroll;
    @FXML private VBox groupsBox;

    private final java.util.function.Supplier<List<String>> tickers;

    /** @param tickers the symbols the ticker pickers suggest */
    public SettingsView(SettingsViewModel viewModel, java.util.function.Supplier<List<String>> tickers) {
        this.viewModel = viewModel;
        this.tickers = tickers;
    }

    /** Builds the view for {@code viewModel}. */
    public static Parent load(SettingsViewModel viewModel) {
        return load(viewModel, List::of);
    }

    /** Builds the view for {@code viewModel}; ticker pickers suggest {@code tickers}. */
    public static Parent load(SettingsViewModel viewModel, java.util.function.Supplier<List<String>> tickers) {
        return FxmlViews.load(new SettingsView(viewModel, tickers));
    }

    @FXML
    private void initialize() {
        pathLabel.setText(viewModel.configPath().toString());
        for (Label l : List.of(validationLabel, statusLabel, errorLabel)) {
            l.managedProperty().bind(l.textProperty().isNotEmpty());
        }
        validationLabel.textProperty().bind(viewModel.validationMessageProperty());
        statusLabel.textProperty().bind(viewModel.statusMessageProperty());
        errorLabel.textProperty().bind(viewModel.errorMessageProperty());
        saveButton.disableProperty().bind(Bindings.not(viewModel.canSaveProperty()));
        revertButton.disableProperty().bind(viewModel.busyProperty());
        viewModel.setLiveConfirmation(this::confirmLive);

        Map<String, List<FieldModel>> byGroup = new LinkedHashMap<>();
        if (viewModel.themeField() != null) {
            byGroup.put(SettingsViewModel.APPEARANCE, new java.util.ArrayList<>(List.of(viewModel.themeField())));
        }
        for (FieldModel f : viewModel.fields()) {
            byGroup.computeIfAbsent(f.group(), g -> new java.util.ArrayList<>()).add(f);
        }
        FormOptions options = FormOptions.wide(tickers, "setting-");
        boolean first = true;
        for (Map.Entry<String, List<FieldModel>> group : byGroup.entrySet()) {
            String title = group.getKey();
            addGroup(title, first || title.equals(SettingsForm.BROKER) || title.equals(SettingsForm.RISK)
                    || title.equals(SettingsForm.OPTIONS_MODE),
                    () -> withTests(title, FormView.grid(group.getValue(), options)));
            first = false;
        }
    }

    /**
     * One titled group; only the groups that start open build their form now, the others (each
     * strategy's long form) when first opened: building every group's editors at once made the
     * view's first opening take seconds. The fields live in the view model, so a group built later
     * shows the same values and problems.
     */
    private void addGroup(String title, boolean open, java.util.function.Supplier<GridPane> form) {
        TitledPane pane = new TitledPane();
        pane.setText(title);
        pane.setId("group-" + nodeId(title));
        pane.setExpanded(open);
        if (open) {
            pane.setContent(form.get());
        } else {
            pane.expandedProperty().addListener(new javafx.beans.value.ChangeListener<>() {
                @Override
                public void changed(javafx.beans.value.ObservableValue<? extends Boolean> o, Boolean was, Boolean is) {
                    if (is) {
                        pane.expandedProperty().removeListener(this);
                        pane.setContent(form.get());
                    }
                }
            });
        }
        groupsBox.getChildren().add(pane);
    }

    /** The Notifications group gets a "Send test" button per channel below its fields. */
    private GridPane withTests(String title, GridPane grid) {
        if (title.equals(SettingsForm.NOTIFICATIONS) && viewModel.canSendTests()) {
            HBox tests = new HBox(8, new Label("Send test"));
            tests.getStyleClass().add("run-bar");
            for (String channel : SettingsViewModel.CHANNELS) {
                Button b = new Button(channel);
                b.setId("test-" + channel);
                b.getStyleClass().add("small-button");
                b.setOnAction(e -> viewModel.sendTest(channel));
                tests.getChildren().add(b);
            }
            grid.add(tests, 0, grid.getRowCount() + 2, 3, 1);
        }
        return grid;
    }

    /** The node id part for a key or title: letters and digits, the rest as '-' (ids are CSS selectors in lookups). */
    public static String nodeId(String text) {
        return text.replaceAll("[^A-Za-z0-9]+", "-").replaceAll("^-|-$", "");
    }

    private boolean confirmLive(String question) {
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION, question, ButtonType.OK, ButtonType.CANCEL);
        alert.setTitle("Leverdesk");
        alert.setHeaderText("Live trading");
        alert.initOwner(saveButton.getScene().getWindow());
        return alert.showAndWait().filter(b -> b == ButtonType.OK).isPresent();
    }

    @FXML
    private void onSave() {
        viewModel.save();
    }

    @FXML
    private void onRevert() {
        viewModel.revert();
    }

    @FXML
    private void onImport() {
        File chosen = chooser("Import settings").showOpenDialog(window());
        if (chosen != null) {
            viewModel.importFrom(chosen.toPath());
        }
    }

    @FXML
    private void onExport() {
        FileChooser chooser = chooser("Export settings");
        chooser.setInitialFileName("leverdesk-settings.json");
        File chosen = chooser.showSaveDialog(window());
        if (chosen != null) {
            viewModel.exportTo(chosen.toPath());
        }
    }

    private static FileChooser chooser(String title) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("Leverdesk settings (*.json)", "*.json"));
        return chooser;
    }

    private javafx.stage.Window window() {
        Node n = groupsBox;
        return n.getScene().getWindow();
    }
}
