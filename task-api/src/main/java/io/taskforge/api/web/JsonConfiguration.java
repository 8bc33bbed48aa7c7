package io.taskforge.api.web;

import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;
import io.taskforge.task.TaskId;
import org.springframework.boot.autoconfigure.jackson.Jackson2ObjectMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** How the REST API writes domain values: a task id is its UUID string. */
@Configuration
class JsonConfiguration {

    @Bean
    Jackson2ObjectMapperBuilderCustomizer taskIdsAsStrings() {
        return builder -> builder.serializerByType(TaskId.class, ToStringSerializer.instance);
    }
}
