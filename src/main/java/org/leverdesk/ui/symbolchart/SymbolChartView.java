package org.leverdesk.ui.symbolchart;

import java.time.LocalDate;
import java.util.List;
import java.util.function.Supplier;
import javafx.beans.binding.Bindings;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.leverdesk.backtest.SavedRuns;
import org.leverdesk.ui.chart.ChartSeries;
import org.leverdesk.ui.chart.PriceChart;
import org.leverdesk.ui.common.FxmlViews;
import org.leverdesk.ui.common.form.FormOptions;
import org.leverdesk.ui.common.form.FormView;
import org.leverdesk.ui.ticket.TicketView;
import org.leverdesk.ui.ticket.TicketViewModel;
import org.leverdesk.ui.watchlist.WatchlistView;
import org.leverdesk.ui.watchlist.WatchlistViewModel;

/**
 * The Chart view: any symbol of the price source as candles with volume and the chosen indicators
 * (the shared chart components), the trades of a saved run, a watchlist beside it, and Buy/Sell
 * opening the order ticket for the charted symbol. Bound to a {@link SymbolChartViewModel}.
 */
public final class SymbolChartView {
    private final SymbolChartViewModel viewModel;
    private final WatchlistViewModel watchlist;
    private final Supplier<TicketViewModel> tickets;
    private final Supplier<List<String>> tickers;
    private final PriceChart chart = new PriceChart();

    @FXML private ComboBox<String> symbolSearch;
    @FXML private ComboBox<SavedRuns.SavedRun> runBox;
    @FXML private Button ticketButton;
    @FXML private Button sellButton;
    @FXML private Label summaryLabel;
    @FXML private Label runNoteLabel;
    @FXML private Label errorLabel;
    @FXML private StackPane chartHolder;
    @FXML private VBox sidePanel;
    @FXML private VBox indicatorsBox;

    /**
     * @param watchlist null hides the watchlist
     * @param tickets   makes an order ticket; null hides Buy and Sell (no broker)
     */
    public SymbolChartView(SymbolChartViewModel viewModel, WatchlistViewModel watchlist, Supplier<TicketViewModel> tickets,
                           Supplier<List<String>> tickers) {
        this.viewModel = viewModel;
        this.watchlist = watchlist;
        this.tickets = tickets;
        this.tickers = tickers;
    }

    /** Builds the view. */
    public static Parent load(SymbolChartViewModel viewModel, WatchlistViewModel watchlist, Supplier<TicketViewModel> tickets,
                              Supplier<List<String>> tickers) {
        return FxmlViews.load(new SymbolChartView(viewModel, watchlist, tickets, tickers));
    }

    @FXML
    private void initialize() {
        chart.setId("symbolPriceChart");
        chartHolder.getChildren().setAll(chart);
        symbolSearch.setItems(viewModel.suggestions());
        symbolSearch.getEditor().textProperty().bindBidirectional(viewModel.searchProperty());
        symbolSearch.getEditor().setOnAction(e -> viewModel.showSearched());
        symbolSearch.setOnAction(e -> {
            String picked = symbolSearch.getValue();
            if (picked != null && !picked.equals(viewModel.symbolProperty().get())) {
                viewModel.searchProperty().set(picked);
                viewModel.showSearched();
            }
        });
        runBox.setItems(viewModel.runs());
        StringConverter<SavedRuns.SavedRun> runs = new StringConverter<>() {
            @Override
            public String toString(SavedRuns.SavedRun r) {
                return SymbolChartViewModel.describe(r);
            }

            @Override
            public SavedRuns.SavedRun fromString(String s) {
                return null;
            }
        };
        runBox.setConverter(runs);
        runBox.setButtonCell(new ListCell<>() {
            @Override
            protected void updateItem(SavedRuns.SavedRun r, boolean empty) {
                super.updateItem(r, empty);
                setText(empty ? "No run" : runs.toString(r));
            }
        });
        runBox.valueProperty().bindBidirectional(viewModel.runProperty());
        runBox.setOnShowing(e -> viewModel.refreshRuns());
        summaryLabel.textProperty().bind(viewModel.summaryProperty());
        runNoteLabel.textProperty().bind(viewModel.runNoteProperty());
        runNoteLabel.managedProperty().bind(runNoteLabel.textProperty().isNotEmpty());
        errorLabel.textProperty().bind(viewModel.errorProperty());
        errorLabel.managedProperty().bind(errorLabel.textProperty().isNotEmpty());
        boolean[] first = {true};
        viewModel.dataProperty().addListener((obs, old, data) -> {
            boolean newSymbol = old == null || !old.bars().symbol().equals(data.bars().symbol());
            chart.setData(data);
            if ((newSymbol || first[0]) && data.bars().size() > 0) {
                first[0] = false;
                // after the chart has laid out its new data: its auto-range would otherwise undo the zoom
                javafx.application.Platform.runLater(() -> javafx.application.Platform.runLater(() -> zoomYears(1)));
            }
        });
        indicatorsBox.getChildren().setAll(FormView.grid(viewModel.indicators().fields(), FormOptions.compact(tickers, "indicator-")));
        if (watchlist != null) {
            WatchlistView list = new WatchlistView(watchlist, tickers, s -> {
                viewModel.searchProperty().set(s);
                viewModel.showSearched();
            });
            VBox.setVgrow(list, Priority.ALWAYS);
            sidePanel.getChildren().add(0, list);
        }
        ticketButton.setVisible(tickets != null);
        ticketButton.setManaged(tickets != null);
        sellButton.setVisible(tickets != null);
        sellButton.setManaged(tickets != null);
        ticketButton.disableProperty().bind(Bindings.isEmpty(viewModel.symbolProperty()));
        sellButton.disableProperty().bind(Bindings.isEmpty(viewModel.symbolProperty()));
        viewModel.start();
    }

    @FXML
    private void onShow() {
        viewModel.showSearched();
    }

    @FXML
    private void onBuy() {
        openTicket(true);
    }

    @FXML
    private void onSell() {
        openTicket(false);
    }

    private void openTicket(boolean buy) {
        TicketViewModel ticket = tickets.get();
        ticket.start(viewModel.symbolProperty().get(), buy);
        TicketView.show(ticketButton.getScene().getWindow(), ticket, tickers);
    }

    @FXML
    private void onZoom3m() {
        zoomMonths(3);
    }

    @FXML
    private void onZoom1y() {
        zoomYears(1);
    }

    @FXML
    private void onZoom5y() {
        zoomYears(5);
    }

    @FXML
    private void onZoomAll() {
        var bars = chart.data().bars();
        if (bars.size() > 0) {
            chart.zoomTo(ChartSeries.date(bars.x()[0]), ChartSeries.date(bars.x()[bars.size() - 1]));
        }
    }

    private void zoomYears(int years) {
        zoomMonths(12 * years);
    }

    private void zoomMonths(int months) {
        var bars = chart.data().bars();
        if (bars.size() == 0) {
            return;
        }
        LocalDate last = ChartSeries.date(bars.x()[bars.size() - 1]);
        LocalDate first = ChartSeries.date(bars.x()[0]);
        LocalDate from = last.minusMonths(months);
        chart.zoomTo(from.isBefore(first) ? first : from, last);
    }
}
