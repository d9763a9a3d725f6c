package org.leverdesk.research.cluster;

import com.hazelcast.config.Config;
import com.hazelcast.config.ExecutorConfig;
import com.hazelcast.config.JavaSerializationFilterConfig;
import com.hazelcast.config.JoinConfig;
import com.hazelcast.config.NetworkConfig;
import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import org.leverdesk.research.BacktestFunction;

/**
 * Starts embedded Hazelcast members for research: a worker holds a {@link BacktestFunction} over its own
 * prices and runs backtests sent to it; a submitter is a lite member (it holds no data and runs nothing)
 * that sends them. Discovery is explicit TCP/IP only (multicast, auto-detection and phone-home are off),
 * and Java deserialization accepts only this package's task and result classes besides the JDK's basics.
 */
public final class ClusterMembers {
    /** The executor that runs research tasks on workers. */
    static final String EXECUTOR = "leverdesk-research";
    /** Where a worker keeps its backtest function (Hazelcast's user context). */
    static final String BACKTESTS = "leverdesk.backtests";
    /** Where a worker keeps its price fingerprints. */
    static final String PRICES = "leverdesk.prices";
    /** Member attribute: how many backtests a worker runs at once. */
    static final String CORES = "leverdesk.cores";

    private ClusterMembers() {
    }

    /**
     * Starts a worker that runs up to {@code threads} backtests at once with {@code backtests} and
     * answers price fingerprints from {@code prices}.
     */
    public static HazelcastInstance worker(ClusterSettings settings, BacktestFunction backtests, PriceFingerprints prices,
                                           int threads) {
        Config config = config(settings, "leverdesk-worker");
        config.getUserContext().put(BACKTESTS, backtests);
        config.getUserContext().put(PRICES, prices);
        config.getMemberAttributeConfig().setAttribute(CORES, Integer.toString(threads));
        config.addExecutorConfig(new ExecutorConfig(EXECUTOR).setPoolSize(threads).setQueueCapacity(0));
        return Hazelcast.newHazelcastInstance(config);
    }

    /** Starts a lite member that submits work to the workers and runs none itself. */
    public static HazelcastInstance submitter(ClusterSettings settings) {
        Config config = config(settings, "leverdesk-submitter");
        config.setLiteMember(true);
        return Hazelcast.newHazelcastInstance(config);
    }

    private static Config config(ClusterSettings s, String instanceName) {
        Config config = new Config();
        config.setInstanceName(instanceName + "-" + java.util.UUID.randomUUID());
        config.setClusterName(s.clusterName());
        config.setProperty("hazelcast.phone.home.enabled", "false");
        config.setProperty("hazelcast.logging.type", "slf4j");
        config.setProperty("hazelcast.shutdownhook.enabled", "false");
        NetworkConfig network = config.getNetworkConfig();
        network.setPort(s.port()).setPortAutoIncrement(true).setPortCount(20);
        if (s.networkInterface() != null) {
            config.setProperty("hazelcast.socket.bind.any", "false");
            network.getInterfaces().setEnabled(true).addInterface(s.networkInterface());
        }
        JoinConfig join = network.getJoin();
        join.getMulticastConfig().setEnabled(false);
        join.getAutoDetectionConfig().setEnabled(false);
        join.getTcpIpConfig().setEnabled(true).setMembers(s.members());
        JavaSerializationFilterConfig filter = new JavaSerializationFilterConfig();
        filter.getWhitelist().addPrefixes(ClusterMembers.class.getPackageName() + ".");
        config.getSerializationConfig().setJavaSerializationFilterConfig(filter);
        return config;
    }
}
