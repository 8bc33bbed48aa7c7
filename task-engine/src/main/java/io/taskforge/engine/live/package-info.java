/**
 * The event store as live updates follow it: streams from an exact position over every node's
 * events, the position of the newest event with its gaps, and how far a read model's processor has
 * got over every node.
 */
package io.taskforge.engine.live;
