package io.taskforge.engine.builtin;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpRequest;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.EnumerablePropertySource;
import org.springframework.stereotype.Component;

/**
 * Credentials the engine sends to a provider on behalf of its {@code http} tasks, so that tasks need not
 * carry them (and no event, read model or log ever holds them): headers configured per provider as
 * {@code TASKFORGE_PROVIDERS_<NAME>_HEADERS}, a JSON object such as {@code {"Authorization": "Bearer
 * ..."}}. {@code <NAME>} is the provider's name in capitals with every other character than a letter or
 * digit written {@code _}: {@code payments-gateway} is {@code PAYMENTS_GATEWAY}, the default provider
 * {@code api.example.com:443} is {@code API_EXAMPLE_COM_443}. They replace a task's own headers of the
 * same name.
 */
@Component
class ProviderHeaders {

    private static final Pattern SETTING = Pattern.compile("TASKFORGE_PROVIDERS_([A-Z0-9_]+)_HEADERS");

    private final Map<String, Map<String, String>> byProvider;

    @Autowired
    ProviderHeaders(ConfigurableEnvironment environment, ObjectMapper json) {
        this(configured(environment, json));
    }

    ProviderHeaders(Map<String, Map<String, String>> byProvider) {
        byProvider.forEach(ProviderHeaders::requireSendable);
        this.byProvider = Map.copyOf(byProvider);
    }

    /** The headers configured for the provider; empty when none are. */
    Map<String, String> of(String provider) {
        return provider == null ? Map.of() : byProvider.getOrDefault(settingName(provider), Map.of());
    }

    static String settingName(String provider) {
        return provider.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "_");
    }

    private static Map<String, Map<String, String>> configured(ConfigurableEnvironment environment, ObjectMapper json) {
        Map<String, Map<String, String>> byProvider = new LinkedHashMap<>();
        environment.getPropertySources().forEach(source -> {
            if (source instanceof EnumerablePropertySource<?> enumerable) {
                for (String name : enumerable.getPropertyNames()) {
                    Matcher setting = SETTING.matcher(name);
                    if (setting.matches() && !byProvider.containsKey(setting.group(1))) {
                        byProvider.put(setting.group(1), headers(name, environment.getProperty(name), json));
                    }
                }
            }
        });
        return byProvider;
    }

    private static Map<String, String> headers(String setting, String value, ObjectMapper json) {
        try {
            Map<String, String> headers = json.readValue(
                    value, json.getTypeFactory().constructMapType(LinkedHashMap.class, String.class, String.class));
            return Map.copyOf(headers);
        } catch (JsonProcessingException | IllegalArgumentException notAnObject) {
            // not the parser's message: it quotes the value, which is a secret
            throw new IllegalArgumentException(
                    setting + " must be a JSON object of header names and string values, such as"
                            + " {\"Authorization\": \"Bearer ...\"}");
        }
    }

    private static void requireSendable(String provider, Map<String, String> headers) {
        headers.forEach((name, value) -> {
            try {
                HttpRequest.newBuilder(URI.create("http://provider")).header(name, value);
            } catch (IllegalArgumentException unsendable) {
                throw new IllegalArgumentException("TASKFORGE_PROVIDERS_" + provider + "_HEADERS: the header " + name
                        + " cannot be sent (a restricted or malformed name, or a value with control characters)");
            }
        });
    }
}
