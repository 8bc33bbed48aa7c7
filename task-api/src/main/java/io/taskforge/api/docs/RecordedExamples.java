package io.taskforge.api.docs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * Puts real responses into the OpenAPI document as examples. They are recorded by
 * {@code RecordedExamplesIT} from a running engine, stored in {@value #LOCATION}, and checked by
 * the same test on every build, so an example can never drift from what the endpoint answers.
 */
@Component
class RecordedExamples implements OpenApiCustomizer {

    static final String LOCATION = "openapi/examples.json";

    private final Map<String, RecordedExample> examples;

    RecordedExamples(ObjectMapper mapper) {
        this.examples = load(mapper);
    }

    /**
     * One recorded answer, keyed {@code "METHOD /path/{template} status"}.
     *
     * @param contentType the answer's media type
     * @param body the answer: JSON, or the text of a non-JSON answer
     */
    record RecordedExample(String contentType, JsonNode body) {

        Object value() {
            return body.isTextual() ? body.asText() : body;
        }
    }

    @Override
    public void customise(OpenAPI openApi) {
        if (openApi.getPaths() == null) {
            return;
        }
        openApi.getPaths().forEach((path, item) -> item.readOperationsMap()
                .forEach((method, operation) -> examples.forEach((key, example) -> {
                    String[] parts = key.split(" ");
                    if (parts[0].equalsIgnoreCase(method.name()) && parts[1].equals(path)) {
                        attach(operation, parts[2], example);
                    }
                })));
    }

    private static void attach(Operation operation, String status, RecordedExample example) {
        if (operation.getResponses() == null) {
            operation.setResponses(new ApiResponses());
        }
        ApiResponse response = operation.getResponses().get(status);
        if (response == null) {
            response = new ApiResponse().description(status.startsWith("2") ? "success" : "error");
            operation.getResponses().addApiResponse(status, response);
        }
        if (response.getContent() == null || response.getContent().isEmpty()) {
            response.setContent(new Content().addMediaType(example.contentType(), new MediaType()));
        }
        response.getContent().values().forEach(media -> media.setExample(example.value()));
    }

    private static Map<String, RecordedExample> load(ObjectMapper mapper) {
        ClassPathResource resource = new ClassPathResource(LOCATION);
        if (!resource.exists()) {
            return Map.of();
        }
        try (InputStream in = resource.getInputStream()) {
            Map<String, RecordedExample> loaded = new LinkedHashMap<>();
            mapper.readTree(in)
                    .properties()
                    .forEach(entry -> loaded.put(
                            entry.getKey(),
                            new RecordedExample(
                                    entry.getValue().path("content_type").asText(),
                                    entry.getValue().path("body"))));
            return loaded;
        } catch (IOException e) {
            throw new UncheckedIOException("the recorded OpenAPI examples cannot be read: " + LOCATION, e);
        }
    }
}
