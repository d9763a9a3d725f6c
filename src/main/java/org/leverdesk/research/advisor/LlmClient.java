package org.leverdesk.research.advisor;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * One question to an LLM over HTTPS (OkHttp): Anthropic's Messages API ({@code x-api-key},
 * {@code anthropic-version: 2023-06-01}, answer in {@code content[].text}) or an OpenAI-style chat
 * completion ({@code Authorization: Bearer}, answer in {@code choices[0].message.content}). Failures become
 * one-line IllegalStateExceptions that never contain the key. The request is sent once: no retries.
 */
public final class LlmClient {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final MediaType JSON_TYPE = MediaType.get("application/json; charset=utf-8");
    private final LlmSettings settings;
    private final String apiKey;
    private final OkHttpClient http;

    public LlmClient(LlmSettings settings, String apiKey) {
        this(settings, apiKey, new OkHttpClient.Builder().retryOnConnectionFailure(false).build());
    }

    public LlmClient(LlmSettings settings, String apiKey, OkHttpClient base) {
        if (apiKey == null || apiKey.isBlank()) {
            throw new IllegalArgumentException("the LLM advisor needs an API key (LLM_API_KEY in the environment or Settings)");
        }
        this.settings = settings;
        this.apiKey = apiKey.trim();
        long ms = settings.timeout().toMillis();
        this.http = base.newBuilder().callTimeout(ms, TimeUnit.MILLISECONDS).readTimeout(ms, TimeUnit.MILLISECONDS).build();
    }

    /** The model's text answer to {@code prompt}. */
    public String complete(String prompt) {
        boolean anthropic = LlmSettings.ANTHROPIC.equals(settings.api());
        ObjectNode body = JSON.createObjectNode();
        body.put("model", settings.model());
        body.put("max_tokens", 1024);
        if (!anthropic) {
            body.put("temperature", 0);
        }
        ObjectNode message = body.putArray("messages").addObject();
        message.put("role", "user");
        message.put("content", prompt);
        Request.Builder request = new Request.Builder().url(settings.endpoint())
                .post(RequestBody.create(body.toString(), JSON_TYPE));
        if (anthropic) {
            request.header("x-api-key", apiKey).header("anthropic-version", "2023-06-01");
        } else {
            request.header("Authorization", "Bearer " + apiKey);
        }
        String host = okhttp3.HttpUrl.get(settings.endpoint()).host();
        try (Response response = http.newCall(request.build()).execute()) {
            ResponseBody rb = response.body();
            String text = rb == null ? "" : rb.string();
            if (!response.isSuccessful()) {
                throw new IllegalStateException("the LLM at " + host + " answered HTTP " + response.code() + ": " + excerpt(text));
            }
            JsonNode root = JSON.readTree(text);
            String answer = anthropic ? anthropicText(root) : root.path("choices").path(0).path("message").path("content").asText("");
            if (answer.isBlank()) {
                throw new IllegalStateException("the LLM at " + host + " sent no text in its answer");
            }
            return answer;
        } catch (IOException e) {
            throw new IllegalStateException("the LLM at " + host + " could not be reached or sent no valid JSON ("
                    + e.getClass().getSimpleName() + ")", e);
        }
    }

    private static String anthropicText(JsonNode root) {
        StringBuilder sb = new StringBuilder();
        for (JsonNode part : root.path("content")) {
            if ("text".equals(part.path("type").asText())) {
                sb.append(part.path("text").asText());
            }
        }
        return sb.toString();
    }

    private String excerpt(String body) {
        String line = body.replaceAll("\\s+", " ").replace(apiKey, "***").strip();
        return line.length() > 200 ? line.substring(0, 200) + "..." : line;
    }
}
