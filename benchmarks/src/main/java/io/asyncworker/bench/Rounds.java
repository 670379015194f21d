package io.asyncworker.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The figures of interleaved rounds: per round, per contender, the numeric fields of its result
 * (e.g. {@code rate}, {@code cpu}). Claims are read as same-round ratios ({@link #ratios}), never
 * as one contender's best against another's. Not thread-safe: the driver thread fills and reads it.
 */
public final class Rounds {
    private final List<Map<String, Map<String, Double>>> rounds = new ArrayList<>();

    /**
     * The order to run the contenders in, round {@code round} (1-based): the list turned left by one
     * per round, so that each contender runs first, second, ... in turn.
     */
    public static <T> List<T> rotated(List<T> contenders, int round) {
        List<T> order = new ArrayList<>(contenders);
        if (!order.isEmpty()) {
            Collections.rotate(order, -((round - 1) % order.size()));
        }
        return order;
    }

    /** Records a contender's result in round {@code round} (1-based); fields that are not numbers are left out. */
    public void record(int round, String contender, Map<String, ?> result) {
        if (round < 1) {
            throw new IllegalArgumentException("round must be >= 1, was " + round);
        }
        while (rounds.size() < round) {
            rounds.add(new HashMap<>());
        }
        Map<String, Double> fields = new HashMap<>();
        result.forEach((key, value) -> {
            double number = number(value);
            if (!Double.isNaN(number)) {
                fields.put(key, number);
            }
        });
        rounds.get(round - 1).put(contender, fields);
    }

    /** Per round in which both have {@code field}: subject's value / reference's value. */
    public Ratios ratios(String subject, String reference, String field) {
        List<Double> ratios = new ArrayList<>();
        for (Map<String, Map<String, Double>> round : rounds) {
            Double s = value(round, subject, field);
            Double r = value(round, reference, field);
            if (s != null && r != null) {
                ratios.add(s / r);
            }
        }
        return Ratios.of(ratios.stream().mapToDouble(Double::doubleValue).toArray());
    }

    /** The contender's {@code field} in every round that has it, in round order. */
    public double[] values(String contender, String field) {
        return rounds.stream().map(round -> value(round, contender, field))
                .filter(v -> v != null).mapToDouble(Double::doubleValue).toArray();
    }

    /**
     * One line per round in which both ran: {@code subject rate / reference rate = ratio, cpu ... = ratio},
     * under a heading naming the two; the text a benchmark prints before a claim. {@code cpuField} may be
     * null (no CPU part).
     */
    public String table(String subject, String reference, String rateField, String cpuField, String unit) {
        StringBuilder out = new StringBuilder(String.format(Locale.ROOT, "  %s / %s, same round:%n", subject, reference));
        for (int i = 0; i < rounds.size(); i++) {
            Map<String, Map<String, Double>> round = rounds.get(i);
            Double s = value(round, subject, rateField);
            Double r = value(round, reference, rateField);
            if (s != null && r != null) {
                out.append(String.format(Locale.ROOT, "    round %d  %s / %s %s = %s%s%n", i + 1,
                        Results.format(s), Results.format(r), unit, Results.format(s / r), cpuField == null ? ""
                                : "   cpu " + quotient(value(round, subject, cpuField), value(round, reference, cpuField))));
            }
        }
        return out.toString();
    }

    private static String quotient(Double s, Double r) {
        return s == null || r == null ? "n/a"
                : Results.format(s) + " / " + Results.format(r) + " s = " + Results.format(s / r);
    }

    /** How many rounds have been recorded (the highest round number seen). */
    public int count() {
        return rounds.size();
    }

    private static Double value(Map<String, Map<String, Double>> round, String contender, String field) {
        Map<String, Double> fields = round.get(contender);
        return fields == null ? null : fields.get(field);
    }

    private static double number(Object value) {
        if (value instanceof Number n) {
            return n.doubleValue();
        }
        try {
            return Double.parseDouble(String.valueOf(value));
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }
}
