/** Wires the Axon Framework: the Task aggregate, its injected policies and the Jackson serializer. */
package io.taskforge.axon;
