package io.taskforge.api.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.lang.reflect.Type;
import org.springframework.http.MediaType;
import org.springframework.http.converter.json.AbstractJackson2HttpMessageConverter;

/**
 * Reads JSON request bodies with a strict copy of the API's mapper and writes nothing: responses keep
 * going through Spring Boot's own converter, so they look exactly as before. Not a subclass of that
 * converter on purpose, which would make Spring Boot replace it with this one.
 */
class StrictJsonReader extends AbstractJackson2HttpMessageConverter {

    StrictJsonReader(ObjectMapper strict) {
        super(strict, MediaType.APPLICATION_JSON, new MediaType("application", "*+json"));
    }

    @Override
    public boolean canWrite(Class<?> clazz, MediaType mediaType) {
        return false;
    }

    @Override
    public boolean canWrite(Type type, Class<?> clazz, MediaType mediaType) {
        return false;
    }
}
