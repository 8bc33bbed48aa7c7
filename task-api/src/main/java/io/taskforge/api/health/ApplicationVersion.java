package io.taskforge.api.health;

import io.taskforge.TaskforgeApplication;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.info.BuildProperties;
import org.springframework.stereotype.Component;

/**
 * The version this engine reports: the build's own ({@code META-INF/build-info.properties}), else
 * the jar manifest's {@code Implementation-Version}, else {@value #UNKNOWN} for a run from sources.
 */
@Component
public class ApplicationVersion {

    static final String UNKNOWN = "dev";

    private final String value;

    ApplicationVersion(ObjectProvider<BuildProperties> build) {
        BuildProperties properties = build.getIfAvailable();
        String manifest = TaskforgeApplication.class.getPackage().getImplementationVersion();
        if (properties != null && properties.getVersion() != null) {
            value = properties.getVersion();
        } else {
            value = manifest != null ? manifest : UNKNOWN;
        }
    }

    public String value() {
        return value;
    }
}
