/** The task REST API: submit, read, list and cancel tasks. */
package io.taskforge.api.tasks;
