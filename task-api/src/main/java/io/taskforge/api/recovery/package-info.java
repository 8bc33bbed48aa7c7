/**
 * Recovery: the recommended strategies per error type (configuration), and fallback chains, their
 * configuration history included.
 */
package io.taskforge.api.recovery;
