package io.taskforge.api.security;

/** What a request without an API key may do. */
enum AnonymousRole {
    /** Nothing but the open endpoints (health, readiness, the API documents). */
    NONE,
    /** Also read what a viewer key reads; never submit, cancel, retry or clean up. */
    VIEWER;

    private static final String ANONYMOUS = "ROLE_ANONYMOUS";

    /** The authorities of Spring Security's anonymous user. */
    String[] authorities() {
        return this == VIEWER ? new String[] {ANONYMOUS, Role.VIEWER.authority()} : new String[] {ANONYMOUS};
    }
}
