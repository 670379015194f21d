package io.asyncworker.cli.internal;

import io.asyncworker.App;
import io.asyncworker.spi.ParkingLot;
import io.asyncworker.spi.Providers;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code asyncworker parking-lot list|replay|purge <class> [--route r] [--limit n]}: the parking
 * lots of a worker's routes (SPEC §14), through the backends' {@link ParkingLot}s; names no backend.
 * Builds the worker's app without starting it.
 */
@Command(name = "parking-lot", mixinStandardHelpOptions = true,
        subcommands = {ParkingLotCommand.ListLots.class, ParkingLotCommand.Replay.class, ParkingLotCommand.Purge.class},
        description = {"Shows, replays or purges the messages a worker's routes parked after their last retry "
                + "(routes with a RetryPolicy)."},
        footer = {"", ParkingLotCommand.EXIT_CODES})
final class ParkingLotCommand implements Runnable {
    static final String EXIT_CODES = "Exit codes: 0 done, 1 the broker failed or the replay stopped (what was not moved "
            + "stays parked), 2 bad usage, an unknown route, or a class that cannot be loaded or built.";

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "missing command: list, replay or purge");
    }

    /** What the three commands share: the lots chosen by {@code --route}, and {@code --limit}. */
    abstract static class LotCommand extends WorkerCommand {
        @Option(names = "--route", paramLabel = "<route>", description = "Only this route's parking lots.")
        String route;

        @Option(names = "--limit", paramLabel = "<n>", description = "At most this many messages per parking lot.")
        Long limit;

        @Override
        final int execute() throws WorkerException {
            if (limit != null && limit < 1) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--limit must be at least 1, got " + limit);
            }
            try (App app = build()) {
                List<ParkingLot> lots = chosen(Providers.parkingLots(app));
                if (lots.isEmpty()) {
                    out().printf("%s: no route has a parking lot (routes park messages with a RetryPolicy)%n", className);
                }
                for (ParkingLot lot : lots) {
                    act(lot);
                }
                return Commands.OK;
            } catch (IllegalArgumentException e) {
                err().println("asyncworker: " + className + ": " + e.getMessage());
                return Commands.USAGE;
            } catch (IllegalStateException e) {
                err().println("asyncworker: " + e.getMessage());
                return Commands.FAILED;
            }
        }

        private List<ParkingLot> chosen(List<ParkingLot> all) throws WorkerException {
            if (route == null) {
                return all;
            }
            List<ParkingLot> mine = all.stream().filter(l -> l.route().equals(route)).toList();
            if (mine.isEmpty()) {
                throw new WorkerException("no route '" + route + "' with a parking lot in " + className + "; routes with one: "
                        + (all.isEmpty() ? "none" : String.join(", ", all.stream().map(ParkingLot::route).distinct().toList())));
            }
            return mine;
        }

        /** Does the command's work on one lot. */
        abstract void act(ParkingLot lot);

        long limitOr(long whenUnset) {
            return limit != null ? limit : whenUnset;
        }

        @Override
        List<String> options() {
            List<String> args = new ArrayList<>();
            if (route != null) {
                args.addAll(List.of("--route", route));
            }
            if (limit != null) {
                args.addAll(List.of("--limit", limit.toString()));
            }
            return args;
        }
    }

    /** {@code parking-lot list}: leaves every message where it is. */
    @Command(name = "list", mixinStandardHelpOptions = true,
            description = {"Prints how many messages each parking lot holds and the first ones (10 unless --limit): "
                    + "why they failed, how often, when, and where they came from. Moves nothing."},
            footer = {"", EXIT_CODES})
    static final class ListLots extends LotCommand {
        @Override
        void act(ParkingLot lot) {
            long count = lot.count();
            out().printf("parking lot %s of route %s (replays to %s): %s%n", lot.name(), lot.route(), lot.destination(),
                    RoutesReport.count((int) Math.min(count, Integer.MAX_VALUE), "message"));
            List<ParkingLot.ParkedMessage> shown = count == 0 ? List.of() : lot.list((int) Math.min(limitOr(10), 10_000));
            for (ParkingLot.ParkedMessage m : shown) {
                out().printf("  %s%n", m.id());
                for (Map.Entry<String, String> d : m.details().entrySet()) {
                    out().printf("    %s: %s%n", d.getKey(), d.getValue());
                }
                out().printf("    body: %s%n", m.body());
            }
            if (shown.size() < count) {
                out().printf("  ... %d more%n", count - shown.size());
            }
        }
    }

    /** {@code parking-lot replay}: moves messages back, confirmed before they leave the lot. */
    @Command(name = "replay", mixinStandardHelpOptions = true,
            description = {"Moves parked messages (all unless --limit) back to the queue they came from, oldest first, "
                    + "as first attempts. A message leaves the parking lot only after the broker confirmed its copy: "
                    + "interrupted or disconnected half-way, nothing is lost (a message may come back twice)."},
            footer = {"", EXIT_CODES})
    static final class Replay extends LotCommand {
        @Override
        void act(ParkingLot lot) {
            long moved = lot.replay(limitOr(Long.MAX_VALUE), note -> err().println("asyncworker: " + lot.name() + ": " + note));
            out().printf("replayed %d messages from %s to %s%n", moved, lot.name(), lot.destination());
        }
    }

    /** {@code parking-lot purge}: deletes messages for good. */
    @Command(name = "purge", mixinStandardHelpOptions = true,
            description = {"Deletes parked messages for good (all unless --limit), oldest first."},
            footer = {"", EXIT_CODES})
    static final class Purge extends LotCommand {
        @Override
        void act(ParkingLot lot) {
            out().printf("purged %d messages from %s%n", lot.purge(limitOr(Long.MAX_VALUE)), lot.name());
        }
    }
}
