package io.taskforge.hardware;

import com.pi4j.context.Context;
import io.taskforge.handler.TaskHandler;
import io.taskforge.handler.TaskSubmitter;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The hardware adapter, assembled only with {@code TASKFORGE_HARDWARE_ENABLED=true}: the Pi4J
 * context, the panel's pins, the two loop handlers and the loops' start and stop.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "taskforge.hardware.enabled", havingValue = "true")
@EnableConfigurationProperties(HardwareProperties.class)
class HardwareConfiguration {

    private static final Logger log = LoggerFactory.getLogger(HardwareConfiguration.class);

    @Bean
    PlatformChoice hardwarePlatform(HardwareProperties properties) {
        PlatformChoice platform =
                properties.platform().resolve(PlatformChoice.DEVICE_TREE_MODEL, PlatformChoice.GPIO_CHIP);
        log.info(
                "Hardware adapter: {} platform (configured: {})",
                platform.wireName(),
                properties.platform().wireName());
        return platform;
    }

    @Bean(destroyMethod = "shutdown")
    Context pi4j(PlatformChoice platform) {
        return Pi4jContexts.create(platform);
    }

    @Bean
    Panel hardwarePanelPins(Context pi4j, HardwareProperties properties) {
        return new Panel(pi4j, properties);
    }

    @Bean
    HardwareLoops hardwareLoops(TaskSubmitter submitter, HardwareProperties properties, PlatformChoice platform) {
        return new HardwareLoops(submitter, properties, platform.wireName());
    }

    @Bean
    TaskHandler renderLoopHandler(Panel panel, HardwareProperties properties, HardwareLoops loops, Clock clock) {
        RenderLoopProperties render = properties.render();
        return new LoopHandler(
                HardwareLoops.RENDER_LOOP,
                new RenderLoop(panel.leds(), panel.dimmers(), render.frameRate()),
                render.supervision(),
                loops.run(),
                Waiter.sleeping(clock),
                clock,
                loops::isRunning);
    }

    @Bean
    TaskHandler pollLoopHandler(
            Panel panel, HardwareProperties properties, HardwareLoops loops, TaskSubmitter submitter, Clock clock) {
        PollLoopProperties poll = properties.poll();
        return new LoopHandler(
                HardwareLoops.POLL_LOOP,
                new PollLoop(panel.inputs(), new PanelTriggers(submitter), poll, clock),
                poll.supervision(),
                loops.run(),
                Waiter.sleeping(clock),
                clock,
                loops::isRunning);
    }

    @Bean
    HardwarePanel hardwarePanel(PlatformChoice platform, Panel panel, HardwareLoops loops) {
        return new HardwarePanel(platform.wireName(), panel, loops);
    }
}
