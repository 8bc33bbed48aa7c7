/** External workers: their identity, what they can run, and the patterns that match tasks to them. */
package io.taskforge.worker;
