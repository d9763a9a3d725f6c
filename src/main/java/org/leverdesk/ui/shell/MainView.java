package org.leverdesk.ui.shell;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javafx.css.PseudoClass;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.layout.StackPane;
import org.leverdesk.ui.common.ViewTiming;
import org.leverdesk.ui.orders.PanicClose;
import org.leverdesk.ui.orders.PanicReport;

/** The main window: navigation on the left, the selected view in the centre, the status bar below. */
public final class MainView {
    private static final PseudoClass SIMULATED = PseudoClass.getPseudoClass("simulated");

    private final MainViewModel viewModel;
    /** The confirmation dialog's button that starts the panic close. */
    public static final ButtonType CONFIRM_CLOSE_ALL = new ButtonType("Cancel orders and close all", ButtonBar.ButtonData.OK_DONE);
    public static final ButtonType CONFIRM_CLOSE_OPTIONS = new ButtonType("Close every option position", ButtonBar.ButtonData.OK_DONE);
    private final List<NavItem> items;
    private final PanicClose panic;
    // Views are built once and kept, so a half-filled form survives switching views.
    private final Map<NavItem, Node> built = new HashMap<>();
    // Views shown at least once (a view prepared in idle time is built but not yet opened).
    private final java.util.Set<NavItem> opened = new java.util.HashSet<>();
    private Node current;

    @FXML private ListView<NavItem> navigation;
    @FXML private StackPane content;
    @FXML private Label modeLabel;
    @FXML private Label dataSourceLabel;
    @FXML private Label storeLabel;
    @FXML private Button panicButton;
    @FXML private Button optionsPanicButton;
    @FXML private javafx.scene.control.MenuBar menuBar;
    private ThemeManager themes;

    public MainView(MainViewModel viewModel, List<NavItem> items) {
        this(viewModel, items, null);
    }

    /** {@code panic} is null when no broker is configured: then there is no "Close all" button. */
    public MainView(MainViewModel viewModel, List<NavItem> items, PanicClose panic) {
        this.viewModel = viewModel;
        this.items = List.copyOf(items);
        this.panic = panic;
    }

    @FXML
    private void initialize() {
        modeLabel.textProperty().bind(viewModel.modeTextProperty());
        modeLabel.pseudoClassStateChanged(SIMULATED, viewModel.simulatedProperty().get());
        viewModel.simulatedProperty().addListener((obs, was, is) -> modeLabel.pseudoClassStateChanged(SIMULATED, is));
        dataSourceLabel.textProperty().bind(viewModel.dataSourceTextProperty());
        storeLabel.textProperty().bind(viewModel.storeTextProperty());
        // the whole path when the status bar has no room for it
        storeLabel.tooltipProperty().bind(javafx.beans.binding.Bindings.createObjectBinding(
                () -> new javafx.scene.control.Tooltip(storeLabel.getText()), storeLabel.textProperty()));

        panicButton.setVisible(panic != null);
        panicButton.setManaged(panic != null);
        optionsPanicButton.setVisible(panic != null);
        optionsPanicButton.setManaged(panic != null);
        if (panic != null) {
            optionsPanicButton.setTooltip(new javafx.scene.control.Tooltip("Cancel every option order and close every option"
                    + " position at " + panic.brokerName() + " now (spreads as one order, shorts before longs; shares stay)"));
            panicButton.setTooltip(new javafx.scene.control.Tooltip("Cancel every open order and close every position at "
                    + panic.brokerName() + " now"));
        }

        MainMenu.build(menuBar, items, new MainMenu.Actions() {
            @Override
            public void show(String title) {
                select(title);
            }

            @Override
            public void fire(String title, String selector) {
                select(title).ifPresent(node -> javafx.application.Platform.runLater(() -> {
                    Node target = node.lookup(selector);
                    if (target instanceof javafx.scene.control.ButtonBase b && !b.isDisabled()) {
                        b.fire();
                    } else if (target != null) {
                        target.requestFocus();
                    }
                }));
            }

            @Override
            public void closeAll() {
                onPanicClose();
            }

            @Override
            public boolean canCloseAll() {
                return panic != null;
            }

            @Override
            public ThemeManager themes() {
                return themes;
            }

            @Override
            public javafx.stage.Window window() {
                return menuBar.getScene() == null ? null : menuBar.getScene().getWindow();
            }
        });
        navigation.getItems().setAll(items);
        navigation.getSelectionModel().selectedItemProperty().addListener((obs, old, item) -> show(item));
        navigation.getSelectionModel().selectFirst();
    }

