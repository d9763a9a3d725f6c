package org.leverdesk.ui.strategies;

import java.util.List;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.ListChangeListener;
import javafx.css.PseudoClass;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
import javafx.util.StringConverter;
import org.leverdesk.strategy.catalog.ParameterChange;
import org.leverdesk.strategy.catalog.StrategyDescriptor;
import org.leverdesk.strategy.catalog.StrategyVersion;
import org.leverdesk.ui.common.FxmlViews;

/** The Strategies view: versions of a strategy, an editor for a new version, a diff of two, bound to a {@link StrategiesViewModel}. */
public final class StrategiesView {
    private static final PseudoClass EDITED = PseudoClass.getPseudoClass("edited");
    private static final String NONE = "—";

    private final StrategiesViewModel viewModel;

    @FXML private ComboBox<StrategyDescriptor> strategyBox;
    @FXML private Label statusLabel;
    @FXML private Label errorLabel;
    @FXML private Button activateButton;
    @FXML private TableView<StrategyVersion> versionsTable;
    @FXML private TableColumn<StrategyVersion, String> numberColumn;
    @FXML private TableColumn<StrategyVersion, String> idColumn;
    @FXML private TableColumn<StrategyVersion, String> parentColumn;
    @FXML private TableColumn<StrategyVersion, String> createdByColumn;
    @FXML private TableColumn<StrategyVersion, String> createdAtColumn;
    @FXML private TableColumn<StrategyVersion, String> activeColumn;
    @FXML private Label diffTitleLabel;
    @FXML private TableView<ParameterChange> diffTable;
    @FXML private TableColumn<ParameterChange, String> diffNameColumn;
    @FXML private TableColumn<ParameterChange, String> diffAColumn;
    @FXML private TableColumn<ParameterChange, String> diffBColumn;
    @FXML private Label editorTitleLabel;
    @FXML private GridPane parametersPane;
    @FXML private Label validationLabel;
    @FXML private Button saveButton;
    @FXML private Button resetButton;

    public StrategiesView(StrategiesViewModel viewModel) {
        this.viewModel = viewModel;
    }

    /** Builds the view for {@code viewModel}. */
    public static Parent load(StrategiesViewModel viewModel) {
        return FxmlViews.load(new StrategiesView(viewModel));
    }

    @FXML
    private void initialize() {
        strategyBox.setItems(viewModel.strategies());
        strategyBox.setConverter(new StringConverter<>() {
            @Override
            public String toString(StrategyDescriptor s) {
                return s == null ? "" : s.displayName();
            }

            @Override
            public StrategyDescriptor fromString(String text) {
                return null;
            }
        });
        strategyBox.setButtonCell(new ListCell<>() {
            @Override
            protected void updateItem(StrategyDescriptor s, boolean empty) {
                super.updateItem(s, empty);
                setText(empty || s == null ? "" : s.displayName());
            }
        });
        strategyBox.valueProperty().bindBidirectional(viewModel.strategyProperty());
        statusLabel.textProperty().bind(viewModel.statusMessageProperty());
        errorLabel.textProperty().bind(viewModel.errorMessageProperty());
        statusLabel.managedProperty().bind(statusLabel.textProperty().isNotEmpty());
        errorLabel.managedProperty().bind(errorLabel.textProperty().isNotEmpty());

        versionsTable.setItems(viewModel.versions());
        versionsTable.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        text(numberColumn, v -> Integer.toString(v.number()));
        text(idColumn, v -> Long.toString(v.id()));
        text(parentColumn, v -> v.parentId() == null ? NONE : v.parentId().toString());
        text(createdByColumn, StrategyVersion::createdBy);
        text(createdAtColumn, viewModel::created);
        text(activeColumn, v -> v.active() ? "● active" : "");
        versionsTable.setRowFactory(table -> new TableRow<>() {
            @Override
            protected void updateItem(StrategyVersion v, boolean empty) {
                super.updateItem(v, empty);
                getStyleClass().remove("active-version");
                if (!empty && v != null && v.active()) {
                    getStyleClass().add("active-version");
                }
            }
        });
        versionsTable.getSelectionModel().getSelectedItems().addListener((ListChangeListener<StrategyVersion>) change ->
                viewModel.select(List.copyOf(versionsTable.getSelectionModel().getSelectedItems())));
        activateButton.disableProperty().bind(Bindings.size(versionsTable.getSelectionModel().getSelectedItems()).isNotEqualTo(1)
                .or(viewModel.busyProperty()));

        diffTable.setItems(viewModel.differences());
        text(diffNameColumn, ParameterChange::name);
        text(diffAColumn, c -> c.oldValue() == null ? NONE : c.oldValue());
        text(diffBColumn, c -> c.newValue() == null ? NONE : c.newValue());
        diffAColumn.textProperty().bind(viewModel.diffAProperty());
        diffBColumn.textProperty().bind(viewModel.diffBProperty());
        diffTitleLabel.textProperty().bind(Bindings.when(viewModel.diffTitleProperty().isEmpty())
                .then("Differences").otherwise(viewModel.diffTitleProperty()));

        editorTitleLabel.textProperty().bind(Bindings.createStringBinding(() -> {
            StrategyVersion v = viewModel.editingProperty().get();
            return v == null ? "New version" : "New version from version " + v.number() + (v.active() ? " (active)" : "");
        }, viewModel.editingProperty()));
        viewModel.editor().addListener((ListChangeListener<ParameterEdit>) change -> buildEditor());
        buildEditor();
        validationLabel.textProperty().bind(viewModel.validationMessageProperty());
        validationLabel.managedProperty().bind(validationLabel.textProperty().isNotEmpty());
        saveButton.disableProperty().bind(Bindings.not(viewModel.canSaveProperty()));
        resetButton.disableProperty().bind(viewModel.busyProperty());
    }

    private void buildEditor() {
        parametersPane.getChildren().clear();
        int row = 0;
        for (ParameterEdit p : viewModel.editor()) {
            Label name = new Label(p.name());
            TextField field = new TextField();
            field.setId("param-" + p.name());
            field.setPrefColumnCount(9);
            field.textProperty().bindBidirectional(p.valueProperty());
            field.pseudoClassStateChanged(EDITED, p.changedProperty().get());
            p.changedProperty().addListener((obs, was, now) -> field.pseudoClassStateChanged(EDITED, now));
            Label description = new Label(p.description());
            description.getStyleClass().add("muted");
            description.setMinWidth(0);
            description.setWrapText(true);
            Tooltip tip = new Tooltip(p.description() + " (this version: " + p.original() + ")");
            tip.setWrapText(true);
            tip.setMaxWidth(420);
            name.setTooltip(tip);
            description.setTooltip(tip);
            parametersPane.addRow(row++, name, field, description);
        }
    }

    @FXML
    private void onSave() {
        viewModel.save();
    }

    @FXML
    private void onReset() {
        viewModel.resetEditor();
    }

    @FXML
    private void onMakeActive() {
        viewModel.makeActive(versionsTable.getSelectionModel().getSelectedItem());
    }

    private static <S> void text(TableColumn<S, String> column, Function<S, String> value) {
        column.setCellValueFactory(cell -> new ReadOnlyStringWrapper(value.apply(cell.getValue())));
    }
}
