/**
 * Where the engine keeps its events and read models: PostgreSQL when {@code DATABASE_URL} or
 * {@code spring.datasource.url} says so, otherwise an embedded H2 file under {@code ./data/}.
 */
package io.taskforge.engine.persistence;
