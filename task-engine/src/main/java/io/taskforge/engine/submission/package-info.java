/** Taking in many commands at once: one transaction for a batch of submissions. */
package io.taskforge.engine.submission;
