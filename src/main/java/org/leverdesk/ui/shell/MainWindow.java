package org.leverdesk.ui.shell;

import org.leverdesk.ui.AppServices;
import org.leverdesk.ui.common.FxmlViews;
import org.leverdesk.ui.common.TaskExecutor;
import java.util.ArrayList;
import java.util.List;
import org.leverdesk.ui.settings.SettingsView;
import org.leverdesk.ui.settings.SettingsViewModel;
import javafx.scene.Parent;
import org.leverdesk.ui.backtest.BacktestView;
import org.leverdesk.ui.dashboard.DashboardView;
import org.leverdesk.ui.dashboard.DashboardViewModel;
import org.leverdesk.ui.backtest.BacktestViewModel;
import org.leverdesk.ui.data.DataView;
import org.leverdesk.ui.regime.RegimeView;
import org.leverdesk.ui.regime.RegimeViewModel;
import org.leverdesk.ui.rotation.RotationView;
import org.leverdesk.ui.rotation.RotationViewModel;
import org.leverdesk.ui.data.DataViewModel;
import org.leverdesk.ui.strategies.StrategiesView;
import org.leverdesk.ui.strategies.StrategiesViewModel;
import java.time.Clock;
import org.leverdesk.ui.journal.JournalView;
import org.leverdesk.ui.journal.JournalViewModel;
import org.leverdesk.ui.orders.OrdersView;
import org.leverdesk.ui.orders.OrdersViewModel;
import org.leverdesk.ui.orders.PanicClose;
import org.leverdesk.ui.symbols.SymbolDirectory;
import org.leverdesk.ui.symbolchart.SymbolChartView;
import org.leverdesk.ui.symbolchart.SymbolChartViewModel;
import org.leverdesk.ui.ticket.TicketViewModel;
import org.leverdesk.ui.watchlist.MarketQuotes;
import org.leverdesk.ui.watchlist.WatchlistStore;
import org.leverdesk.ui.watchlist.WatchlistViewModel;
import java.nio.file.Path;

/** Builds the main window's content from the application's services; the one place views are registered. */
public final class MainWindow {
    /** The stylesheet of the whole application. */
    public static final String STYLESHEET = MainWindow.class.getResource("/org/leverdesk/ui/leverdesk.css").toExternalForm();

    /** How long after the window gets its scene the background class loading starts (the first view comes first). */
    static final long WARMUP_DELAY_MILLIS = 3000;

    private MainWindow() {
    }

    /** The navigation entries, in order; adding a view is one line here. */
    public static List<NavItem> navigation(AppServices services, TaskExecutor executor, Clock clock) {
        return navigation(services, executor, clock, () -> { });
    }

    /** The views; {@code onDataChanged} runs after an import in the Data view. */
    static List<NavItem> navigation(AppServices services, TaskExecutor executor, Clock clock, Runnable onDataChanged) {
        return navigation(services, executor, clock, onDataChanged, null);
    }

    static List<NavItem> navigation(AppServices services, TaskExecutor executor, Clock clock, Runnable onDataChanged,
                                    ThemeManager themes) {
        return navigation(services, executor, clock, onDataChanged, themes, title -> { }, panicClose(services, executor));
    }

