package org.leverdesk.research.cluster;

import java.util.Arrays;
import java.util.List;

/**
 * How a Leverdesk process joins a research cluster: the cluster name (members with another name are
 * ignored), the members to contact first ("host" or "host:port"; multicast and cloud discovery are off),
 * the port to listen on (the next free one is taken when it is in use), and optionally the one network
 * interface to use (e.g. 127.0.0.1 to stay on the machine).
 */
public record ClusterSettings(String clusterName, List<String> members, int port, String networkInterface) {
    public static final String DEFAULT_NAME = "leverdesk";
    public static final int DEFAULT_PORT = 5701;

    public ClusterSettings {
        clusterName = clusterName == null || clusterName.isBlank() ? DEFAULT_NAME : clusterName.trim();
        members = members == null ? List.of() : members.stream().map(String::trim).filter(m -> !m.isEmpty()).toList();
        if (port < 1 || port > 65_535) {
            throw new IllegalArgumentException("the cluster port must be between 1 and 65535 (got " + port + ")");
        }
        for (String m : members) {
            if (!m.matches("[A-Za-z0-9.\\-\\[\\]:]+")) {
                throw new IllegalArgumentException("cluster member '" + m + "' is not a host or host:port");
            }
        }
        networkInterface = networkInterface == null || networkInterface.isBlank() ? null : networkInterface.trim();
    }

    /** Settings from a comma-separated member list like "10.0.0.5:5701,10.0.0.6". */
    public static ClusterSettings of(String members, String clusterName, int port, String networkInterface) {
        return new ClusterSettings(clusterName, members == null ? List.of() : Arrays.asList(members.split(",")), port,
                networkInterface);
    }
}
