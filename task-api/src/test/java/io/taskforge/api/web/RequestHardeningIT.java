package io.taskforge.api.web;

import static io.taskforge.support.ApiAssertions.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import io.taskforge.support.ApiClient;
import io.taskforge.support.ApiClient.Answer;
import io.taskforge.support.ApiIntegrationTest;
import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What the API does with input it cannot use: values no store accepts, unknown fields, values of the
 * wrong type, bodies that are too large and paths that are not valid. Every answer is an error in the
 * {@code {detail, type, request_id}} shape, none a 500.
 */
class RequestHardeningIT extends ApiIntegrationTest {

    private static final String TASKS = "/api/v1/tasks";
    private static final int ONE_MIB = 1024 * 1024;

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "description     | {\"type\": \"noop\", \"description\": \"a\\u0000b\"}",
                "problem_id      | {\"problem_id\": \"p\\u0000\"}",
                "idempotency_key | {\"type\": \"noop\", \"idempotency_key\": \"k\\u0000\"}",
                "input.note      | {\"type\": \"noop\", \"input\": {\"note\": \"\\u0000\"}}",
                "metadata.tags[1] | {\"type\": \"noop\", \"metadata\": {\"tags\": [\"a\", \"\\ud800\"]}}"
            })
    void refuses_text_that_cannot_be_stored_naming_the_field(String field, String body) {
        Answer refused = operator().post(TASKS, body);

        assertError(refused, 422, "validation_error");
        assertThat(refused.text("detail")).startsWith(field + " contains");
    }

    @Test
    void refuses_overlong_values_naming_the_field_and_the_limit() {
        Answer description = operator().post(TASKS, Map.of("type", "noop", "description", "d".repeat(2001)));
        String host = "h".repeat(300) + ".example";
        Answer url = operator().post(TASKS, Map.of("type", "http", "input", Map.of("url", "http://" + host + "/")));

        assertError(description, 422, "validation_error");
        assertThat(description.text("detail")).contains("description").contains("2000");
        assertError(url, 422, "validation_error");
        assertThat(url.text("detail")).contains("input.url").contains("194");
    }

    @Test
    void refuses_input_and_metadata_over_their_size_limits() {
        Answer input = operator().post(TASKS, Map.of("type", "noop", "input", Map.of("blob", "x".repeat(300_000))));
        Answer metadata =
                operator().post(TASKS, Map.of("type", "noop", "metadata", Map.of("blob", "x".repeat(20_000))));

        assertError(input, 422, "validation_error");
        assertThat(input.text("detail")).startsWith("input is ").contains("at most 262144");
        assertError(metadata, 422, "validation_error");
        assertThat(metadata.text("detail")).startsWith("metadata is ").contains("at most 16384");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "timeout_second    | {\"type\": \"noop\", \"timeout_second\": 5}",
                "retry.max_attempt | {\"type\": \"noop\", \"retry\": {\"max_attempt\": 2}}",
                "created_by        | {\"type\": \"noop\", \"created_by\": \"someone else\"}"
            })
    void refuses_unknown_fields_naming_them(String field, String body) {
        Answer refused = operator().post(TASKS, body);

        assertError(refused, 422, "validation_error");
        assertThat(refused.text("detail")).startsWith("unknown field '" + field + "'; known fields: ");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "description       | a string       | {\"type\": \"noop\", \"description\": true}",
                "priority          | a whole number | {\"type\": \"noop\", \"priority\": \"5\"}",
                "timeout_seconds   | a whole number | {\"type\": \"noop\", \"timeout_seconds\": 1.5}",
                "retry.max_attempts | a whole number | {\"type\": \"noop\", \"retry\": {\"max_attempts\": 2.5}}",
                "input             | a JSON object  | {\"type\": \"noop\", \"input\": \"text\"}"
            })
    void refuses_values_of_the_wrong_type_without_coercing_them(String field, String kind, String body) {
        Answer refused = operator().post(TASKS, body);

        assertError(refused, 422, "validation_error");
        assertThat(refused.text("detail")).isEqualTo("field '" + field + "' must be " + kind);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"{\"type\": \"noop\"} trailing", "{\"type\": \"noop\"} {}", "[]", "{\"type\": \"noop\""})
    void refuses_a_body_that_is_not_one_json_object(String body) {
        assertError(operator().post(TASKS, body), 400, "bad_request");
    }

    @Test
    void refuses_a_fractional_seed_002_timeout_and_accepts_the_documented_body() {
        Answer fraction = operator().post(TASKS, Map.of("problem_id", "p-1", "parameters", Map.of("timeout", 1.5)));
        Answer documented = operator().post(TASKS, """
                        {"problem_id": "test-problem-001",
                         "parameters": {"max_steps": 30, "timeout": 1800,
                                        "agent_config": {"model": "gpt-4", "temperature": 0.7}}}""");

        assertError(fraction, 422, "validation_error");
        assertThat(documented.status()).as(documented.body().toString()).isEqualTo(201);
        assertThat(documented.body().path("timeout_seconds").asLong()).isEqualTo(1800);
    }

    @Test
    void refuses_a_body_over_the_limit_whether_its_length_is_declared_or_not() {
        String large = "{\"type\": \"noop\", \"description\": \"" + "x".repeat(ONE_MIB) + "\"}";
        ApiClient operator = operator();

        Answer declared = operator.post(TASKS, large);
        Answer chunked = operator.send(operator.request(TASKS)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(large.getBytes()))));

        assertError(declared, 413, "payload_too_large");
        assertError(chunked, 413, "payload_too_large");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "/api/v1/tasks/a%2Fb, 400",
        "/api/v1/tasks/%00, 400",
        "/api/v1/tasks/%25, 400",
        "/api//v1/tasks, 400",
        "/api/v1/tasks;jsessionid=1, 400",
        "/api/v1/no-such-thing, 404",
        "/error, 404"
    })
    void answers_bad_paths_in_the_error_shape(String path, int status) {
        Answer answer = api(VIEWER_KEY).get(path);

        assertThat(answer.status()).as(answer.raw().body()).isEqualTo(status);
        assertThat(answer.raw().headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
        assertThat(answer.text("type")).isNotBlank();
        assertThat(answer.text("request_id")).isNotBlank();
    }

    @Test
    void answers_the_error_page_without_a_key_as_an_unknown_path() {
        assertError(api(null).get("/error"), 404, "not_found");
    }

    @Test
    void answers_a_wrong_method_and_a_wrong_media_type_in_the_error_shape() {
        ApiClient operator = operator();

        Answer method = operator.post("/health");
        Answer mediaType = operator.send(operator.request(TASKS)
                .header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString("type=noop")));

        assertError(method, 405, "method_not_allowed");
        assertThat(method.raw().headers().firstValue("Allow")).hasValue("GET");
        assertError(mediaType, 415, "unsupported_media_type");
    }
}
