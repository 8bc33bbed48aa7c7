package io.taskforge.engine.builtin;

import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Decides whether an {@code http} task may call a URL: checked at submission (a refused URL is a 422)
 * and again before every request of an attempt, redirects included, since names resolve anew.
 *
 * <p>With {@code TASKFORGE_HTTP_ALLOWLIST} set, only its hosts and address ranges may be called. Without
 * it everything may be called except what a task should never reach: this engine itself (any address
 * of this host, loopback included, with one of the ports this engine serves HTTP on; other local ports
 * stay open to local providers), link-local addresses and the cloud metadata services. A host is
 * refused when any address it resolves to is; a name that does not resolve is left to fail when called.
 */
@Component
class OutboundPolicy {

    private static final Set<String> METADATA_HOSTS = Set.of("metadata.google.internal", "metadata.goog");
    private static final List<AddressRange> METADATA_ADDRESSES = Stream.of("100.100.100.200", "fd00:ec2::254")
            .map(AddressRange::parse)
            .toList();

    private final List<String> allowedHosts;
    private final List<AddressRange> allowedRanges;
    private final Supplier<Set<Integer>> enginePorts;

    @Autowired
    OutboundPolicy(OutboundHttpProperties properties, Environment environment) {
        this(properties.allowlist(), () -> enginePorts(environment));
    }

    OutboundPolicy(List<String> allowlist, Supplier<Set<Integer>> enginePorts) {
        this.allowedHosts = allowlist.stream()
                .filter(entry -> !AddressRange.looksLikeOne(entry))
                .map(entry -> entry.toLowerCase(Locale.ROOT))
                .toList();
        this.allowedRanges = allowlist.stream()
                .filter(AddressRange::looksLikeOne)
                .map(AddressRange::parse)
                .toList();
        this.enginePorts = enginePorts;
    }

    /** Why a task must not call {@code url}, as the end of a sentence about it; empty when it may. */
    Optional<String> refusal(URI url) {
        String host = hostOf(url);
        List<InetAddress> addresses = resolve(host);
        return allowedHosts.isEmpty() && allowedRanges.isEmpty()
                ? refusalByDefault(host, portOf(url), addresses)
                : refusalByAllowList(host, addresses);
    }

    private Optional<String> refusalByAllowList(String host, List<InetAddress> addresses) {
        boolean listedHost = allowedHosts.stream().anyMatch(entry -> matches(entry, host));
        boolean listedAddresses = !addresses.isEmpty()
                && addresses.stream()
                        .allMatch(address -> allowedRanges.stream().anyMatch(range -> range.contains(address)));
        return listedHost || listedAddresses ? Optional.empty() : Optional.of("is not on TASKFORGE_HTTP_ALLOWLIST");
    }

    private Optional<String> refusalByDefault(String host, int port, List<InetAddress> addresses) {
        if (METADATA_HOSTS.contains(host)) {
            return Optional.of("is a cloud metadata service");
        }
        for (InetAddress address : addresses) {
            if (address.isLinkLocalAddress()
                    || METADATA_ADDRESSES.stream().anyMatch(range -> range.contains(address))) {
                return Optional.of(
                        "resolves to " + address.getHostAddress() + ", a link-local or cloud metadata address");
            }
            if (enginePorts.get().contains(port) && isThisHost(address)) {
                return Optional.of("is this engine's own address and port");
            }
        }
        return Optional.empty();
    }

    private static boolean matches(String entry, String host) {
        return entry.startsWith("*.") ? host.endsWith(entry.substring(1)) : host.equals(entry);
    }

    private static boolean isThisHost(InetAddress address) {
        if (address.isLoopbackAddress() || address.isAnyLocalAddress()) {
            return true;
        }
        try {
            return NetworkInterface.getByInetAddress(address) != null;
        } catch (SocketException unknown) {
            return false;
        }
    }

    private static List<InetAddress> resolve(String host) {
        try {
            return Arrays.asList(InetAddress.getAllByName(host));
        } catch (UnknownHostException unresolvable) {
            return List.of();
        }
    }

    private static String hostOf(URI url) {
        String host = url.getHost().toLowerCase(Locale.ROOT);
        return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    }

    private static int portOf(URI url) {
        return url.getPort() != -1 ? url.getPort() : "https".equalsIgnoreCase(url.getScheme()) ? 443 : 80;
    }

    /** The ports this engine serves HTTP on: the ones it bound (a random one in tests) or the configured ones. */
    private static Set<Integer> enginePorts(Environment environment) {
        return Stream.of(
                        environment.getProperty("local.server.port", Integer.class),
                        environment.getProperty("server.port", Integer.class, 8080),
                        environment.getProperty("local.management.port", Integer.class),
                        environment.getProperty("management.server.port", Integer.class))
                .filter(port -> port != null && port > 0)
                .collect(Collectors.toUnmodifiableSet());
    }
}
