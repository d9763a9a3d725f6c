package org.leverdesk.ui.data;

import java.io.File;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.stage.FileChooser;
import org.leverdesk.market.data.CsvValidationException;
import org.leverdesk.market.data.DataCatalog.SymbolCoverage;
import org.leverdesk.ui.common.Formats;
import org.leverdesk.ui.common.FxmlViews;

/** The Data view: the coverage table and the CSV import, bound to a {@link DataViewModel}. */
public final class DataView {
    private final DataViewModel viewModel;

    @FXML private TableView<SymbolCoverage> coverageTable;
    @FXML private TableColumn<SymbolCoverage, String> symbolColumn;
    @FXML private TableColumn<SymbolCoverage, String> firstColumn;
    @FXML private TableColumn<SymbolCoverage, String> lastColumn;
    @FXML private TableColumn<SymbolCoverage, String> barsColumn;
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

    private static <S> void text(TableColumn<S, String> column, Function<S, String> value) {
        column.setCellValueFactory(cell -> new ReadOnlyStringWrapper(value.apply(cell.getValue())));
    }
}
