package io.taskforge.api.docs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.taskforge.support.ApiClient.Answer;
import io.taskforge.support.ApiIntegrationTest;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;

/** The OpenAPI document and Swagger UI are open, and describe the seed 002 and canonical paths. */
class OpenApiIT extends ApiIntegrationTest {

    @Test
    void serves_the_document_and_the_ui_without_a_key() {
        assertThat(api(null).get("/v3/api-docs").status()).isEqualTo(200);
        Answer ui = api(null).get("/swagger-ui/index.html");
        assertThat(ui.status()).isEqualTo(200);
        assertThat(ui.body().asText()).contains("swagger-ui");
    }

    @Test
    void lists_the_seed_002_and_canonical_paths() {
        JsonNode paths = spec().path("paths");

        assertThat(paths.path("/health").has("get")).isTrue();
        assertThat(paths.path("/ready").has("get")).isTrue();
        assertThat(paths.path("/metrics").has("get")).isTrue();
        assertThat(paths.path("/api/v1/tasks").has("get")).isTrue();
        assertThat(paths.path("/api/v1/tasks").has("post")).isTrue();
        assertThat(paths.path("/api/v1/tasks/{taskId}/logs").has("get")).isTrue();
        assertThat(paths.has("/error")).isFalse();
    }

    @Test
    void describes_the_api_and_its_version() {
        JsonNode info = spec().path("info");

        assertThat(info.path("title").asText()).isEqualTo("Taskforge API");
        assertThat(info.path("description").asText()).contains("X-API-Key");
        assertThat(info.path("version").asText()).isNotBlank();
    }

    @Test
    void asks_for_an_api_key_everywhere_except_on_the_open_endpoints() {
        JsonNode spec = spec();
        JsonNode schemes = spec.path("components").path("securitySchemes");

        assertThat(schemes.path("bearer").path("scheme").asText()).isEqualTo("bearer");
        assertThat(schemes.path("api_key").path("in").asText()).isEqualTo("header");
        assertThat(schemes.path("api_key").path("name").asText()).isEqualTo("X-API-Key");
        assertThat(names(spec.path("security"))).containsExactly("bearer", "api_key");
        for (String open : List.of("/health", "/ready", "/metrics")) {
            JsonNode security = spec.path("paths").path(open).path("get").path("security");
            assertThat(security.isArray()).as(open).isTrue();
            assertThat(security).as(open).isEmpty();
        }
        assertThat(spec.path("paths")
                        .path("/api/v1/tasks/{taskId}/logs")
                        .path("get")
                        .has("security"))
                .isFalse();
    }

    @Test
    void groups_the_endpoints_by_tag() {
        JsonNode spec = spec();

        assertThat(names(spec.path("tags"), "name")).contains(ApiTags.TASKS, ApiTags.TASK_LOGS, ApiTags.MONITORING);
        assertThat(spec.path("paths")
                        .path("/health")
                        .path("get")
                        .path("tags")
                        .get(0)
                        .asText())
                .isEqualTo(ApiTags.MONITORING);
        assertThat(spec.path("paths")
                        .path("/api/v1/tasks/{taskId}/logs")
                        .path("get")
                        .path("tags")
                        .get(0)
                        .asText())
                .isEqualTo(ApiTags.TASK_LOGS);
    }

    @Test
    void documents_the_live_streams_as_event_streams_and_the_token_endpoint() {
        JsonNode paths = spec().path("paths");

        for (String stream : List.of("/api/v1/tasks/{taskId}/events/stream", "/api/v1/events/stream")) {
            JsonNode get = paths.path(stream).path("get");
            assertThat(get.path("tags").get(0).asText()).as(stream).isEqualTo(ApiTags.LIVE);
            assertThat(get.path("responses").path("200").path("content").has("text/event-stream"))
                    .as(stream)
                    .isTrue();
        }
        assertThat(paths.path("/api/v1/events/stream")
                        .path("get")
                        .path("parameters")
                        .findValuesAsText("name"))
                .contains("type", "status", "owner", "after", "Last-Event-ID");
        JsonNode token = paths.path("/api/v1/live/token").path("post");
        assertThat(token.path("tags").get(0).asText()).isEqualTo(ApiTags.LIVE);
        assertThat(token.path("responses").has("201")).isTrue();
    }

    @Test
    void names_response_fields_as_the_api_writes_them() {
        JsonNode schemas = spec().path("components").path("schemas");

        assertThat(schemas.path("HealthDatabase").path("properties").has("latency_ms"))
                .isTrue();
        assertThat(schemas.path("HealthDatabase").path("type").asText()).isEqualTo("object");
        assertThat(schemas.path("TaskResource").path("properties").has("task_id"))
                .isTrue();
        assertThat(schemas.path("TaskResource").path("properties").has("in_dlq"))
                .isTrue();
        assertThat(schemas.path("HealthReport")
                        .path("properties")
                        .path("status")
                        .path("enum"))
                .extracting(JsonNode::asText)
                .containsExactly("healthy", "degraded", "unhealthy");
    }

    private JsonNode spec() {
        Answer spec = api(null).get("/v3/api-docs");
        assertThat(spec.status()).isEqualTo(200);
        return spec.body();
    }

    /** The keys of each requirement object in a security list. */
    private static List<String> names(JsonNode security) {
        return StreamSupport.stream(security.spliterator(), false)
                .flatMap(requirement ->
                        StreamSupport.stream(((Iterable<String>) requirement::fieldNames).spliterator(), false))
                .toList();
    }

    private static List<String> names(JsonNode array, String field) {
        return StreamSupport.stream(array.spliterator(), false)
                .map(node -> node.path(field).asText())
                .toList();
    }
}
