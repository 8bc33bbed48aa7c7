/**
 * API-key authentication with three roles: viewers read, operators also submit and control tasks,
 * admins also manage the engine. Requests without a key may read too when the anonymous role is
 * viewer, the default while no keys are configured. A key may act for one owner
 * ({@link io.taskforge.api.security.Caller}), which limits it to that owner's tasks unless it is an
 * admin key; a request without a key is limited to no owner.
 */
package io.taskforge.api.security;
