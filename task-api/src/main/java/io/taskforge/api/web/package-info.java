/** Cross-cutting HTTP concerns: request ids and the one error shape every failure answers with. */
package io.taskforge.api.web;