    /**
     * The views; {@code showView} selects the view of a title (the Research view opens runs in the Backtest view);
     * {@code panic} is the window's one emergency close (null: none), shared by Close all and the Dashboard's
     * "Close strategy…" so that one close runs at a time.
     */
    static List<NavItem> navigation(AppServices services, TaskExecutor executor, Clock clock, Runnable onDataChanged,
                                    ThemeManager themes, java.util.function.Consumer<String> showView, PanicClose panic) {
        List<NavItem> items = new ArrayList<>();
        SymbolDirectory symbols = new SymbolDirectory(services.prices(), services.dataCatalog(), services.broker());
        // The control passphrase (leverdesk lock set) guards Resume, a switch to live, risk limits and secrets.
        org.leverdesk.config.ControlLock lock = services.configFile() == null ? null
                : org.leverdesk.config.ControlLock.besideConfig(services.configFile().path());
        org.leverdesk.ui.common.PassphrasePrompt prompt = new org.leverdesk.ui.common.PassphraseDialog(focusedWindow());
        org.leverdesk.ui.orders.TradingControls controls = org.leverdesk.ui.orders.LockedTradingControls.of(
                services.tradingControls(), lock, prompt);
        // One Backtest view model, shared with the Research view, which opens runs in it.
        BacktestViewModel[] backtest = new BacktestViewModel[1];
        java.util.function.Supplier<BacktestViewModel> backtestModel = () -> {
            if (backtest[0] == null) {
                backtest[0] = new BacktestViewModel(services.backtests(), services.savedRuns(), services.research().parity(), executor,
                        clock, org.leverdesk.strategy.catalog.StrategyCatalog.builtIn(), org.leverdesk.ui.common.Debouncer.fx());
            }
            return backtest[0];
        };
        if (services.dashboard() != null) {
            // "Close strategy…" is force-exit --strategy S: the same emergency exit and scope builder, its own thread per press
            java.util.function.Supplier<org.leverdesk.ui.dashboard.StrategyCloseViewModel> strategyClose = () ->
                    panic == null || services.strategyScopes() == null ? null : new org.leverdesk.ui.dashboard.StrategyCloseViewModel(
                            new org.leverdesk.ui.orders.StrategyClose(panic, services.strategyScopes()),
                            new org.leverdesk.ui.common.ConfirmDialog(focusedWindow()));
            items.add(new NavItem("Dashboard", () -> DashboardView.load(new DashboardViewModel(services.dashboard(),
                    controls, executor, clock.getZone()), strategyClose.get())));
        }
        items.add(new NavItem("Backtest", () -> BacktestView.load(backtestModel.get(),
                org.leverdesk.ui.common.LayoutMemory.besideConfig(services.configFile() == null ? null : services.configFile().path()),
                symbols::known)));
        items.add(new NavItem("Research", () -> org.leverdesk.ui.research.ResearchViews.create(services, executor, clock, run -> {
            backtestModel.get().open(run);
            showView.accept("Backtest");
        })));
        if (services.strategyVersions() != null) {
            items.add(new NavItem("Strategies", () -> StrategiesView.load(
                    new StrategiesViewModel(services.strategyVersions(), executor, clock.getZone()), symbols::known)));
        }
        if (services.prices() != null) {
            items.add(new NavItem("Chart", () -> chartView(services, executor, clock, symbols)));
            items.add(new NavItem("Options", () -> org.leverdesk.ui.options.OptionsViews.create(services, executor, clock,
                    new org.leverdesk.ui.common.ConfirmDialog(focusedWindow()))));
        }
        if (services.regimeInsight() != null) {
            items.add(new NavItem("Regime", () -> RegimeView.load(new RegimeViewModel(services.regimeInsight(), executor),
                    services.regimeInsight().config().signals())));
        }
        if (services.rotationInsight() != null) {
            items.add(new NavItem("Rotation", () -> RotationView.load(new RotationViewModel(services.rotationInsight(), executor))));
        }
        if (services.broker() != null) {
            items.add(new NavItem("Orders", () -> OrdersView.load(new OrdersViewModel(services.broker(), controls,
                    services.reconciliation(), services.orderHistory(), executor, clock),
                    services.positionHolds() == null ? null : new org.leverdesk.ui.orders.PositionHoldsViewModel(
                            services.positionHolds(), executor, new org.leverdesk.ui.common.ConfirmDialog(focusedWindow())))));
        }
        if (services.journal() != null) {
            items.add(new NavItem("Journal", () -> JournalView.load(new JournalViewModel(services.journal(), executor, clock))));
        }
        items.add(new NavItem("Data", () -> {
            DataViewModel data = new DataViewModel(services.dataCatalog(), services.dataUpdater(), executor);
            data.setOnImported(onDataChanged);
            return DataView.load(data);
        }));
        if (services.configFile() != null && services.strategyVersions() != null) {
            items.add(new NavItem("Settings", () -> {
                SettingsViewModel settings = new SettingsViewModel(services.configFile(), services.secrets(), services.strategyVersions(),
                        executor, services.notificationTest(), themes);
                settings.setControlLock(lock, prompt);
                return SettingsView.load(settings, symbols::known);
            }));
        }
        return List.copyOf(items);
    }

    /** The window's emergency close, or null without a broker or an emergency path (then no Close all button). */
    private static PanicClose panicClose(AppServices services, TaskExecutor executor) {
        // The panic close gets its own thread per press, not the shared executor: it must work while a job holds that.
        return services.broker() == null || services.emergency() == null ? null
                : new PanicClose(services.emergency(), PanicClose.DEFAULT_TIMEOUT, executor::runOnUiThread);
    }

