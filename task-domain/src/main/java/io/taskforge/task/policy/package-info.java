/** Pure, stateless rules the Task aggregate consults: error classification, backoff and alert severity. */
package io.taskforge.task.policy;
