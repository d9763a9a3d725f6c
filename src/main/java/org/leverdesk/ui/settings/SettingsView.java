package org.leverdesk.ui.settings;

import java.io.File;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.beans.binding.Bindings;
import javafx.css.PseudoClass;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.control.TitledPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import org.leverdesk.ui.common.FxmlViews;

/**
 * The Settings view: one titled group per part of the config (Broker, Risk, each strategy,
 * Notifications), each setting with its editor, description and, when invalid, a red border and its
 * one-line problem; bound to a {@link SettingsViewModel}.
 */
public final class SettingsView {
    private static final PseudoClass INVALID = PseudoClass.getPseudoClass("invalid");

    private final SettingsViewModel viewModel;

    @FXML private Label pathLabel;
    @FXML private Button saveButton;
    @FXML private Button revertButton;
    @FXML private Label validationLabel;
    @FXML private Label statusLabel;
    @FXML private Label errorLabel;
    @FXML private ScrollPane scroll;
    @FXML private VBox groupsBox;

    public SettingsView(SettingsViewModel viewModel) {
        this.viewModel = viewModel;
    }

    /** Builds the view for {@code viewModel}. */
    public static Parent load(SettingsViewModel viewModel) {
        return FxmlViews.load(new SettingsView(viewModel));
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

        Map<String, GridPane> groups = new LinkedHashMap<>();
        // Two rows per setting (the second holds its problem); counted here because a GridPane does not
        // count rows whose only child is a hidden, unmanaged problem label.
        Map<GridPane, Integer> rows = new java.util.HashMap<>();
        for (SettingField f : viewModel.fields()) {
            GridPane grid = groups.computeIfAbsent(f.group(), g -> newGroup(g, groups.isEmpty()));
            int row = rows.merge(grid, 2, Integer::sum) - 2;
            Label name = new Label(f.label());
            name.getStyleClass().add("setting-name");
            Control editor = editor(f);
            Label description = new Label(f.description());
            description.getStyleClass().add("muted");
            description.setWrapText(true);
            description.setMinWidth(0);
            Tooltip tip = new Tooltip(f.key() + ": " + f.description());
            tip.setWrapText(true);
            tip.setMaxWidth(460);
            name.setTooltip(tip);
            Label problem = new Label();
            problem.setId("problem-" + nodeId(f.key()));
            problem.getStyleClass().add("error-message");
            // inline: the grid's ".parameters .label" muted colour otherwise wins over the red
            problem.setStyle("-fx-text-fill: -ld-danger;");
            problem.setWrapText(true);
            problem.textProperty().bind(f.problemProperty());
            problem.visibleProperty().bind(problem.textProperty().isNotEmpty());
            problem.managedProperty().bind(problem.visibleProperty());
            editor.pseudoClassStateChanged(INVALID, !f.problemProperty().get().isEmpty());
            f.problemProperty().addListener((obs, old, now) -> editor.pseudoClassStateChanged(INVALID, !now.isEmpty()));
            grid.add(name, 0, row);
            grid.add(editor, 1, row);
            grid.add(description, 2, row);
            grid.add(problem, 1, row + 1, 2, 1);
        }
        if (viewModel.canSendTests()) {
            GridPane notifications = groups.get(SettingsForm.NOTIFICATIONS);
            HBox tests = new HBox(8, new Label("Send test"));
            tests.getStyleClass().add("run-bar");
            for (String channel : SettingsViewModel.CHANNELS) {
                Button b = new Button(channel);
                b.setId("test-" + channel);
                b.getStyleClass().add("small-button");
                b.setOnAction(e -> viewModel.sendTest(channel));
                tests.getChildren().add(b);
            }
            notifications.add(tests, 0, rows.getOrDefault(notifications, 0), 3, 1);
        }
    }

    private GridPane newGroup(String title, boolean first) {
        GridPane grid = new GridPane();
        grid.getStyleClass().add("parameters");
        grid.setHgap(10);
        grid.setVgap(5);
        ColumnConstraints description = new ColumnConstraints();
        description.setHgrow(Priority.ALWAYS);
        description.setMinWidth(120);
        grid.getColumnConstraints().addAll(new ColumnConstraints(190), new ColumnConstraints(200), description);
        TitledPane pane = new TitledPane(title, grid);
        pane.setId("group-" + nodeId(title));
        // Strategy groups are long: only the first group starts open.
        pane.setExpanded(first || title.equals(SettingsForm.RISK));
        groupsBox.getChildren().add(pane);
        return grid;
    }

    private Control editor(SettingField f) {
        Control control = switch (f.kind()) {
            case BOOLEAN -> {
                CheckBox box = new CheckBox();
                box.setSelected(Boolean.parseBoolean(f.valueProperty().get()));
                box.selectedProperty().addListener((obs, old, now) -> f.valueProperty().set(Boolean.toString(now)));
                f.valueProperty().addListener((obs, old, now) -> box.setSelected(Boolean.parseBoolean(now)));
                yield box;
            }
            case CHOICE -> {
                ComboBox<String> box = new ComboBox<>();
                box.getItems().setAll(f.choices());
                box.valueProperty().bindBidirectional(f.valueProperty());
                yield box;
            }
            case SECRET -> {
                PasswordField field = new PasswordField();
                field.textProperty().bindBidirectional(f.valueProperty());
                field.promptTextProperty().bind(f.promptProperty());
                yield field;
            }
            case TEXT, NUMBER -> {
                TextField field = new TextField();
                field.textProperty().bindBidirectional(f.valueProperty());
                yield field;
            }
        };
        control.setId("setting-" + nodeId(f.key()));
        control.setMaxWidth(Double.MAX_VALUE);
        return control;
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
