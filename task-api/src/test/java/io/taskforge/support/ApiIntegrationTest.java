package io.taskforge.support;

import org.springframework.test.context.TestPropertySource;

/**
 * Base of tests of the API and read side alone: this engine runs no tasks and its leases are long,
 * so tasks stay exactly as the test leaves them.
 */
@TestPropertySource(properties = {"taskforge.execution.enabled=false", "taskforge.queue.lease=1h"})
public abstract class ApiIntegrationTest extends IntegrationTest {}
