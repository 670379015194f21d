package io.asyncworker.examples.cluster;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;

/**
 * The programs {@code scripts/rabbitmq-cluster} runs against its three-node cluster; not an example.
 *
 * <pre>
 * ClusterCheck publish      URL QUEUE COUNT             publishes COUNT messages (message id = 0..COUNT-1)
 * ClusterCheck consume      URL QUEUE COUNT DIR         consumes until every id was handled, reports stalls
 * ClusterCheck fleet        URL SCHEDULE PERIOD LOG     a replica running a once-per-fleet schedule until stopped
 * ClusterCheck fleet-report PERIOD EVENTS KILL LOG...   checks the replicas' logs: each due time once
 * </pre>
 * {@code DIR/events} holds the script's fault injections, one per line: {@code <epoch ms> <what>}.
 * Exit code 0: the check passed; 1: it failed; 2: bad usage.
 */
public final class ClusterCheck {
    private ClusterCheck() {
    }

    public static void main(String[] args) throws Exception {
        System.exit(run(args));
    }

    static int run(String... args) throws Exception {
        String mode = args.length == 0 ? "" : args[0];
        String[] rest = Arrays.copyOfRange(args, Math.min(1, args.length), args.length);
        return switch (mode) {
            case "publish" -> rest.length == 3 ? ClusterPublish.run(rest[0], rest[1], Integer.parseInt(rest[2])) : usage();
            case "consume" -> rest.length == 4
                    ? ClusterConsume.run(rest[0], rest[1], Integer.parseInt(rest[2]), Path.of(rest[3])) : usage();
            case "fleet" -> rest.length == 4
                    ? FleetReplica.run(rest[0], rest[1], Duration.parse(rest[2]), Path.of(rest[3])) : usage();
            case "fleet-report" -> rest.length >= 4 ? FleetReport.run(Duration.parse(rest[0]), Path.of(rest[1]),
                    Long.parseLong(rest[2]), Arrays.stream(rest, 3, rest.length).map(Path::of).toList()) : usage();
            default -> usage();
        };
    }

    private static int usage() {
        System.err.println("usage: ClusterCheck publish|consume|fleet|fleet-report ... (see the class comment)");
        return 2;
    }
}
