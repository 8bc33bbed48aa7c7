package io.taskforge.hardware;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PlatformChoiceTest {

    @TempDir
    Path machine;

    @ParameterizedTest(name = "{0} on a machine with model ''{1}'', GPIO chip {2}: {3}")
    @CsvSource({
        "AUTO, Raspberry Pi 4 Model B Rev 1.4, true, RASPBERRYPI",
        "AUTO, Raspberry Pi 5 Model B Rev 1.0, false, MOCK", // no GPIO chip to drive
        "AUTO, Radxa ROCK 5B, true, MOCK", // GPIO, but no Pi: Pi4J's Pi plugins do not apply
        "AUTO, '', false, MOCK", // no device tree at all: a laptop, a CI runner
        "MOCK, Raspberry Pi 4 Model B Rev 1.4, true, MOCK",
        "RASPBERRYPI, '', false, RASPBERRYPI" // asked for explicitly: Pi4J says what is missing
    })
    void chooses_the_real_gpio_only_on_a_raspberry_pi_with_a_gpio_chip(
            PlatformChoice configured, String model, boolean gpioChip, PlatformChoice expected) throws IOException {
        Path modelFile = machine.resolve("model");
        Path chip = machine.resolve("gpiochip0");
        if (!model.isEmpty()) {
            Files.writeString(modelFile, model + "\0");
        }
        if (gpioChip) {
            Files.createFile(chip);
        }

        assertThat(configured.resolve(modelFile, chip)).isEqualTo(expected);
    }
}
