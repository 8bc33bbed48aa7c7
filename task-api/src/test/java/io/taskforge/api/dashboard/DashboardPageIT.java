package io.taskforge.api.dashboard;

import static io.taskforge.support.ApiAssertions.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import io.taskforge.support.ApiClient.Answer;
import io.taskforge.support.ApiIntegrationTest;
import java.net.http.HttpRequest;
import org.junit.jupiter.api.Test;

/**
 * The dashboard's files are served to anyone (the page asks for a key), under a policy that lets the
 * page run only its own scripts; the APIs it calls stay protected, and tell the page what its key may
 * do.
 */
class DashboardPageIT extends ApiIntegrationTest {

    @Test
    void serves_the_page_and_its_files_without_a_key() {
        Answer redirect = api(null).get("/dashboard");
        assertThat(redirect.status()).isEqualTo(302);
        assertThat(redirect.raw().headers().firstValue("Location").orElseThrow())
                .endsWith("/dashboard/");

        Answer page = api(null).get("/dashboard/");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.raw().headers().firstValue("Content-Type").orElseThrow())
                .startsWith("text/html");
        assertThat(page.raw().body()).contains("<title>Taskforge dashboard</title>", "dashboard.js", "key-dialog");

        for (String file : new String[] {"dashboard.js", "dashboard.css", "index.html"}) {
            assertThat(api(null).get("/dashboard/" + file).status()).as(file).isEqualTo(200);
        }
    }

    @Test
    void lets_the_page_run_only_its_own_scripts_and_talk_only_to_this_engine() {
        String policy = api(null)
                .get("/dashboard/")
                .raw()
                .headers()
                .firstValue("Content-Security-Policy")
                .orElseThrow();

        assertThat(policy)
                .contains("default-src 'none'", "script-src 'self'", "connect-src 'self'", "frame-ancestors 'none'");
        assertThat(api(null).get("/api/v1/system/health").raw().headers().firstValue("Content-Security-Policy"))
                .isEmpty();
    }

    @Test
    void an_unknown_file_of_the_dashboard_is_a_404_in_the_error_shape() {
        assertError(api(null).get("/dashboard/missing.js"), 404, "not_found");
    }

    @Test
    void the_apis_the_page_calls_still_need_a_key() {
        for (String path : new String[] {
            "/api/v1/me",
            "/api/v1/tasks",
            "/api/v1/stats/throughput",
            "/api/v1/failed-tasks",
            "/api/v1/tasks/monitoring/health",
            "/api/v1/workers/internal/status"
        }) {
            assertError(api(null).get(path), 401, "unauthorized");
        }
        assertError(
                api(null).send(api(null).request("/dashboard/index.html").POST(HttpRequest.BodyPublishers.noBody())),
                401,
                "unauthorized");
    }

    @Test
    void tells_each_key_what_it_may_do() {
        assertThat(api(VIEWER_KEY).get("/api/v1/me").body().toString())
                .isEqualTo("{\"role\":\"viewer\",\"owner\":null,\"anonymous\":false,\"may_operate\":false}");
        assertThat(api(OPERATOR_KEY).get("/api/v1/me").body().toString())
                .isEqualTo("{\"role\":\"operator\",\"owner\":null,\"anonymous\":false,\"may_operate\":true}");
        assertThat(api(ALICE_KEY).get("/api/v1/me").body().toString())
                .isEqualTo("{\"role\":\"operator\",\"owner\":\"alice\",\"anonymous\":false,\"may_operate\":true}");
        assertThat(api(ADMIN_KEY).get("/api/v1/me").body().path("may_operate").asBoolean())
                .isTrue();
        assertError(api(WORKER_KEY).get("/api/v1/me"), 403, "forbidden");
        assertError(api("no-such-key").get("/api/v1/me"), 401, "unauthorized");
    }
}
