package io.taskforge.hardware;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/** Which Pi4J platform the adapter builds its context on. */
enum PlatformChoice {
    /** The Raspberry Pi's GPIO when this machine is a Pi with a GPIO chip, the mock platform elsewhere. */
    AUTO,
    /** Pi4J's mock platform: pins that exist in memory only, a demo panel whose buttons are pressed over HTTP. */
    MOCK,
    /** The Raspberry Pi's GPIO (GpioD digital pins, LinuxFS PWM). */
    RASPBERRYPI;

    static final Path DEVICE_TREE_MODEL = Path.of("/proc/device-tree/model");
    static final Path GPIO_CHIP = Path.of("/dev/gpiochip0");

    /** The platform to use on a machine with the given files: never the real GPIO where there is none. */
    PlatformChoice resolve(Path deviceTreeModel, Path gpioChip) {
        if (this != AUTO) {
            return this;
        }
        return isRaspberryPi(deviceTreeModel) && Files.exists(gpioChip) ? RASPBERRYPI : MOCK;
    }

    private static boolean isRaspberryPi(Path deviceTreeModel) {
        try {
            return Files.isReadable(deviceTreeModel)
                    && Files.readString(deviceTreeModel).contains("Raspberry Pi");
        } catch (IOException unreadable) {
            return false;
        }
    }

    String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
