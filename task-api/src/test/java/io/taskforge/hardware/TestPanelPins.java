package io.taskforge.hardware;

import com.pi4j.Pi4J;
import com.pi4j.context.Context;
import com.pi4j.io.exception.IOException;
import com.pi4j.io.gpio.digital.DigitalInput;
import com.pi4j.io.gpio.digital.DigitalInputBase;
import com.pi4j.io.gpio.digital.DigitalInputConfig;
import com.pi4j.io.gpio.digital.DigitalOutput;
import com.pi4j.io.gpio.digital.DigitalOutputConfig;
import com.pi4j.io.gpio.digital.DigitalState;
import com.pi4j.plugin.mock.platform.MockPlatform;
import com.pi4j.plugin.mock.provider.gpio.digital.MockDigitalInput;
import com.pi4j.plugin.mock.provider.gpio.digital.MockDigitalInputProviderImpl;
import com.pi4j.plugin.mock.provider.gpio.digital.MockDigitalOutput;
import com.pi4j.plugin.mock.provider.gpio.digital.MockDigitalOutputProviderImpl;
import com.pi4j.plugin.mock.provider.pwm.MockPwmProvider;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * Pi4J's mock platform with two pins that misbehave on request, standing in for the faults of real
 * hardware: the output {@value #FAULTY_OUTPUT} fails every write while {@link #failWrites} is set
 * (a driver error), and the input {@value #JAMMED_INPUT} is no mock pin but one whose reads block
 * while {@link #jam} is armed (a GPIO read that never returns). Every other pin is Pi4J's own mock.
 */
@TestConfiguration(proxyBeanMethods = false)
public class TestPanelPins {

    public static final String FAULTY_OUTPUT = "strip";
    public static final String JAMMED_INPUT = "door";

    /** While set, every write to the faulty output fails. */
    public static final AtomicBoolean failWrites = new AtomicBoolean();

    /** While it holds an unreleased latch, reads of the jammed input wait on it. */
    public static final AtomicReference<CountDownLatch> jam = new AtomicReference<>();

    @Bean(destroyMethod = "shutdown")
    @Primary
    Context testPanelPi4j() {
        return Pi4J.newContextBuilder()
                .add(new MockPlatform())
                .add(new InputsWithAJammedOne(), new OutputsWithAFaultyOne(), MockPwmProvider.newInstance())
                .build();
    }

    /** Blocks the jammed input's reads from now until {@link #unjam()}. */
    public static void jamInput() {
        jam.set(new CountDownLatch(1));
    }

    public static void unjam() {
        CountDownLatch latch = jam.getAndSet(null);
        if (latch != null) {
            latch.countDown();
        }
    }

    private static final class InputsWithAJammedOne extends MockDigitalInputProviderImpl {

        @Override
        public DigitalInput create(DigitalInputConfig config) {
            DigitalInput input = JAMMED_INPUT.equals(config.id())
                    ? new JammedInput(this, config)
                    : new MockDigitalInput(this, config);
            context.registry().add(input);
            return input;
        }
    }

    private static final class JammedInput extends DigitalInputBase {

        JammedInput(MockDigitalInputProviderImpl provider, DigitalInputConfig config) {
            super(provider, config);
        }

        @Override
        public DigitalState state() {
            CountDownLatch latch = jam.get();
            if (latch != null) {
                try {
                    latch.await();
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw new IOException("read of GPIO " + config().address() + " interrupted");
                }
            }
            return DigitalState.LOW;
        }
    }

    private static final class OutputsWithAFaultyOne extends MockDigitalOutputProviderImpl {

        @Override
        public DigitalOutput create(DigitalOutputConfig config) {
            DigitalOutput output = new MockDigitalOutput(this, config) {
                @Override
                public DigitalOutput state(DigitalState state) {
                    if (FAULTY_OUTPUT.equals(config.id()) && failWrites.get()) {
                        throw new IOException(
                                "write to GPIO " + config().address() + " failed: device or resource busy");
                    }
                    return super.state(state);
                }
            };
            context.registry().add(output);
            return output;
        }
    }
}
