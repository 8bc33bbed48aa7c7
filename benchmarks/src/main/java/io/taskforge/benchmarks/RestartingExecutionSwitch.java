package io.taskforge.benchmarks;

/** Execution off and on by restarting the engine with {@code AUTO_START_WORKERS} false, then true. */
final class RestartingExecutionSwitch implements ExecutionSwitch {

    private final EngineLauncher launcher;

    RestartingExecutionSwitch(EngineLauncher launcher) {
        this.launcher = launcher;
    }

    @Override
    public EngineProcess executionOff(EngineProcess running) throws Exception {
        running.stop();
        return launcher.launch("backlog", false);
    }

    @Override
    public EngineProcess executionOn(EngineProcess paused) throws Exception {
        paused.stop();
        return launcher.launch("drain", true);
    }

    @Override
    public boolean drainsInWarmedUpJvm() {
        return false;
    }

    @Override
    public String description() {
        return "no runtime pause API: the backlog is submitted to an engine started with AUTO_START_WORKERS=false,"
                + " which is stopped (SIGTERM); a second engine with workers on drains it";
    }
}
