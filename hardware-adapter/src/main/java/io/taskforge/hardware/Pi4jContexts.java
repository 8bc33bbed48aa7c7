package io.taskforge.hardware;

import com.pi4j.Pi4J;
import com.pi4j.context.Context;
import com.pi4j.plugin.mock.platform.MockPlatform;
import com.pi4j.plugin.mock.provider.gpio.digital.MockDigitalInputProvider;
import com.pi4j.plugin.mock.provider.gpio.digital.MockDigitalOutputProvider;
import com.pi4j.plugin.mock.provider.pwm.MockPwmProvider;

/** Builds the Pi4J context of the chosen platform. */
final class Pi4jContexts {

    private Pi4jContexts() {}

    static Context create(PlatformChoice platform) {
        return switch (platform) {
            case MOCK -> mock();
            // Pi4J's own detection: the Raspberry Pi platform, GpioD for digital pins, LinuxFS for
            // PWM; it never loads the mock providers unless asked to
            case RASPBERRYPI -> Pi4J.newAutoContext();
            case AUTO -> throw new IllegalArgumentException("resolve the platform choice first");
        };
    }

    private static Context mock() {
        return Pi4J.newContextBuilder()
                .add(new MockPlatform())
                .add(
                        MockDigitalInputProvider.newInstance(),
                        MockDigitalOutputProvider.newInstance(),
                        MockPwmProvider.newInstance())
                .build();
    }
}