    /** The window a dialog belongs to: the focused one. */
    private static java.util.function.Supplier<javafx.stage.Window> focusedWindow() {
        return () -> javafx.stage.Window.getWindows().stream().filter(javafx.stage.Window::isFocused).findFirst().orElse(null);
    }

    /** The Chart view with its watchlist (kept beside the config) and, with a broker, the order ticket. */
    private static javafx.scene.Node chartView(AppServices services, TaskExecutor executor, Clock clock, SymbolDirectory symbols) {
        Path folder = services.configFile() == null ? null : services.configFile().path().getParent();
        executor.execute(() -> {
            symbols.refreshBroker();
            return true;
        }, ok -> { }, failed -> { });
        WatchlistViewModel watch = new WatchlistViewModel(new MarketQuotes(services.broker(), services.prices(), clock),
                new WatchlistStore(folder), executor, clock.getZone());
        SymbolChartViewModel chart = new SymbolChartViewModel(services.prices(), symbols, services.savedRuns(), executor, clock);
        return SymbolChartView.load(chart, watch, services.manualOrders() == null ? null
                : () -> new TicketViewModel(services.manualOrders(), executor), symbols::known);
    }

    /** The root node of the main window; add {@link #STYLESHEET} to its scene. */
    public static Parent create(AppServices services, TaskExecutor executor, Clock clock) {
        // Themes need a place to remember the choice: the config folder (no config file: the stock look, as in most tests).
        ThemeManager themes = services.configFile() == null ? null : new ThemeManager(services.configFile().path().getParent());
        return create(services, executor, clock, themes);
    }

    /**
     * The desktop app's window: like {@link #create(AppServices, TaskExecutor, Clock)}, and once the window is up
     * the views not opened yet are built in idle time ({@link ViewPreparation}), so each opens at once.
     */
    public static Parent createPrepared(AppServices services, TaskExecutor executor, Clock clock) {
        // -Dleverdesk.prepareViews=false: each view is built when first opened (to compare, installer/measure-views.sh)
        return create(services, executor, clock,
                services.configFile() == null ? null : new ThemeManager(services.configFile().path().getParent()),
                ViewPreparation.chosen(System.getProperty("leverdesk.prepareViews")));
    }

    /** Like {@link #create(AppServices, TaskExecutor, Clock)} with the theme manager to use (null: no theme). */
    public static Parent create(AppServices services, TaskExecutor executor, Clock clock, ThemeManager themes) {
        return create(services, executor, clock, themes, List.of());
    }

    /** @param prepared the views built in idle time once the window is up (none: each is built when first opened) */
    private static Parent create(AppServices services, TaskExecutor executor, Clock clock, ThemeManager themes,
                                 List<String> prepared) {
        MainViewModel status = new MainViewModel(services);
        PanicClose panic = panicClose(services, executor);
        if (themes != null) {
            themes.applyNow();
        }
        MainView[] shown = new MainView[1];
        MainView view = new MainView(status, navigation(services, executor, clock, status::refresh, themes,
                title -> shown[0].showView(title), panic), panic);
        shown[0] = view;
        view.setThemes(themes);
        Parent root = FxmlViews.load(view);
        // a view prepared in idle time is kept until the data it asked for has arrived (then it is drawn once, hidden)
        java.util.function.BooleanSupplier settled = executor instanceof org.leverdesk.ui.common.FxTaskExecutor fx ? fx::idle : () -> true;
        // once the window is up, the other views' classes are loaded in the background (their first opening is faster)
        root.sceneProperty().addListener(new javafx.beans.value.ChangeListener<>() {
            @Override
            public void changed(javafx.beans.value.ObservableValue<? extends javafx.scene.Scene> o, javafx.scene.Scene was,
                                javafx.scene.Scene scene) {
                if (scene != null) {
                    root.sceneProperty().removeListener(this);
                    // then the views not opened yet are built, one at a time, on the JavaFX thread (decision record 0034)
                    ClassWarmup.start(ClassWarmup.views(), WARMUP_DELAY_MILLIS,
                            prepared.isEmpty() ? () -> { }
                                    : () -> javafx.application.Platform.runLater(() -> ViewPreparation.start(view, settled, prepared)));
                }
            }
        });
        if (themes != null) {
            root.sceneProperty().addListener((obs, old, scene) -> {
                if (scene != null) {
                    themes.register(scene);
                }
            });
        }
        return root;
    }
}
