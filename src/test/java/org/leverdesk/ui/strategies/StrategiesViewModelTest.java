package org.leverdesk.ui.strategies;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.leverdesk.store.Store;
import org.leverdesk.store.StrategyVersionRepository;
import org.leverdesk.strategy.catalog.ParameterChange;
import org.leverdesk.strategy.catalog.StrategyCatalog;
import org.leverdesk.strategy.catalog.StrategyVersion;
import org.leverdesk.ui.TestTaskExecutor;

/** The Strategies view model over a real store, with work run synchronously (no screen, no robot). */
class StrategiesViewModelTest {
    private static final Instant T = Instant.parse("2025-01-02T14:30:00Z");
    @TempDir
    Path dir;
    private Store store;
    private StrategyVersionRepository repo;
    private final TestTaskExecutor executor = new TestTaskExecutor();
    private StrategiesViewModel vm;

    @BeforeEach
    void open() {
        store = Store.open(dir);
        repo = new StrategyVersionRepository(store, Clock.fixed(T, ZoneOffset.UTC), StrategyCatalog.builtIn());
        vm = new StrategiesViewModel(repo, executor, ZoneOffset.UTC);
    }

    @AfterEach
    void close() {
        store.close();
    }

    private org.leverdesk.ui.common.form.FieldModel field(String name) {
        return vm.editor().stream().filter(p -> p.key().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void opensOnTheFirstStrategyWithItsDefaultsVersionInTheEditor() {
        assertEquals("monthly-rebalance", vm.strategyProperty().get().id());
        assertEquals(1, vm.versions().size());
        StrategyVersion defaults = vm.versions().get(0);
        assertTrue(defaults.active());
        assertEquals("defaults", defaults.createdBy());
        assertEquals("2025-01-02 14:30", vm.created(defaults));
        assertEquals(defaults, vm.editingProperty().get());
        assertEquals(List.of("allocation", "limitOffsetBps", "orderStyle"), vm.editor().stream().map(org.leverdesk.ui.common.form.FieldModel::key).toList());
        assertEquals("2,000.00", field("allocation").valueProperty().get(), "money with two decimals");
        assertEquals("Allocation", field("allocation").label());
        assertEquals("0.5", field("limitOffsetBps").valueProperty().get(), "50 basis points shown as 0.5%");
        assertTrue(vm.validProperty().get());
        assertFalse(vm.canSaveProperty().get(), "nothing changed yet");
    }

    @Test
    void invalidValuesShowTheStrategysReasonAndCannotBeSaved() {
        field("allocation").valueProperty().set("lots");
        assertFalse(vm.validProperty().get());
        assertFalse(vm.canSaveProperty().get());
        String message = vm.validationMessageProperty().get();
        assertEquals("Allocation must be a number (got 'lots')", message, "in the label, not the code name");
        assertFalse(message.contains("\n"));
        vm.save();
        assertEquals(1, repo.list("monthly-rebalance").size(), "nothing invalid is saved");
        field("allocation").valueProperty().set("2500");
        assertEquals("", vm.validationMessageProperty().get());
        assertTrue(vm.canSaveProperty().get());
    }

    @Test
    void savingCreatesAChildOfTheEditedVersionAndEditsIt() {
        StrategyVersion defaults = vm.editingProperty().get();
        field("allocation").valueProperty().set("2500");
        assertTrue(field("allocation").changedProperty().get());
        vm.save();
        assertEquals(2, vm.versions().size());
        StrategyVersion saved = vm.versions().get(0);
        assertEquals(2, saved.number());
        assertEquals(defaults.id(), saved.parentId());
        assertEquals("user", saved.createdBy());
        assertEquals("2500", saved.parameters().get("allocation"));
        assertEquals(saved, vm.editingProperty().get());
        assertEquals("Saved version 2 from version 1", vm.statusMessageProperty().get());
        assertFalse(vm.canSaveProperty().get());

        // The defaults again (in another spelling) are found, not saved twice.
        field("allocation").valueProperty().set("2000.0");
        vm.save();
        assertEquals(2, vm.versions().size());
        assertEquals("Same parameters as version 1; nothing new was saved", vm.statusMessageProperty().get());
        assertEquals(defaults.id(), vm.editingProperty().get().id());
    }

    @Test
    void twoSelectedVersionsAreComparedOlderToNewer() {
        field("allocation").valueProperty().set("3000");
        field("limitOffsetBps").valueProperty().set("0.25"); // percent: 25 basis points
        vm.save();
        StrategyVersion v2 = vm.versions().get(0);
        StrategyVersion v1 = vm.versions().get(1);
        vm.select(List.of(v2, v1));
        assertEquals(List.of(new ParameterChange("allocation", "2000", "3000", ParameterChange.Kind.CHANGED),
                new ParameterChange("limitOffsetBps", "50", "25", ParameterChange.Kind.CHANGED)), vm.differences());
        assertEquals("Version 1 → version 2: 2 parameters differ", vm.diffTitleProperty().get());
        assertEquals("Version 1", vm.diffAProperty().get());
        assertEquals("Version 2", vm.diffBProperty().get());
        assertEquals(v2, vm.editingProperty().get(), "comparing keeps the editor as it was");

        vm.select(List.of(v1));
        assertTrue(vm.differences().isEmpty());
        assertEquals("", vm.diffTitleProperty().get());
        assertEquals(v1, vm.editingProperty().get());
        assertEquals("2,000.00", field("allocation").valueProperty().get(), "money with two decimals");
        assertEquals("Allocation", field("allocation").label());
        assertEquals("0.5", field("limitOffsetBps").valueProperty().get(), "50 basis points shown as 0.5%");
    }

    @Test
    void makeActiveMovesTheActiveMarker() {
        field("allocation").valueProperty().set("3000");
        vm.save();
        StrategyVersion v2 = vm.versions().get(0);
        vm.makeActive(v2);
        assertEquals("Version 2 is now active", vm.statusMessageProperty().get());
        assertEquals(List.of(true, false), vm.versions().stream().map(StrategyVersion::active).toList());
        assertEquals(v2.id(), repo.active("monthly-rebalance").id());
        assertTrue(vm.editingProperty().get().active());
    }

    @Test
    void choosingAnotherStrategyListsItsVersions() {
        vm.strategyProperty().set(vm.strategies().stream().filter(s -> s.id().equals("rsi2")).findFirst().orElseThrow());
        assertEquals(1, vm.versions().size());
        assertEquals("rsi2", vm.versions().get(0).strategyId());
        assertEquals("30", field("entryRsi").valueProperty().get());
        assertEquals(19, vm.editor().size());
    }

    @Test
    void everyInvalidFieldShowsItsOwnProblemAtOnceAndRulesBetweenFieldsUseLabels() {
        vm.strategyProperty().set(vm.strategies().stream().filter(s -> s.id().equals("rsi2")).findFirst().orElseThrow());
        field("rsiPeriod").valueProperty().set("0");
        field("hedgePercent").valueProperty().set("abc");
        assertEquals("RSI period must be between 1 and 100 bars (got 0 bars)", field("rsiPeriod").problemProperty().get());
        assertEquals("Hedge size must be a number (got 'abc')", field("hedgePercent").problemProperty().get());
        assertEquals("RSI period must be between 1 and 100 bars (got 0 bars)\nHedge size must be a number (got 'abc')",
                vm.validationMessageProperty().get(), "both at once, in form order");
        field("rsiPeriod").valueProperty().set("2");
        field("hedgePercent").valueProperty().set("30");
        field("entryRsi").valueProperty().set("80");
        assertEquals("Entry RSI (80.0) must be below Exit RSI (75.0)", field("entryRsi").problemProperty().get());
        assertEquals("", field("exitRsi").problemProperty().get());
        assertFalse(vm.canSaveProperty().get());
        field("hedge").valueProperty().set("false");
        assertEquals("false", vm.editor().stream().filter(f -> f.key().equals("hedge")).findFirst().orElseThrow().stored());
    }

    @Test
    void aSaveThatFailsShowsOneLineAndKeepsTheEdits() {
        field("allocation").valueProperty().set("3000");
        store.close();
        vm.save();
        assertTrue(vm.errorMessageProperty().get().startsWith("Could not save the version: "), vm.errorMessageProperty().get());
        assertFalse(vm.busyProperty().get());
        assertEquals("3000", field("allocation").valueProperty().get());
    }
}