    @FXML
    private void onPanicClose() {
        if (panic == null || panic.isRunning()) {
            return;
        }
        Alert confirm = new Alert(Alert.AlertType.WARNING,
                "Every open order at " + panic.brokerName() + " is cancelled and every position is closed with a market order"
                        + " (at the next open when the market is closed), whatever the strategies and gates say. This cannot be undone.",
                CONFIRM_CLOSE_ALL, ButtonType.CANCEL);
        confirm.setTitle("Close all");
        confirm.setHeaderText("Close all positions now?");
        confirm.initOwner(panicButton.getScene().getWindow());
        if (confirm.showAndWait().filter(CONFIRM_CLOSE_ALL::equals).isEmpty()) {
            return;
        }
        panicButton.setDisable(true);
        optionsPanicButton.setDisable(true);
        panicButton.setText("Closing…");
        panic.start(this::showPanicReport);
    }

    @FXML
    private void onPanicCloseOptions() {
        if (panic == null || panic.isRunning()) {
            return;
        }
        Alert confirm = new Alert(Alert.AlertType.WARNING,
                "Every open option order at " + panic.brokerName() + " is cancelled and every option position is closed with"
                        + " market orders: each spread as one multi-leg order, lone shorts bought back before longs are sold."
                        + " Shares stay and trading is not halted. This cannot be undone.",
                CONFIRM_CLOSE_OPTIONS, ButtonType.CANCEL);
        confirm.setTitle("Close all options");
        confirm.setHeaderText("Close all option positions now?");
        confirm.initOwner(optionsPanicButton.getScene().getWindow());
        if (confirm.showAndWait().filter(CONFIRM_CLOSE_OPTIONS::equals).isEmpty()) {
            return;
        }
        panicButton.setDisable(true);
        optionsPanicButton.setDisable(true);
        optionsPanicButton.setText("Closing…");
        panic.startOptions(this::showPanicReport);
    }

    private void showPanicReport(PanicReport report) {
        panicButton.setDisable(false);
        panicButton.setText("Close all");
        optionsPanicButton.setDisable(false);
        optionsPanicButton.setText("Close all options");
        ListView<PanicReport.Line> lines = new ListView<>(javafx.collections.FXCollections.observableArrayList(report.lines()));
        lines.setId("panicReport");
        // Room for the horizontal scroll bar long lines bring, so the last line (the result) is not hidden under it.
        lines.setPrefSize(620, Math.min(360, 56 + 26 * report.lines().size()));
        Alert done = new Alert(report.allOk() ? Alert.AlertType.INFORMATION : Alert.AlertType.ERROR);
        done.setTitle("Close all");
        done.setHeaderText(report.summary());
        done.getDialogPane().setContent(lines);
        done.initOwner(panicButton.getScene().getWindow());
        done.show(); // not modal-blocking: the rest of the window stays usable to check positions
    }

    /** Selects the view titled {@code title} (nothing happens when there is none). */
    public void showView(String title) {
        select(title);
    }

    /** Themes this window with {@code manager} (the menu's theme items and the tiles of views built later). */
    public void setThemes(ThemeManager manager) {
        this.themes = manager;
    }

    private java.util.Optional<Node> select(String title) {
        for (NavItem item : items) {
            if (item.title().equals(title)) {
                navigation.getSelectionModel().select(item);
                return java.util.Optional.ofNullable(built.get(item));
            }
        }
        return java.util.Optional.empty();
    }

    private void show(NavItem item) {
        if (item == null) {
            return;
        }
        boolean first = opened.add(item);
        boolean prepared = built.containsKey(item);
        long started = System.nanoTime();
        long startedCpu = first ? ViewTiming.threadCpuNanos() : -1;
        Node view = built.computeIfAbsent(item, i -> i.view().get());
        long building = System.nanoTime() - started;
        view.setVisible(true);
        current = view;
        content.getChildren().setAll(view);
        if (first && view instanceof javafx.scene.Parent root) {
            // every view's first opening, from the click to its first laid-out frame, in the log
            ViewTiming.logWhenShown(item.title() + " view open", prepared ? " (prepared in idle time)"
                    : " (building it " + building / 1_000_000 + " ms)", root, started, startedCpu);
        }
        if (themes != null) {
            themes.styleTiles(view);
        }
    }

