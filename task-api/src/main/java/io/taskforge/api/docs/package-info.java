/**
 * The OpenAPI description of the whole API ({@code /v3/api-docs}, Swagger UI at
 * {@code /swagger-ui/index.html}): one document for the canonical API and every seed's paths.
 */
package io.taskforge.api.docs;
