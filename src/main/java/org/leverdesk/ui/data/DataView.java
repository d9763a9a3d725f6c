package org.leverdesk.ui.data;

import java.io.File;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.stage.FileChooser;
import org.leverdesk.market.data.CsvValidationException;
import org.leverdesk.market.data.DataCatalog.SymbolCoverage;
import org.leverdesk.ui.common.Formats;
import org.leverdesk.ui.common.FxmlViews;

/** The Data view: the coverage table, the CSV import and "Update prices", bound to a {@link DataViewModel}. */
public final class DataView {
    private final DataViewModel viewModel;

    @FXML private TableView<SymbolCoverage> coverageTable;
    @FXML private TableColumn<SymbolCoverage, String> symbolColumn;
    @FXML private TableColumn<SymbolCoverage, String> firstColumn;
    @FXML private TableColumn<SymbolCoverage, String> lastColumn;
    @FXML private TableColumn<SymbolCoverage, String> barsColumn;
    @FXML private TableColumn<SymbolCoverage, String> statusColumn;
    @FXML private TableColumn<SymbolCoverage, String> sourceColumn;
    @FXML private CheckBox replaceCheck;
    @FXML private HBox updateRow;
    @FXML private Button updateButton;
    @FXML private Button cancelUpdateButton;
    @FXML private ProgressBar updateProgress;
    @FXML private Label updateStatusLabel;
    @FXML private ListView<DataViewModel.UpdateLine> updateList;
    @FXML private Button chooseButton;
    @FXML private Label fileLabel;
    @FXML private TextField symbolField;
    @FXML private Button importButton;
    @FXML private ProgressBar importProgress;
    @FXML private Label successLabel;
    @FXML private Label errorLabel;
    @FXML private ListView<CsvValidationException.Problem> problemsList;

    public DataView(DataViewModel viewModel) {
        this.viewModel = viewModel;
    }

    /** Builds the view for {@code viewModel}. */
    public static Parent load(DataViewModel viewModel) {
        return FxmlViews.load(new DataView(viewModel));
    }

    @FXML
    private void initialize() {
        coverageTable.setItems(viewModel.coverage());
        text(symbolColumn, SymbolCoverage::symbol);
        text(firstColumn, c -> Formats.date(c.first()));
        text(lastColumn, c -> Formats.date(c.last()));
        text(barsColumn, c -> Formats.count(c.bars()));
        text(statusColumn, DataViewModel::lastBarText);
        text(sourceColumn, c -> c.source() == null ? "" : c.source());
        replaceCheck.selectedProperty().bindBidirectional(viewModel.replaceProperty());
        replaceCheck.disableProperty().bind(viewModel.importingProperty());

        updateRow.visibleProperty().bind(viewModel.updateShownProperty());
        updateRow.managedProperty().bind(updateRow.visibleProperty());
        updateButton.disableProperty().bind(Bindings.not(viewModel.updateAvailableProperty()));
        cancelUpdateButton.visibleProperty().bind(viewModel.updatingProperty());
        cancelUpdateButton.managedProperty().bind(cancelUpdateButton.visibleProperty());
        updateProgress.progressProperty().bind(viewModel.updateProgressProperty());
        updateProgress.visibleProperty().bind(viewModel.updatingProperty());
        updateProgress.managedProperty().bind(updateProgress.visibleProperty());
        updateStatusLabel.textProperty().bind(viewModel.updateStatusProperty());
        updateList.setItems(viewModel.updateLines());
        updateList.setCellFactory(list -> new ListCell<>() {
            @Override
            protected void updateItem(DataViewModel.UpdateLine line, boolean empty) {
                super.updateItem(line, empty);
                setText(empty || line == null ? null : line.text());
                getStyleClass().remove("update-problem");
                if (!empty && line != null && line.problem()) {
                    getStyleClass().add("update-problem");
                }
            }
        });
        updateList.visibleProperty().bind(Bindings.isNotEmpty(viewModel.updateLines()));
        updateList.managedProperty().bind(updateList.visibleProperty());

        fileLabel.textProperty().bind(viewModel.fileTextProperty());
        symbolField.textProperty().bindBidirectional(viewModel.symbolProperty());
        chooseButton.disableProperty().bind(viewModel.importingProperty());
        importButton.disableProperty().bind(Bindings.not(viewModel.canImportProperty()));
        importProgress.progressProperty().bind(viewModel.progressProperty());
        importProgress.visibleProperty().bind(viewModel.importingProperty());
        importProgress.managedProperty().bind(importProgress.visibleProperty());
        successLabel.managedProperty().bind(successLabel.textProperty().isNotEmpty());
        errorLabel.managedProperty().bind(errorLabel.textProperty().isNotEmpty());
        successLabel.textProperty().bind(viewModel.successMessageProperty());
        errorLabel.textProperty().bind(viewModel.errorMessageProperty());
        problemsList.setItems(viewModel.problems());
        problemsList.visibleProperty().bind(Bindings.isNotEmpty(viewModel.problems()));
        problemsList.managedProperty().bind(problemsList.visibleProperty());
    }

    @FXML
    private void onChooseFile() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Import daily bars from CSV");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("CSV files (*.csv)", "*.csv", "*.CSV"));
        File chosen = chooser.showOpenDialog(coverageTable.getScene().getWindow());
        if (chosen != null) {
            viewModel.fileProperty().set(chosen.toPath());
        }
    }

    @FXML
    private void onImport() {
        viewModel.importCsv();
    }

    @FXML
    private void onRefresh() {
        viewModel.refresh();
    }

    @FXML
    private void onUpdate() {
        viewModel.update();
    }

    @FXML
    private void onCancelUpdate() {
        viewModel.cancelUpdate();
    }

    private static <S> void text(TableColumn<S, String> column, Function<S, String> value) {
        column.setCellValueFactory(cell -> new ReadOnlyStringWrapper(value.apply(cell.getValue())));
    }
}
