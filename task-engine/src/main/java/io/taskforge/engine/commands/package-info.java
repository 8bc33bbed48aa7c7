/**
 * Sending many commands for one commit: a batch that is stored whole or not at all, and group
 * commit for senders that each wait for their own command.
 */
package io.taskforge.engine.commands;
