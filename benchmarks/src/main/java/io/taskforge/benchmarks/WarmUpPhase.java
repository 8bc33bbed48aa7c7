package io.taskforge.benchmarks;

/**
 * The peers' warm-up: tasks submitted (half by the batch API when there is one) and run, in an
 * engine with workers on; its figures are discarded. It warms PostgreSQL and the OS caches, and
 * this JVM's JIT, which only helps the drain when the drain runs in this same JVM.
 */
final class WarmUpPhase {

    private final RunContext run;

    WarmUpPhase(RunContext run) {
        this.run = run;
    }

    void run(EngineProcess engine, boolean batchApi) throws Exception {
        int tasks = run.settings().warmup();
        if (tasks <= 0) {
            Log.line("warm-up", "skipped (-Dwarmup=0)");
            return;
        }
        run.sampleHeap(engine, "warmup_start");
        PhaseMeter meter = PhaseMeter.start("warm-up", engine);
        long before = engine.client().completedTasks();
        int viaBatch = batchApi ? tasks / 2 : 0;
        BatchSubmitter.submit(engine.client(), viaBatch, run.settings().batchSize());
        var singles = SubmissionSummary.of(ClosedLoopSubmitters.submit(
                engine.client(), tasks - viaBatch, run.settings().submitters()));
        var caughtUp = run.watch(engine).await(before + viaBatch + singles.accepted());
        Log.line(
                "warm-up",
                "%,d tasks (%,d by batch API, %s) %s",
                tasks,
                viaBatch,
                singles.describe(),
                caughtUp.complete() ? "all completed" : "NOT all completed: " + caughtUp.completedSeen());
        meter.finish(run.results());
        run.sampleHeap(engine, "warmup_end");
    }
}
