/**
 * Task numbers: the short, ascending integers by which seed 000's clients and people name tasks,
 * drawn before a task is created and stored in its creation event.
 */
package io.taskforge.engine.numbering;
