/** Value types shared by the Task aggregate's commands, events and read models. */
package io.taskforge.task;
