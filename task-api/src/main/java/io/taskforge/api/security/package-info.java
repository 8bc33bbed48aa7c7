/**
 * API-key authentication with three roles: viewers read, operators also submit and control tasks,
 * admins also manage the engine. Requests without a key may read too when the anonymous role is
 * viewer, the default while no keys are configured.
 */
package io.taskforge.api.security;
