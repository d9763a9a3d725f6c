package org.leverdesk.ui.firstrun;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.leverdesk.common.CancellationToken;
import org.leverdesk.config.AppConfig;
import org.leverdesk.config.BrokerKind;
import org.leverdesk.config.ConfigFile;
import org.leverdesk.config.Secrets;
import org.leverdesk.ui.TestTaskExecutor;
import org.leverdesk.ui.firstrun.FirstRunViewModel.Choice;

/** The first-run choices without a screen: config and secrets in a temp folder, a fake key check and history port. */
class FirstRunViewModelTest {
    @TempDir
    Path dir;
    private final TestTaskExecutor executor = new TestTaskExecutor();

    private ConfigFile config() {
        return new ConfigFile(dir.resolve("config.json"));
    }

    private Secrets secrets() {
        return new Secrets(dir.resolve("secrets.properties"), Map.of());
    }

    @Test
    void demoIsTheDefaultAndOneFinishWritesTheDefaultConfig() {
        FirstRunViewModel vm = new FirstRunViewModel(config(), secrets(), executor, null, null);
        assertEquals(Choice.DEMO, vm.choiceProperty().get());
        assertFalse(vm.alpacaAvailable());
        assertFalse(vm.historyAvailable());
        vm.finish();
        assertTrue(vm.doneProperty().get());
        // The starter config: the paper broker with the regime strategy enabled, so the scheduler has a job.
        assertEquals(AppConfig.starter(), config().load());
        assertEquals(java.util.List.of("regime"), config().load().enabledStrategies().stream()
                .map(org.leverdesk.config.StrategySettings::strategyId).toList());
    }

    @Test
    void alpacaNeedsAcceptedKeysThenHistoryFetchReportsProgressAndCanBeCancelled() {
        AtomicReference<CancellationToken> seen = new AtomicReference<>();
        FirstRunViewModel vm = new FirstRunViewModel(config(), secrets(), executor,
                c -> c.keyId().equals("PK1") ? KeyCheckResult.ok("paper account PA1") : KeyCheckResult.failed("unknown key id"),
                (progress, cancel) -> {
                    seen.set(cancel);
                    progress.progress(0.5, "QQQ: 3,000 bars");
                    cancel.throwIfCancelled();
                    return "fetched 3 symbols";
                });
        vm.choiceProperty().set(Choice.ALPACA);
        assertFalse(vm.canFinishProperty().get());
        vm.keyIdProperty().set("PK0");
        vm.secretKeyProperty().set("s3cret");
        vm.connectAlpaca();
        assertEquals("Not connected: unknown key id", vm.errorProperty().get());
        assertFalse(config().exists());

        vm.keyIdProperty().set("PK1");
        vm.connectAlpaca();
        assertTrue(vm.connectedProperty().get());
        assertEquals("", vm.secretKeyProperty().get(), "the secret is not kept in the form");
        assertEquals("s3cret", secrets().get(Secrets.ALPACA_SECRET_KEY).orElseThrow());
        assertEquals(BrokerKind.ALPACA, config().load().broker().kind());
        assertTrue(vm.canFinishProperty().get());

        vm.fetchHistory();
        assertEquals("fetched 3 symbols", vm.messageProperty().get());
        assertEquals(1.0, vm.fetchProgressProperty().get());

        executor.hold();
        vm.fetchHistory();
        assertTrue(vm.fetchingProperty().get());
        assertFalse(vm.canFinishProperty().get(), "no finishing mid-fetch");
        vm.cancelFetch();
        executor.runPending();
        assertTrue(seen.get().isCancelled());
        assertFalse(vm.fetchingProperty().get());
        assertTrue(vm.messageProperty().get().startsWith("History fetch cancelled"), vm.messageProperty().get());
        vm.finish();
        assertTrue(vm.doneProperty().get());
        assertEquals(BrokerKind.ALPACA, config().load().broker().kind(), "finishing keeps the Alpaca config");
    }
}
