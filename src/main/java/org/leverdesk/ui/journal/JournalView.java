package org.leverdesk.ui.journal;

import java.io.File;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.stage.FileChooser;
import javafx.util.Duration;
import org.leverdesk.ui.common.FxmlViews;
import org.leverdesk.ui.common.TableFit;
import org.leverdesk.ui.common.WhileShown;

/** The Journal view, bound to a {@link JournalViewModel}; polls for new entries while shown. */
public final class JournalView {
    /** How often the shown view looks for new entries. */
    public static final Duration POLL_EVERY = Duration.seconds(3);

    /** Asks where to save an export: (kind, pattern, suggested file name) → the chosen file, or empty when cancelled. */
    @FunctionalInterface
    public interface SaveTarget {
        Optional<Path> choose(String kind, String pattern, String suggestedName);
    }

    private final JournalViewModel viewModel;
    private SaveTarget saveTarget = this::chooseFile;

    @FXML private ComboBox<String> strategyBox;
    @FXML private ComboBox<String> kindBox;
    @FXML private DatePicker fromPicker;
    @FXML private DatePicker toPicker;
    @FXML private TextField searchField;
    @FXML private Label countLabel;
    @FXML private Label errorLabel;
    @FXML private Label statusLabel;
    @FXML private Button exportCsvButton;
    @FXML private Button loadMoreButton;
    @FXML private TableView<JournalRow> journalTable;
    @FXML private TableColumn<JournalRow, String> atColumn;
    @FXML private TableColumn<JournalRow, String> kindColumn;
    @FXML private TableColumn<JournalRow, String> strategyColumn;
    @FXML private TableColumn<JournalRow, String> messageColumn;
    @FXML private TextArea entryDetail;

    public JournalView(JournalViewModel viewModel) {
        this.viewModel = viewModel;
    }

    /** Builds the view and loads the newest entries; it polls every {@link #POLL_EVERY} while it is in a window. */
    public static Parent load(JournalViewModel viewModel) {
        return load(viewModel, null);
    }

    /** Like {@link #load(JournalViewModel)}, exports going where {@code saveTarget} says (null: a file chooser). */
    public static Parent load(JournalViewModel viewModel, SaveTarget saveTarget) {
        JournalView view = new JournalView(viewModel);
        if (saveTarget != null) {
            view.saveTarget = saveTarget;
        }
        Parent root = FxmlViews.load(view);
        WhileShown.every(root, POLL_EVERY, viewModel::poll);
        viewModel.refresh();
        return root;
    }

    @FXML
    private void initialize() {
        strategyBox.setItems(viewModel.strategyOptions());
        strategyBox.valueProperty().bindBidirectional(viewModel.strategyProperty());
        kindBox.setItems(viewModel.kindOptions());
        kindBox.valueProperty().bindBidirectional(viewModel.kindProperty());
        fromPicker.valueProperty().bindBidirectional(viewModel.fromProperty());
        toPicker.valueProperty().bindBidirectional(viewModel.toProperty());
        searchField.textProperty().bindBidirectional(viewModel.searchProperty());
        countLabel.textProperty().bind(viewModel.countTextProperty());
        errorLabel.textProperty().bind(viewModel.errorMessageProperty());
        errorLabel.managedProperty().bind(errorLabel.textProperty().isNotEmpty());
        statusLabel.textProperty().bind(viewModel.statusMessageProperty());
        statusLabel.managedProperty().bind(statusLabel.textProperty().isNotEmpty());
        loadMoreButton.visibleProperty().bind(viewModel.hasMoreProperty());

        journalTable.setItems(viewModel.entries());
        text(atColumn, JournalRow::at);
        text(kindColumn, JournalRow::kind);
        text(strategyColumn, JournalRow::strategy);
        text(messageColumn, JournalRow::message);
        // time, kind and strategy always whole; a long message wraps (the row grows) instead of ending in "…"
        Map<TableColumn<JournalRow, ?>, Function<JournalRow, String>> fitted = new LinkedHashMap<>();
        fitted.put(atColumn, JournalRow::at);
        fitted.put(kindColumn, JournalRow::kind);
        fitted.put(strategyColumn, JournalRow::strategy);
        TableFit.fit(journalTable, fitted);
        messageColumn.setCellFactory(c -> TableFit.wrapping(messageColumn));
        // the selected entry whole, with its details, in the pane under the table; the row's tooltip says the same
        entryDetail.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(() -> {
            JournalRow r = journalTable.getSelectionModel().getSelectedItem();
            return r == null ? "" : r.wholeText();
        }, journalTable.getSelectionModel().selectedItemProperty()));
        journalTable.setRowFactory(t -> new TableRow<>() {
            @Override
            protected void updateItem(JournalRow r, boolean empty) {
                super.updateItem(r, empty);
                setTooltip(empty || r == null ? null
                        : new Tooltip(r.wholeText()));
            }
        });
    }

    @FXML
    private void onClear() {
        viewModel.clearFilters();
    }

    @FXML
    private void onLoadMore() {
        viewModel.loadMore();
    }

    @FXML
    private void onExportCsv() {
        saveTarget.choose("CSV file", "*.csv", "leverdesk-journal.csv").ifPresent(viewModel::exportCsv);
    }

    @FXML
    private void onExportJsonLines() {
        saveTarget.choose("JSON lines file", "*.jsonl", "leverdesk-journal.jsonl").ifPresent(viewModel::exportJsonLines);
    }

    private Optional<Path> chooseFile(String kind, String pattern, String suggested) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Export the journal as " + kind);
        chooser.setInitialFileName(suggested);
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(kind, pattern));
        File file = chooser.showSaveDialog(exportCsvButton.getScene().getWindow());
        return Optional.ofNullable(file).map(File::toPath);
    }

    private static <S> void text(TableColumn<S, String> column, Function<S, String> value) {
        column.setCellValueFactory(cell -> new ReadOnlyStringWrapper(value.apply(cell.getValue())));
    }
}
