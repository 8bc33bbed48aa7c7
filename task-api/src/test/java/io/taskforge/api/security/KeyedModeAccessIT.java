package io.taskforge.api.security;

import static io.taskforge.support.ApiAssertions.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import io.taskforge.support.ApiIntegrationTest;
import io.taskforge.support.SeedRequests;
import io.taskforge.support.SeedRequests.Request;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** With keys configured and no anonymous role set, requests without a key reach only the open endpoints. */
class KeyedModeAccessIT extends ApiIntegrationTest {

    @Test
    void refuses_the_reads_of_seed_clients_without_a_key_and_answers_them_for_a_viewer_key() {
        String task = operator().post("/api/v1/tasks", Map.of("type", "noop")).text("id");

        for (Request read : SeedRequests.reads(task)) {
            assertError(read.sendWith(api(null)), 401, "unauthorized");
            assertThat(read.sendWith(api(VIEWER_KEY)).status())
                    .as(read.toString())
                    .isEqualTo(200);
        }
    }

    @Test
    void refuses_every_write_without_a_key() {
        for (Request write : SeedRequests.writes(UUID.randomUUID().toString(), "1")) {
            assertError(write.sendWith(api(null)), 401, "unauthorized");
        }
    }

    @Test
    void keeps_the_health_checks_and_the_api_documents_open() {
        for (String open : List.of("/api/v1/system/health", "/health", "/ready", "/v3/api-docs")) {
            assertThat(api(null).get(open).status()).as(open).isIn(200, 500);
        }
    }
}
