package io.taskforge.api.docs;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.core.jackson.ModelResolver;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.taskforge.api.health.ApplicationVersion;
import io.taskforge.api.security.MetricsProperties;
import java.util.List;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.properties.SpringDocConfigProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI document's description, version and security: every operation takes an API key,
 * as a bearer token or in {@code X-API-Key}, unless it says otherwise.
 */
@Configuration
class OpenApiConfiguration {

    static final String BEARER = "bearer";
    static final String API_KEY_HEADER = "api_key";
    private static final String TASK_ID = "taskId";
    private static final String DESCRIPTION = """
            Taskforge runs tasks durably: every change is an event, so a task's history survives restarts \
            and can be replayed. One API serves the canonical endpoints under /api/v1 and the paths that \
            clients of earlier task services already call (seeds 000 to 004), with the union of their \
            fields. Send an API key as `Authorization: Bearer <key>` or `X-API-Key: <key>`: viewers read, \
            operators also submit and cancel, admins also manage the engine. Requests without a key may \
            read as well when the engine's anonymous role is viewer (TASKFORGE_ANONYMOUS_ROLE; the default \
            while no keys are configured), and never change anything. A path that names a task takes its \
            id or its number. Errors answer {detail, type, request_id}.""";

    @Bean
    OpenAPI taskforgeOpenApi(ApplicationVersion version) {
        return new OpenAPI()
                .info(new Info().title("Taskforge API").description(DESCRIPTION).version(version.value()))
                .components(new Components()
                        .addSecuritySchemes(
                                BEARER,
                                new SecurityScheme()
                                        .type(SecurityScheme.Type.HTTP)
                                        .scheme("bearer")
                                        .description("the API key as a bearer token"))
                        .addSecuritySchemes(
                                API_KEY_HEADER,
                                new SecurityScheme()
                                        .type(SecurityScheme.Type.APIKEY)
                                        .in(SecurityScheme.In.HEADER)
                                        .name("X-API-Key")
                                        .description("the API key in its own header")))
                // two requirements: either one is enough
                .addSecurityItem(new SecurityRequirement().addList(BEARER))
                .addSecurityItem(new SecurityRequirement().addList(API_KEY_HEADER))
                .tags(ApiTags.all());
    }

    /** Schemas read by the application's own mapper, so they show fields in its snake_case, as the API writes them. */
    @Bean
    ModelResolver modelResolver(ObjectMapper mapper, SpringDocConfigProperties springdoc) {
        return new ModelResolver(mapper).openapi31(springdoc.isOpenapi31());
    }

    /** Every path that names a task takes the task's id or its number. */
    @Bean
    OpenApiCustomizer taskIdParameters() {
        return openApi -> {
            if (openApi.getPaths() == null) {
                return;
            }
            openApi.getPaths().values().stream()
                    .flatMap(path -> path.readOperations().stream())
                    .filter(operation -> operation.getParameters() != null)
                    .flatMap(operation -> operation.getParameters().stream())
                    .filter(parameter -> "path".equals(parameter.getIn()) && TASK_ID.equals(parameter.getName()))
                    .forEach(parameter -> parameter.description("the task's id (a UUID) or its number"));
        };
    }

    /** Leaves out the error page and, when metrics are public, drops the key requirement from {@code /metrics}. */
    @Bean
    OpenApiCustomizer openEndpoints(MetricsProperties metrics) {
        return openApi -> {
            if (openApi.getPaths() == null) {
                return;
            }
            openApi.getPaths().remove("/error");
            PathItem path = openApi.getPaths().get("/metrics");
            Operation scrape = path == null ? null : path.getGet();
            if (metrics.open() && scrape != null) {
                scrape.setSecurity(List.of());
            }
        };
    }
}
