/** Wires the Axon Framework: the Task aggregate and its policies, the processing groups, the serializer and its upcasters. */
package io.taskforge.engine.axon;
