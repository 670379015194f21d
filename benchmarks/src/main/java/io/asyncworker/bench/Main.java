package io.asyncworker.bench;

import io.asyncworker.bench.http.HttpBench;
import io.asyncworker.bench.rabbit.RabbitBench;
import io.asyncworker.bench.sched.SchedBench;
import io.asyncworker.bench.sse.SseBench;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;

/**
 * Entry point of the benchmark programs; {@code benchmarks/run.sh} is the way to run them.
 *
 * <pre>
 * Main bench rabbit|http|sse|sched|tracing [quick] results=FILE   drive one benchmark, append rows to FILE
 * Main child NAME key=value...                               one contender, run in its own JVM
 * </pre>
 *
 * Each contender runs in a fresh child JVM with the same flags, so JIT, GC and CPU time of one
 * contender never mix with another's. A child prints one {@code RESULT k=v ...} line.
 */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            System.err.println("usage: Main bench rabbit|http|sse|sched [quick] results=FILE | Main child NAME k=v...");
            System.exit(2);
        }
        Params params = Params.parse(Arrays.copyOfRange(args, 2, args.length));
        if (args[0].equals("child")) {
            Map<String, Object> result = Contenders.run(args[1], params);
            Child.printResult(result);
            System.exit(0);
        }
        Results results = new Results(Path.of(params.get("results", "results.tsv")));
        boolean quick = params.flag("quick");
        switch (args[1]) {
            case "rabbit" -> new RabbitBench(results, quick).run();
            case "http" -> new HttpBench(results, quick).run();
            case "sse" -> new SseBench(results, quick).run();
            case "sched" -> new SchedBench(results, quick).run();
            case "tracing" -> new io.asyncworker.bench.rabbit.TracingBench(results, quick).run();
            default -> throw new IllegalArgumentException("unknown benchmark: " + args[1]);
        }
        System.exit(0);
    }
}
