package org.sdvp.cli.support;

import java.nio.file.Path;
import java.util.List;
import java.util.ServiceLoader;
import org.sdvp.core.evaluation.EvalResult;
import org.sdvp.core.evaluation.QuestionTraces;
import org.sdvp.core.io.DataException;

/**
 * {@code eval} and {@code collect} on a cluster ({@code --spark MASTER}). Implemented by sdvp-spark and found
 * with {@link ServiceLoader}, so the everyday command line neither depends on nor loads Spark: the launcher
 * puts sdvp-spark and Spark's jars on the class path only when {@code --spark} is given.
 */
public interface ClusterRunner {

    /**
     * One command to run on a cluster.
     *
     * @param master  the {@code --spark} value: {@code local[N]} or {@code spark://HOST:PORT}
     * @param options the parsed benchmark options (on the driver)
     * @param args    the command's arguments as given, so that executors parse the same options
     * @param out     the command's output file; its partitions live in {@code OUT.spark/}
     */
    record Job(String master, BenchmarkOptions options, List<String> args, Path out) {
        public Job {
            args = List.copyOf(args);
        }
    }

    /** The options a command was given (its own, not the parent command's), as arguments to parse again. */
    static List<String> argsOf(picocli.CommandLine.ParseResult command) {
        List<String> args = new java.util.ArrayList<>();
        for (picocli.CommandLine.Model.OptionSpec o : command.matchedOptions()) {
            if (o.arity().max() == 0) {
                args.add(o.longestName());
                continue;
            }
            for (String value : o.originalStringValues()) {
                args.add(o.longestName());
                args.add(value);
            }
        }
        return args;
    }

    /**
     * Runs {@code eval}; the result is what the local run would write, timings aside. {@code traces} (null for
     * {@code --no-questions}) receives every question's line as the local run's would, for the caller to write.
     */
    EvalResult evaluate(Job job, QuestionTraces traces) throws Exception;

    /** Runs {@code collect}: writes {@code out} and {@code out.summary.json}; returns the summary line. */
    String collect(Job job) throws Exception;

    /** The installed runner, or a usage error saying how to get one. */
    static ClusterRunner find() throws DataException {
        return ServiceLoader.load(ClusterRunner.class)
                .findFirst()
                .orElseThrow(() -> new DataException(
                        "--spark needs the sdvp-spark module and Spark's jars on the class path; run through the ./sdvp "
                                + "launcher, which adds them for --spark"));
    }
}
