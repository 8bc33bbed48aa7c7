package io.taskforge.engine.axon;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How many Task aggregates a node keeps in memory between commands.
 *
 * @param entries the most tasks kept; a task leaves when it finishes, else the least recently used
 *     leave first, and a task that is not kept is read back from its events on its next command
 */
@ConfigurationProperties("taskforge.tasks.cache")
record TaskCacheProperties(@DefaultValue("10000") int entries) {}
