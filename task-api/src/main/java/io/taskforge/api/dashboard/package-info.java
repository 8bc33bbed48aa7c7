/**
 * The live dashboard at {@code /dashboard}: static HTML, CSS and JavaScript under
 * {@code static/dashboard/}, served without a key (the page asks for one and reads everything through
 * the API with it), and the address that leads to them.
 */
package io.taskforge.api.dashboard;
