package org.leverdesk.config;

import org.leverdesk.common.LoopbackHost;

/**
 * The research advisor: the optional LLM (off by default; {@code llmApi} anthropic or openai, the endpoint
 * URL or empty for the API's own, the model; the key is the {@code LLM_API_KEY} secret) and whether a
 * suggestion with a measured confidence above 0.5 is made active at once, which only ever happens for a
 * paper account.
 */
public record AdvisorSettings(boolean llmEnabled, String llmApi, String llmEndpoint, String llmModel, boolean autoApplyPaper) {
    public AdvisorSettings {
        llmApi = llmApi == null || llmApi.isBlank() ? "anthropic" : llmApi.trim();
        llmEndpoint = llmEndpoint == null ? "" : llmEndpoint.trim();
        llmModel = llmModel == null ? "" : llmModel.trim();
    }

    public static AdvisorSettings defaults() {
        return new AdvisorSettings(false, "anthropic", "", "", false);
    }

    /** Why {@code endpoint} cannot be used, if it cannot: not a URL, or plain HTTP to another machine. */
    public static java.util.Optional<String> endpointProblem(String endpoint) {
        java.net.URI uri;
        try {
            uri = java.net.URI.create(endpoint);
        } catch (IllegalArgumentException e) {
            return java.util.Optional.of("the LLM endpoint '" + endpoint + "' is not a URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(java.util.Locale.ROOT);
        String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(java.util.Locale.ROOT);
        if (host.isEmpty() || !(scheme.equals("https") || scheme.equals("http"))) {
            return java.util.Optional.of("the LLM endpoint '" + endpoint + "' must be an https:// URL");
        }
        if (scheme.equals("http") && !LoopbackHost.is(host)) {
            return java.util.Optional.of("the LLM endpoint must use https:// (plain http only to this machine); got " + endpoint);
        }
        return java.util.Optional.empty();
    }
}
