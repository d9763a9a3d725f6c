package org.leverdesk.ui.strategies;

import java.util.List;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.ListChangeListener;
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
import javafx.scene.layout.VBox;
import org.leverdesk.ui.common.form.FieldModel;
import org.leverdesk.ui.common.form.FormOptions;
import org.leverdesk.ui.common.form.FormView;
import javafx.util.StringConverter;
import org.leverdesk.strategy.catalog.ParameterChange;
import org.leverdesk.strategy.catalog.StrategyDescriptor;
import org.leverdesk.strategy.catalog.StrategyVersion;
import org.leverdesk.ui.common.FxmlViews;

/** The Strategies view: versions of a strategy, an editor for a new version, a diff of two, bound to a {@link StrategiesViewModel}. */
public final class StrategiesView {
    private static final String NONE = "—";

    private final StrategiesViewModel viewModel;
    private final java.util.function.Supplier<java.util.List<String>> tickers;

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
    @FXML private VBox parametersPane;
    @FXML private Label validationLabel;
    @FXML private Button saveButton;
    @FXML private Button resetButton;

    /** @param tickers the symbols the ticker pickers suggest */
    public StrategiesView(StrategiesViewModel viewModel, java.util.function.Supplier<java.util.List<String>> tickers) {
        this.viewModel = viewModel;
        this.tickers = tickers;
    }

    /** Builds the view for {@code viewModel}. */
    public static Parent load(StrategiesViewModel viewModel) {
        return load(viewModel, java.util.List::of);
    }

    /** Builds the view for {@code viewModel}; ticker pickers suggest {@code tickers}. */
    public static Parent load(StrategiesViewModel viewModel, java.util.function.Supplier<java.util.List<String>> tickers) {
        return FxmlViews.load(new StrategiesView(viewModel, tickers));
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
        text(activeColumn, v -> v.active() ? "● yes" : "");
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
        viewModel.editor().addListener((ListChangeListener<FieldModel>) change -> buildEditor());
        buildEditor();
        validationLabel.textProperty().bind(viewModel.validationMessageProperty());
        validationLabel.managedProperty().bind(validationLabel.textProperty().isNotEmpty());
        saveButton.disableProperty().bind(Bindings.not(viewModel.canSaveProperty()));
        resetButton.disableProperty().bind(viewModel.busyProperty());
    }

    private void buildEditor() {
        java.util.List<FieldModel> fields = java.util.List.copyOf(viewModel.editor());
        parametersPane.getChildren().setAll(FormView.grid(fields, FormOptions.compact(tickers, "param-")));
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
