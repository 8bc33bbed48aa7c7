package io.taskforge.support;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

/**
 * Base of tests that run the whole engine on a random port against a fresh PostgreSQL database,
 * with a viewer, an operator, an admin and a worker key configured, and two operator keys that act
 * for the owners alice and bob. Test classes with the same configuration
 * share one engine and database.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestPropertySource(
        properties = "taskforge.api-keys=" + IntegrationTest.VIEWER_KEY + ":viewer," + IntegrationTest.OPERATOR_KEY
                + ":operator," + IntegrationTest.ADMIN_KEY + ":admin," + IntegrationTest.ALICE_KEY + ":operator:alice,"
                + IntegrationTest.BOB_KEY + ":operator:bob," + IntegrationTest.WORKER_KEY + ":worker")
public abstract class IntegrationTest {

    public static final String VIEWER_KEY = "viewer-key";
    public static final String OPERATOR_KEY = "operator-key";
    public static final String ADMIN_KEY = "admin-key";
    /** A key for external workers: register, claim, report and nothing else. */
    public static final String WORKER_KEY = "worker-key";
    /** An operator key acting for the owner {@code alice}. */
    public static final String ALICE_KEY = "alice-key";
    /** An operator key acting for the owner {@code bob}. */
    public static final String BOB_KEY = "bob-key";

    @LocalServerPort
    protected int port;

    @DynamicPropertySource
    static void engineProperties(DynamicPropertyRegistry registry) {
        String url = TestDatabase.create();
        registry.add("spring.datasource.url", () -> url);
        registry.add("spring.datasource.username", () -> TestDatabase.USER);
        registry.add("spring.datasource.password", () -> TestDatabase.PASSWORD);
        // Spring keeps every engine of the suite alive for reuse: idle ones shrink to one connection
        // soon, so that the suite stays far below PostgreSQL's max_connections
        registry.add("spring.datasource.hikari.minimum-idle", () -> "1");
        registry.add("spring.datasource.hikari.idle-timeout", () -> "10000");
    }

    protected ApiClient api(String key) {
        return new ApiClient("http://127.0.0.1:" + port, key);
    }

    protected ApiClient operator() {
        return api(OPERATOR_KEY);
    }
}
