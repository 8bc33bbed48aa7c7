package io.taskforge.hardware;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The hardware adapter: whether it runs, on which Pi4J platform, and the panel it drives.
 *
 * @param enabled whether the adapter runs at all ({@code TASKFORGE_HARDWARE_ENABLED}); off by default
 * @param platform {@code auto} (the Raspberry Pi's GPIO when this is a Pi, the mock platform
 *     elsewhere), {@code mock} or {@code raspberrypi}
 * @param render the render loop and the outputs it drives
 * @param poll the poll loop and the inputs it reads
 */
@ConfigurationProperties("taskforge.hardware")
record HardwareProperties(
        @DefaultValue("false") boolean enabled,
        @DefaultValue("auto") PlatformChoice platform,
        @DefaultValue RenderLoopProperties render,
        @DefaultValue PollLoopProperties poll) {}
