/** How the JDBC read models store values. */
package io.taskforge.task.storage;
