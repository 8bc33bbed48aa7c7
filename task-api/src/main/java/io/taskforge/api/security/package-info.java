/**
 * API-key authentication with three roles: viewers read, operators also submit and control tasks,
 * admins also manage the engine.
 */
package io.taskforge.api.security;
