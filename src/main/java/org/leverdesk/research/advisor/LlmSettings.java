package org.leverdesk.research.advisor;

import java.time.Duration;
import java.util.Locale;
import org.leverdesk.config.AdvisorSettings;

/**
 * Where the optional LLM advisor is asked: the API flavour ({@code anthropic} Messages or {@code openai}
 * chat completions, which most local servers also speak), the endpoint URL (empty: the API's own), and
 * the model. The key is a secret and is passed separately. Endpoints must be HTTPS, except on this machine
 * (127.0.0.1, ::1, localhost) where a local server may speak plain HTTP.
 */
public record LlmSettings(String api, String endpoint, String model, Duration timeout) {
    public static final String ANTHROPIC = "anthropic";
    public static final String OPENAI = "openai";

    public LlmSettings {
        api = api == null || api.isBlank() ? ANTHROPIC : api.trim().toLowerCase(Locale.ROOT);
        if (!api.equals(ANTHROPIC) && !api.equals(OPENAI)) {
            throw new IllegalArgumentException("the LLM API must be anthropic or openai (got '" + api + "')");
        }
        endpoint = endpoint == null || endpoint.isBlank() ? defaultEndpoint(api) : endpoint.trim();
        problem(endpoint).ifPresent(p -> {
            throw new IllegalArgumentException(p);
        });
        if (model == null || model.isBlank()) {
            throw new IllegalArgumentException("the LLM advisor needs a model name, e.g. the one your provider lists");
        }
        model = model.trim();
        timeout = timeout == null ? Duration.ofSeconds(60) : timeout;
    }

    /** The API's own endpoint. */
    public static String defaultEndpoint(String api) {
        return OPENAI.equals(api) ? "https://api.openai.com/v1/chat/completions" : "https://api.anthropic.com/v1/messages";
    }

    /** Why {@code endpoint} cannot be used, if it cannot (see {@link AdvisorSettings#endpointProblem}). */
    public static java.util.Optional<String> problem(String endpoint) {
        return AdvisorSettings.endpointProblem(endpoint);
    }
}