    /** The titles of the views not built yet, in navigation order. */
    java.util.List<String> unbuilt() {
        return items.stream().filter(i -> !built.containsKey(i)).map(NavItem::title).toList();
    }

    /**
     * Builds the view {@code title} ahead of its first opening and lays it out once, hidden, behind the
     * shown view (its CSS, skins and first layout are then done and cached), takes it out of the window
     * again after the layout pulse that follows {@code settled} (the background work it started, such as
     * loading its data, handed back; asked every {@link #SETTLE_CHECK}, at most {@link #SETTLE_CHECKS}
     * times) and runs {@code done}. So a chart is filled and drawn before its first opening, not at it.
     * Nothing happens (but {@code done}) when the view is built already or the window has no scene.
     */
    void prepare(String title, java.util.function.BooleanSupplier settled, Runnable done) {
        NavItem item = items.stream().filter(i -> i.title().equals(title)).findFirst().orElse(null);
        javafx.scene.Scene scene = content.getScene();
        // a window closed meanwhile (a test's, or the app quitting) prepares nothing: its executor may be shut down
        if (item == null || built.containsKey(item) || scene == null || scene.getWindow() == null || !scene.getWindow().isShowing()) {
            done.run();
            return;
        }
        long started = System.nanoTime();
        long startedCpu = ViewTiming.threadCpuNanos();
        Node view;
        try {
            view = item.view().get();
        } catch (java.util.concurrent.RejectedExecutionException e) {
            return; // the executor was shut down while the window closes: nothing more to prepare
        }
        built.put(item, view);
        if (themes != null) {
            themes.styleTiles(view);
        }
        view.setVisible(false);
        content.getChildren().add(0, view);
        if (view instanceof javafx.scene.Parent root) {
            ViewTiming.logWhenShown(title + " view prepared", "", root, started, startedCpu);
        }
        Runnable takeOut = () -> {
            if (view != current) { // the user may have opened it meanwhile: then it stays
                content.getChildren().remove(view);
                view.setVisible(true);
            }
            done.run();
        };
        // after the data: QUIET_PULSES more pulses, because a chart redraws and re-bins its series in a
        // post-layout step it asks for during a pulse (taken out before that, the Chart view kept a series
        // binned for the whole history under a one-year range)
        afterPulse(scene, () -> whenSettled(settled, SETTLE_CHECKS, () -> afterPulses(scene, QUIET_PULSES, takeOut)));
    }

    /** How many layout pulses a prepared view stays after its data arrived. */
    static final int QUIET_PULSES = 3;

    private static void afterPulses(javafx.scene.Scene scene, int pulses, Runnable action) {
        afterPulse(scene, pulses <= 1 ? action : () -> afterPulses(scene, pulses - 1, action));
    }

    /** How often a view being prepared asks whether its background work is done, and how many times at most. */
    static final javafx.util.Duration SETTLE_CHECK = javafx.util.Duration.millis(200);
    static final int SETTLE_CHECKS = 100;

    private static void whenSettled(java.util.function.BooleanSupplier settled, int checksLeft, Runnable then) {
        if (settled.getAsBoolean() || checksLeft <= 0) {
            then.run();
            return;
        }
        javafx.animation.PauseTransition wait = new javafx.animation.PauseTransition(SETTLE_CHECK);
        wait.setOnFinished(e -> whenSettled(settled, checksLeft - 1, then));
        wait.play();
    }

    /** Runs {@code action} once after the next layout pulse of {@code scene}. */
    private static void afterPulse(javafx.scene.Scene scene, Runnable action) {
        Runnable[] hook = new Runnable[1];
        hook[0] = () -> {
            scene.removePostLayoutPulseListener(hook[0]);
            action.run();
        };
        scene.addPostLayoutPulseListener(hook[0]);
        javafx.application.Platform.requestNextPulse();
    }
}
