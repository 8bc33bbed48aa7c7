package io.taskforge.api.security;

import java.security.Principal;
import java.util.Locale;
import java.util.Optional;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Who sent a request with an API key: the key's role, and the owner it acts for when the key names one
 * ({@code key:role:owner}). A key with an owner sees and changes only that owner's tasks, unless it is
 * an admin key; a key without one acts for every owner.
 *
 * @param owner the owner the key acts for; null for a key without one
 */
public record Caller(Role role, String owner) implements Principal {

    /** Who a task this caller submits was created by: the key's owner, or its role when it has none. */
    @Override
    public String getName() {
        return owner != null ? owner : "api-key:" + role.name().toLowerCase(Locale.ROOT);
    }

    /** The owner whose tasks this caller is limited to; empty for admins and for keys without an owner. */
    public Optional<String> scope() {
        return role == Role.ADMIN ? Optional.empty() : Optional.ofNullable(owner);
    }

    /** The owner of a task this caller submits: its own whatever the body says, unless it acts for anyone. */
    public String ownerOf(String requested) {
        return scope().orElse(requested != null ? requested : owner);
    }

    /** The caller of the current request; empty when it presented no API key, or outside a request. */
    public static Optional<Caller> current() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication != null && authentication.getPrincipal() instanceof Caller caller
                ? Optional.of(caller)
                : Optional.empty();
    }

    /** The owner the current request is limited to; empty when it may see every owner's tasks. */
    public static Optional<String> currentScope() {
        return current().flatMap(Caller::scope);
    }
}
