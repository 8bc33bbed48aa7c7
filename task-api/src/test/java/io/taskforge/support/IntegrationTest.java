package io.taskforge.support;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base of tests that run the whole engine on a random port against a fresh PostgreSQL database.
 * Test classes with the same configuration share one engine and database.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class IntegrationTest {

    public static final String VIEWER_KEY = "viewer-key";
    public static final String OPERATOR_KEY = "operator-key";
    public static final String ADMIN_KEY = "admin-key";

    @LocalServerPort
    protected int port;

    @DynamicPropertySource
    static void engineProperties(DynamicPropertyRegistry registry) {
        String url = TestDatabase.create();
        registry.add("spring.datasource.url", () -> url);
        registry.add("spring.datasource.username", () -> TestDatabase.USER);
        registry.add("spring.datasource.password", () -> TestDatabase.PASSWORD);
        registry.add(
                "taskforge.api-keys",
                () -> VIEWER_KEY + ":viewer," + OPERATOR_KEY + ":operator," + ADMIN_KEY + ":admin");
    }

    protected ApiClient api(String key) {
        return new ApiClient("http://127.0.0.1:" + port, key);
    }

    protected ApiClient operator() {
        return api(OPERATOR_KEY);
    }
}
