package org.leverdesk.ui.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.leverdesk.market.data.CsvValidationException.Problem;
import org.leverdesk.market.data.DataCatalog.SymbolCoverage;
import org.leverdesk.ui.FakeDataCatalog;
import org.leverdesk.ui.common.FxTaskExecutor;
import org.leverdesk.ui.FxTest;
import org.leverdesk.ui.shell.MainWindow;
import org.leverdesk.ui.Snapshots;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The Data view after a rejected import: the problems list and the one-line summary are shown. */
@FxTest
class DataViewFxTest {
    private final FxTaskExecutor executor = new FxTaskExecutor();
    private final FakeDataCatalog catalog = new FakeDataCatalog(
            new SymbolCoverage("QQQ", LocalDate.of(1999, 3, 10), LocalDate.of(2024, 6, 28), 6367));
    private DataViewModel viewModel;

    @Start
    void start(Stage stage) {
        viewModel = new DataViewModel(catalog, executor);
        Scene scene = new Scene(DataView.load(viewModel), 1100, 700);
        scene.getStylesheets().add(MainWindow.STYLESHEET);
        stage.setScene(scene);
        stage.show();
    }

    @AfterEach
    void closeExecutor() {
        executor.close();
    }

    @Test
    void rejectedFileShowsEveryProblemAndASummary(FxRobot robot) throws Exception {
        catalog.rejectWith(List.of(
                new Problem("tqqq.csv", 2, "close is not a number: 'n/a'"),
                new Problem("tqqq.csv", 9, "date 2010-02-19 repeats line 8"),
                new Problem("tqqq.csv", 14, "high 31.2 is below low 31.9")));
        // The file chooser is a native dialog; choose the file the way the view does after it closes.
        robot.interact(() -> viewModel.fileProperty().set(Path.of("/home/trader/tqqq.csv")));
        assertEquals("TQQQ", robot.lookup("#symbolField").queryTextInputControl().getText());

        robot.clickOn("#importButton");
        ListView<?> problems = robot.lookup("#problemsList").queryAs(ListView.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> problems.getItems().size() == 3);
        WaitForAsyncUtils.waitForFxEvents();

        assertTrue(problems.isVisible());
        assertEquals("3 problems in tqqq.csv; nothing was imported. Fix the file and import it again.",
                robot.lookup("#errorLabel").queryAs(Label.class).getText());
        Snapshots.write(problems.getScene().getRoot(), "data-view-problems.png");
    }
}
