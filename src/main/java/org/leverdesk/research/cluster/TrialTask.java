package org.leverdesk.research.cluster;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.core.HazelcastInstanceAware;
import java.io.Serializable;
import java.time.LocalDate;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import org.leverdesk.common.CancellationToken;
import org.leverdesk.research.BacktestFunction;

/** One backtest, run on a worker with the worker's own {@link BacktestFunction} (the one engine, its prices). */
final class TrialTask implements Callable<TrialWire>, Serializable, HazelcastInstanceAware {
    private static final long serialVersionUID = 1L;
    private final BaseWire base;
    private final long from;
    private final long to;
    private final TreeMap<String, String> varied;
    private transient HazelcastInstance instance;

    TrialTask(BaseWire base, LocalDate from, LocalDate to, TreeMap<String, String> varied) {
        this.base = base;
        this.from = from.toEpochDay();
        this.to = to.toEpochDay();
        this.varied = varied;
    }

    @Override
    public void setHazelcastInstance(HazelcastInstance instance) {
        this.instance = instance;
    }

    @Override
    public TrialWire call() {
        Object fn = instance.getUserContext().get(ClusterMembers.BACKTESTS);
        if (!(fn instanceof BacktestFunction backtests)) {
            throw new IllegalStateException("member " + instance.getName() + " is not a Leverdesk worker");
        }
        return TrialWire.of(backtests.prepare(base.base(), LocalDate.ofEpochDay(from), LocalDate.ofEpochDay(to))
                .run(varied, CancellationToken.NONE));
    }
}
