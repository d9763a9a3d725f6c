package org.leverdesk.research.cluster;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.core.HazelcastInstanceAware;
import java.io.Serializable;
import java.time.LocalDate;
import java.util.concurrent.Callable;

/** Asks a worker for the fingerprint of the prices it would backtest on. */
final class FingerprintTask implements Callable<String>, Serializable, HazelcastInstanceAware {
    private static final long serialVersionUID = 1L;
    private final String strategyId;
    private final String symbol;
    private final long to;
    private transient HazelcastInstance instance;

    FingerprintTask(String strategyId, String symbol, LocalDate to) {
        this.strategyId = strategyId;
        this.symbol = symbol;
        this.to = to.toEpochDay();
    }

    @Override
    public void setHazelcastInstance(HazelcastInstance instance) {
        this.instance = instance;
    }

    @Override
    public String call() {
        Object prices = instance.getUserContext().get(ClusterMembers.PRICES);
        if (!(prices instanceof PriceFingerprints p)) {
            throw new IllegalStateException("member " + instance.getName() + " is not a Leverdesk worker");
        }
        return p.of(strategyId, symbol, LocalDate.ofEpochDay(to));
    }
}
