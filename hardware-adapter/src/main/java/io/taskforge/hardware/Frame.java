package io.taskforge.hardware;

/**
 * What the panel shows in one frame: a light chasing along the digital outputs, and the PWM outputs
 * breathing from dark to full brightness and back.
 *
 * @param lit the index of the digital output that is on
 * @param dutyCycle the PWM outputs' brightness, 0 to 100
 */
record Frame(int lit, int dutyCycle) {

    /** Frames of one breath of the PWM outputs. */
    static final int BREATH_FRAMES = 60;

    static Frame number(long frame, int digitalOutputs) {
        int lit = digitalOutputs == 0 ? -1 : (int) (frame % digitalOutputs);
        int phase = (int) (frame % BREATH_FRAMES);
        int half = BREATH_FRAMES / 2;
        int duty = (phase <= half ? phase : BREATH_FRAMES - phase) * 100 / half;
        return new Frame(lit, duty);
    }
}
