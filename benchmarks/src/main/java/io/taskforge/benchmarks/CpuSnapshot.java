package io.taskforge.benchmarks;

import java.util.Map;

/** CPU time of the harness, one engine, PostgreSQL and the whole machine, read at one moment. */
record CpuSnapshot(
        long wallNanos,
        long harnessNanos,
        long engineNanos,
        Map<Long, Long> postgresNanosByPid,
        long machineBusyNanos) {

    static CpuSnapshot take(EngineProcess engine) {
        return new CpuSnapshot(
                System.nanoTime(),
                ProcStat.harnessCpuNanos(),
                ProcStat.processCpuNanos(engine.pid()),
                ProcStat.postgresCpuNanosByPid(),
                ProcStat.machineBusyNanos());
    }

    /** Backends that ended meanwhile are not counted; the engines' pooled connections stay open. */
    CpuUsage since(CpuSnapshot start) {
        long postgres = 0;
        for (var process : postgresNanosByPid.entrySet()) {
            postgres += process.getValue() - start.postgresNanosByPid.getOrDefault(process.getKey(), 0L);
        }
        return new CpuUsage(
                (wallNanos - start.wallNanos) / 1e9,
                (harnessNanos - start.harnessNanos) / 1e9,
                (engineNanos - start.engineNanos) / 1e9,
                postgres / 1e9,
                (machineBusyNanos - start.machineBusyNanos) / 1e9,
                ProcStat.cores());
    }
}
