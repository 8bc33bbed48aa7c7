package io.taskforge.support;

import static org.assertj.core.api.Assertions.assertThat;

import io.taskforge.support.ApiClient.Answer;

/** Assertions on answers of the API. */
public final class ApiAssertions {

    private ApiAssertions() {}

    /** The answer is an error of the given status and type, in the {@code {detail, type, request_id}} shape. */
    public static void assertError(Answer answer, int status, String type) {
        assertThat(answer.status()).as("status of %s", answer.body()).isEqualTo(status);
        assertThat(TaskJson.fieldNames(answer.body())).containsExactlyInAnyOrder("detail", "type", "request_id");
        assertThat(answer.text("type")).isEqualTo(type);
        assertThat(answer.text("detail")).isNotBlank();
        assertThat(answer.text("request_id")).isNotBlank();
    }
}
