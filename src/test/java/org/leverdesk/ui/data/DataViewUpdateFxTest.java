package org.leverdesk.ui.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.leverdesk.common.CancellationToken;
import org.leverdesk.common.ProgressListener;
import org.leverdesk.domain.Bar;
import org.leverdesk.domain.BarSeries;
import org.leverdesk.market.calendar.NyseCalendar;
import org.leverdesk.market.data.CsvBarReader;
import org.leverdesk.market.data.DataCatalog.SymbolCoverage;
import org.leverdesk.market.feed.DataUpdater;
import org.leverdesk.market.feed.FeedTiming;
import org.leverdesk.market.feed.HistoricalFeed;
import org.leverdesk.market.feed.MarketDataRefresher;
import org.leverdesk.market.feed.RefreshReport;
import org.leverdesk.store.BarRepository;
import org.leverdesk.store.Store;
import org.leverdesk.store.StoreDataCatalog;
import org.leverdesk.store.StoreFeedBars;
import org.leverdesk.testing.FeedBars;
import org.leverdesk.testing.MapMarketData;
import org.leverdesk.ui.FxTest;
import org.leverdesk.ui.Snapshots;
import org.leverdesk.ui.common.FxTaskExecutor;
import org.leverdesk.ui.shell.MainWindow;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * "Update prices" in the real Data view on a real store, at 15:50 on 2024-12-03: the missing final bar of
 * the day before comes in, today's provisional bar is built, and the table says which bars are provisional.
 */
@FxTest
class DataViewUpdateFxTest {
    private static final LocalDate DAY = LocalDate.of(2024, 12, 3);
    private static final Instant NOW = DAY.atTime(LocalTime.of(15, 50)).atZone(NyseCalendar.ZONE).toInstant();
    private static final List<String> SYMBOLS = List.of("QQQ", "SPY", "TQQQ");

    private final FxTaskExecutor executor = new FxTaskExecutor();
    private Path dir;
    private Store store;
    private Stage stage;

    @Start
    void start(Stage stage) throws Exception {
        this.stage = stage;
        dir = Files.createTempDirectory("leverdesk-data-view");
        store = Store.open(dir);
        BarRepository bars = new BarRepository(store);
        Map<String, BarSeries> feedBars = new java.util.HashMap<>();
        for (String s : SYMBOLS) {
            List<Bar> all = FeedBars.of(s, LocalDate.of(2023, 1, 3), DAY);
            bars.upsert(s, all.stream().filter(b -> b.date().isBefore(LocalDate.of(2024, 12, 2))).toList(), "csv");
            feedBars.put(s, BarSeries.of(s, all));
        }
        FeedTiming timing = new FeedTiming(new NyseCalendar());
        MarketDataRefresher refresher = new MarketDataRefresher(new HistoricalFeed(new MapMarketData(feedBars, false), timing,
                "CSV folder prices", "csv-folder"), new StoreFeedBars(store), timing);
        DataUpdater updater = new DataUpdater() {
            @Override
            public Optional<String> unavailable() {
                return Optional.empty();
            }

            @Override
            public String describe() {
                return String.join(", ", SYMBOLS) + " from the CSV folder prices";
            }

            @Override
            public RefreshReport update(ProgressListener progress, CancellationToken cancel) {
                java.util.Set<String> asked = new java.util.HashSet<>(SYMBOLS);
                asked.add("NODATA");
                return refresher.refresh(asked, NOW, progress, cancel);
            }
        };
        DataViewModel vm = new DataViewModel(new StoreDataCatalog(store, new CsvBarReader(new NyseCalendar())), updater, executor);
        Scene scene = new Scene(DataView.load(vm), 1024, 700);
        scene.getStylesheets().add(MainWindow.STYLESHEET);
        stage.setScene(scene);
        stage.show();
    }

    @AfterEach
    void close() {
        executor.close();
        store.close();
    }

    @Test
    void updatePricesBringsTheMissingBarAndTodaysProvisionalOneAndTheTableSaysSo(FxRobot robot) throws Exception {
        Label status = robot.lookup("#updateStatusLabel").queryAs(Label.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !robot.lookup("#updateButton").queryAs(Button.class).isDisabled());
        assertEquals("Fetches QQQ, SPY, TQQQ from the CSV folder prices", status.getText());

        robot.clickOn("#updateButton");
        ListView<?> lines = robot.lookup("#updateList").queryAs(ListView.class);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> lines.getItems().size() == 4);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("QQQ: 1 new final bar 2024-12-02; provisional 2024-12-03 from the session so far (last trade 15:50:00 ET,"
                + " close " + org.leverdesk.market.data.Prices.format(FeedBars.of("QQQ", DAY, DAY).get(0).close()) + ")",
                lines.getItems().get(1).toString());
        assertEquals("NODATA: CSV folder prices has no daily bars up to 2024-12-02; check the symbol (or that it trades on this"
                + " feed)", lines.getItems().get(0).toString());
        assertEquals("4 symbols from CSV folder prices: 3 updated, 1 no data; 3 final bars written, 3 provisional", status.getText());

        @SuppressWarnings("unchecked")
        TableView<SymbolCoverage> table = robot.lookup("#coverageTable").queryAs(TableView.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> table.getItems().size() == 3
                && table.getItems().stream().allMatch(SymbolCoverage::lastIsProvisional));
        assertEquals(DAY, table.getItems().get(0).last());
        // The Last bar column says so, in every row.
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup(
                org.testfx.matcher.control.LabeledMatchers.hasText("provisional, trades to 15:50 ET")).queryAll().size() == 3);

        Snapshots.write(stage.getScene().getRoot(), "data-view-update-1024x700.png");
        robot.interact(() -> {
            stage.setWidth(1600);
            stage.setHeight(1000);
        });
        WaitForAsyncUtils.waitForFxEvents();
        Snapshots.write(stage.getScene().getRoot(), "data-view-update-1600x1000.png");
    }
}
