package org.leverdesk.ui.shell;

import org.leverdesk.ui.AppServices;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/** The main window's status bar: trading mode, data source and store path, as text. */
public final class MainViewModel {
    private final ReadOnlyStringWrapper modeText = new ReadOnlyStringWrapper();
    private final ReadOnlyBooleanWrapper simulated = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper dataSourceText = new ReadOnlyStringWrapper();
    private final ReadOnlyStringWrapper storeText = new ReadOnlyStringWrapper();

    public MainViewModel(AppServices services) {
        AppServices.Mode mode = services.mode();
        simulated.set(mode == AppServices.Mode.DEMO);
        modeText.set(switch (mode) {
            case DEMO -> "DEMO · simulated prices";
            case PAPER -> "PAPER";
            case LIVE -> "LIVE";
        });
        dataSourceText.set("Data: " + services.dataSourceLabel());
        storeText.set(services.storePath() == null ? "Store: none" : "Store: " + services.storePath());
    }

    /** "DEMO · simulated prices", "PAPER" or "LIVE". */
    public ReadOnlyStringProperty modeTextProperty() {
        return modeText.getReadOnlyProperty();
    }

    /** True when prices are simulated: the view shows the mode as a warning. */
    public ReadOnlyBooleanProperty simulatedProperty() {
        return simulated.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty dataSourceTextProperty() {
        return dataSourceText.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty storeTextProperty() {
        return storeText.getReadOnlyProperty();
    }
}
