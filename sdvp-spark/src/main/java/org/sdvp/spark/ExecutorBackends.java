package org.sdvp.spark;

import org.sdvp.cli.support.Backends;
import org.sdvp.cli.support.BenchmarkOptions;
import org.sdvp.core.evaluation.Task;
import org.sdvp.core.evaluation.Tasks;
import org.sdvp.core.interp.Framework;
import org.sdvp.core.interp.Frameworks;
import org.sdvp.core.io.DataException;
import org.sdvp.core.service.BackendException;
import org.sdvp.core.service.ModelGateway;
import org.sdvp.core.service.ModelServices;

/**
 * What an executor JVM opens once per job and shares among the partitions it runs, possibly at the same
 * time: the task, the framework and the backends behind one gateway, so that the programs of concurrent
 * partitions batch their model calls together, as the programs of one local run do.
 */
final class ExecutorBackends {
    /** The opened job. */
    record Opened(
            String jobId,
            BenchmarkOptions options,
            Task task,
            Framework framework,
            ModelServices services,
            ModelGateway gateway) {}

    private static Opened current;

    private ExecutorBackends() {}

    static synchronized Opened forJob(JobPlan job) throws DataException, BackendException {
        if (current != null && current.jobId().equals(job.jobId())) return current;
        // jobs of one driver run one after another: a new job id means the previous job is over
        closeAll();
        BenchmarkOptions o = JobArgs.parse(job.args());
        Task task = Tasks.find(o.task);
        Framework framework = Frameworks.create(o.framework);
        ModelServices services = Backends.load(o.modules, o.data);
        current = new Opened(job.jobId(), o, task, framework, services, new ModelGateway(services, o.maxBatch));
        return current;
    }

    /** Closes the open job's backends (the driver calls it after a local-mode job: the executors are its threads). */
    static synchronized void closeAll() {
        if (current == null) return;
        try {
            current.gateway().close();
            current.services().close();
        } catch (Exception e) {
            System.err.println("sdvp-spark: closing the backends failed: " + e.getMessage());
        }
        current = null;
    }
}
