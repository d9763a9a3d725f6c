package org.leverdesk.research.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.hazelcast.core.HazelcastInstance;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.leverdesk.backtest.BacktestService;
import org.leverdesk.common.CancellationToken;
import org.leverdesk.common.ProgressListener;
import org.leverdesk.market.demo.DemoMarketData;
import org.leverdesk.market.demo.DemoMarketGenerator;
import org.leverdesk.research.Metric;
import org.leverdesk.research.ResearchFixture;
import org.leverdesk.research.RunnerBacktestFunction;
import org.leverdesk.research.Trial;
import org.leverdesk.research.sweep.ParameterAxis;
import org.leverdesk.research.sweep.SearchSpace;
import org.leverdesk.research.sweep.SweepRequest;
import org.leverdesk.research.sweep.SweepResult;
import org.leverdesk.research.sweep.SweepRunner;

/** A two-member Hazelcast cluster inside this JVM (loopback, TCP/IP members, no multicast): a worker and a submitter. */
class ClusterBacktestFunctionTest {

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    private static SweepRequest sweep() {
        return new SweepRequest(ResearchFixture.rsi2(), LocalDate.of(2019, 1, 2), LocalDate.of(2019, 12, 31),
                SearchSpace.grid(List.of(ParameterAxis.parse("entryRsi=10,30"), ParameterAxis.parse("exitRsi=70,90"))), Metric.SHARPE);
    }

    @Test
    void aSweepOnTheClusterEqualsTheSweepOnThisMachine() throws Exception {
        BacktestService engine = ResearchFixture.demoEngine();
        int workerPort = freePort();
        String name = "leverdesk-test-" + workerPort;
        HazelcastInstance worker = ClusterMembers.worker(new ClusterSettings(name, List.of("127.0.0.1:" + workerPort), workerPort,
                "127.0.0.1"), new RunnerBacktestFunction(engine, 2), new PriceFingerprints(engine), 2);
        try (ClusterBacktestFunction cluster = ClusterBacktestFunction.connect(new ClusterSettings(name,
                List.of("127.0.0.1:" + workerPort), freePort(), "127.0.0.1"), new PriceFingerprints(engine), java.time.Duration.ofSeconds(60))) {
            assertEquals(2, worker.getCluster().getMembers().size());
            assertEquals(2, cluster.parallelism(), "the worker's 2 threads; the submitter runs nothing");
            SweepResult remote = new SweepRunner(cluster, ResearchFixture.check()).run(sweep(), ProgressListener.NONE, CancellationToken.NONE);
            SweepResult local = new SweepRunner(new RunnerBacktestFunction(engine, 2), ResearchFixture.check())
                    .run(sweep(), ProgressListener.NONE, CancellationToken.NONE);
            assertEquals(4, remote.trials().size());
            for (int i = 0; i < 4; i++) {
                Trial r = remote.trials().get(i);
                Trial l = local.trials().get(i);
                assertEquals(l.parameters(), r.parameters());
                assertEquals(l.metrics(), r.metrics());
                assertEquals(l.equity().length, r.equity().length);
                assertEquals(l.dates()[l.dates().length - 1], r.dates()[r.dates().length - 1]);
                assertTrue(java.util.Arrays.equals(l.tradeReturns(), r.tradeReturns()));
            }
            // an invalid set comes back as the strategy's reason, as it would locally
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> cluster.prepare(ResearchFixture.rsi2(),
                    LocalDate.of(2019, 1, 2), LocalDate.of(2019, 3, 29)).run(java.util.Map.of("entryRsi", "95"), CancellationToken.NONE));
            assertTrue(e.getMessage().contains("entryRsi"), e.getMessage());
        } finally {
            worker.shutdown();
        }
    }

    @Test
    void aWorkerWithOtherPricesIsLeftOut() throws Exception {
        BacktestService here = ResearchFixture.demoEngine();
        BacktestService other = ResearchFixture.engine(new DemoMarketData(new DemoMarketGenerator(ResearchFixture.CALENDAR, 99),
                LocalDate.of(2024, 12, 31)));
        int workerPort = freePort();
        String name = "leverdesk-test-" + workerPort;
        HazelcastInstance worker = ClusterMembers.worker(new ClusterSettings(name, List.of("127.0.0.1:" + workerPort), workerPort,
                "127.0.0.1"), new RunnerBacktestFunction(other, 1), new PriceFingerprints(other), 1);
        try (ClusterBacktestFunction cluster = ClusterBacktestFunction.connect(new ClusterSettings(name,
                List.of("127.0.0.1:" + workerPort), freePort(), "127.0.0.1"), new PriceFingerprints(here), java.time.Duration.ofSeconds(60))) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> cluster.prepare(ResearchFixture.rsi2(), LocalDate.of(2019, 1, 2), LocalDate.of(2019, 12, 31)));
            assertTrue(e.getMessage().startsWith("no worker has the prices this machine has (TQQQ "), e.getMessage());
        } finally {
            worker.shutdown();
        }
    }

    @Test
    void noWorkerInTimeIsOneLine() throws Exception {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ClusterBacktestFunction.connect(
                new ClusterSettings("leverdesk-nobody", List.of("127.0.0.1:" + freePort()), freePort(), "127.0.0.1"),
                new PriceFingerprints(ResearchFixture.demoEngine()), java.time.Duration.ofSeconds(2)));
        assertTrue(e.getMessage().contains("start one there with 'leverdesk worker'"), e.getMessage());
    }
}
