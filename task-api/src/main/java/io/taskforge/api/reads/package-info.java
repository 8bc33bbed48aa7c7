/** The one way the API reads: typed queries to the read models. */
package io.taskforge.api.reads;
