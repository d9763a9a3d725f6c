package org.leverdesk.research.advisor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class LlmClientTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void anthropicMessagesApi() throws Exception {
        try (FakeLlmServer server = new FakeLlmServer()) {
            server.reply(200, "{\"content\":[{\"type\":\"text\",\"text\":\"{\\\"parameters\\\":{\\\"entryRsi\\\":25}}\"}]}");
            LlmClient client = new LlmClient(new LlmSettings("anthropic", server.url("/v1/messages"), "some-model", Duration.ofSeconds(5)),
                    "sk-test-123");
            assertEquals("{\"parameters\":{\"entryRsi\":25}}", client.complete("Which entryRsi?"));
            FakeLlmServer.Request r = server.requests().get(0);
            assertEquals("/v1/messages", r.path());
            assertEquals("sk-test-123", r.header("x-api-key"));
            assertEquals("2023-06-01", r.header("anthropic-version"));
            JsonNode body = JSON.readTree(r.body());
            assertEquals("some-model", body.get("model").asText());
            assertEquals("user", body.get("messages").get(0).get("role").asText());
            assertEquals("Which entryRsi?", body.get("messages").get(0).get("content").asText());
            assertTrue(body.get("max_tokens").asInt() > 0);
        }
    }

    @Test
    void openAiChatCompletions() throws Exception {
        try (FakeLlmServer server = new FakeLlmServer()) {
            server.reply(200, "{\"choices\":[{\"message\":{\"role\":\"assistant\",\"content\":\"keep it\"}}]}");
            LlmClient client = new LlmClient(new LlmSettings("openai", server.url("/v1/chat/completions"), "m", null), "key-1");
            assertEquals("keep it", client.complete("hello"));
            assertEquals("Bearer key-1", server.requests().get(0).header("Authorization"));
            assertEquals(0, JSON.readTree(server.requests().get(0).body()).get("temperature").asInt());
        }
    }

    @Test
    void errorsAreOneLineAndNeverShowTheKey() throws Exception {
        try (FakeLlmServer server = new FakeLlmServer()) {
            server.reply(401, "{\"error\":{\"message\":\"invalid x-api-key sk-secret-9\"}}");
            LlmClient client = new LlmClient(new LlmSettings("anthropic", server.url("/v1/messages"), "m", null), "sk-secret-9");
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> client.complete("q"));
            assertTrue(e.getMessage().contains("answered HTTP 401"), e.getMessage());
            assertFalse(e.getMessage().contains("sk-secret-9"), e.getMessage());
            assertEquals(1, server.requests().size(), "sent once, never retried");
            server.reply(200, "{\"content\":[]}");
            assertThrows(IllegalStateException.class, () -> client.complete("q"));
        }
    }

    @Test
    void plainHttpOnlyToThisMachineAndAModelAndKeyAreNeeded() {
        assertThrows(IllegalArgumentException.class, () -> new LlmSettings("openai", "http://llm.example.com/v1", "m", null));
        assertEquals("https://api.anthropic.com/v1/messages", new LlmSettings("anthropic", "", "m", null).endpoint());
        new LlmSettings("openai", "http://localhost:11434/v1/chat/completions", "llama", null);
        assertThrows(IllegalArgumentException.class, () -> new LlmSettings("gemini", "", "m", null));
        assertThrows(IllegalArgumentException.class, () -> new LlmSettings("anthropic", "", " ", null));
        assertThrows(IllegalArgumentException.class, () -> new LlmClient(new LlmSettings("anthropic", "", "m", null), ""));
    }
}
