package io.taskforge.api.tasks;

import static io.taskforge.support.ApiAssertions.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import io.taskforge.support.ApiClient;
import io.taskforge.support.ApiClient.Answer;
import io.taskforge.support.ApiIntegrationTest;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AuthenticationIT extends ApiIntegrationTest {

    private static final String TASKS = "/api/v1/tasks";
    private static final Map<String, Object> NOOP = Map.of("type", "noop");

    @Test
    void refuses_requests_without_a_key() {
        assertError(api(null).get(TASKS), 401, "unauthorized");
        assertError(api(null).post(TASKS, NOOP), 401, "unauthorized");
    }

    @Test
    void refuses_unknown_keys() {
        assertError(api("guess").get(TASKS), 401, "unauthorized");
    }

    @Test
    void lets_viewers_read_but_not_submit_or_cancel() {
        String id = operator().post(TASKS, NOOP).text("id");

        assertThat(api(VIEWER_KEY).get(TASKS + "/" + id).status()).isEqualTo(200);
        assertThat(api(VIEWER_KEY).get(TASKS).status()).isEqualTo(200);
        assertError(api(VIEWER_KEY).post(TASKS, NOOP), 403, "forbidden");
        assertError(api(VIEWER_KEY).post(TASKS + "/" + id + "/cancel"), 403, "forbidden");
        assertError(api(VIEWER_KEY).delete(TASKS + "/" + id), 403, "forbidden");
    }

    @Test
    void lets_operators_and_admins_submit() {
        assertThat(operator().post(TASKS, NOOP).status()).isEqualTo(201);
        assertThat(api(ADMIN_KEY).post(TASKS, NOOP).status()).isEqualTo(201);
    }

    @Test
    void accepts_the_key_in_the_x_api_key_header() {
        ApiClient anonymous = api(null);
        Answer answer = anonymous.send(
                anonymous.request(TASKS).header("X-API-Key", VIEWER_KEY).GET());

        assertThat(answer.status()).isEqualTo(200);
    }

    @Test
    void keeps_health_open() {
        Answer health = api(null).get("/actuator/health");

        assertThat(health.status()).isEqualTo(200);
        assertThat(health.text("status")).isEqualTo("UP");
    }
}
