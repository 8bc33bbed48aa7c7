package io.taskforge.support;

import org.springframework.test.context.TestPropertySource;

/**
 * Base of tests of the engine as it starts without any configuration of its own: no API keys (one
 * admin key is generated that the test does not know), so requests without a key may read. Like
 * {@link ApiIntegrationTest}, it runs no tasks.
 */
@TestPropertySource(properties = "taskforge.api-keys=")
public abstract class DefaultModeIntegrationTest extends ApiIntegrationTest {}
