/**
 * Administration of the read models: the events they parked because they could not apply them
 * ({@code /api/v1/admin/projections/dead-letters}), and retrying them. Admin keys only.
 */
package io.taskforge.api.projections;
