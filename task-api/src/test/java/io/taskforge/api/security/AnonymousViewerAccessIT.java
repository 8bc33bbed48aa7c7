package io.taskforge.api.security;

import static io.taskforge.support.ApiAssertions.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import io.taskforge.support.ApiIntegrationTest;
import io.taskforge.support.SeedRequests;
import io.taskforge.support.SeedRequests.Request;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/** With keys configured and {@code TASKFORGE_ANONYMOUS_ROLE=viewer}, requests without a key read but never write. */
@TestPropertySource(properties = "taskforge.anonymous-role=viewer")
class AnonymousViewerAccessIT extends ApiIntegrationTest {

    @Test
    void lets_requests_without_a_key_read_what_seed_clients_read() {
        String task = operator().post("/api/v1/tasks", Map.of("type", "noop")).text("id");

        for (Request read : SeedRequests.reads(task)) {
            assertThat(read.sendWith(api(null)).status()).as(read.toString()).isEqualTo(200);
        }
    }

    @Test
    void refuses_every_write_without_a_key() {
        String pending =
                operator().post("/api/v1/tasks", Map.of("type", "noop")).text("id");
        String cancelled =
                operator().post("/api/v1/tasks", Map.of("type", "noop")).text("id");
        assertThat(operator().post("/api/v1/tasks/" + cancelled + "/cancel").status())
                .isEqualTo(200);

        for (Request write : SeedRequests.writes(pending, cancelled)) {
            assertError(write.sendWith(api(null)), 401, "unauthorized");
        }
        assertThat(api(VIEWER_KEY).get("/api/v1/tasks/" + pending).text("status"))
                .isEqualTo("pending");
    }

    @Test
    void tells_a_request_without_a_key_that_it_may_read_but_not_operate() {
        assertThat(api(null).get("/api/v1/me").body().toString())
                .isEqualTo("{\"role\":\"viewer\",\"owner\":null,\"anonymous\":true,\"may_operate\":false}");
    }

    @Test
    void still_refuses_unknown_keys_and_the_writes_of_viewer_keys() {
        assertError(api("guess").get("/api/v1/system/tasks"), 401, "unauthorized");
        assertError(api(VIEWER_KEY).post("/api/v1/tasks", Map.of("type", "noop")), 403, "forbidden");
    }
}
