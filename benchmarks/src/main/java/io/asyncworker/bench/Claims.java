package io.asyncworker.bench;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Turns the interleaved rounds of one benchmark into figures and claims: every claim is the median
 * of same-round ratios (subject / reference) of the child results' {@code rate} or CPU field,
 * printed round by round first. A contender's best round is shown as a figure and decides nothing.
 * Used by the driver thread only.
 */
public final class Claims {
    private static final String RATE = "rate";
    /** The whole process's CPU, start-up included, where a child reports it next to a steady-span field. */
    private static final String WHOLE_CPU = "cpu";

    private final Results results;
    private final String bench;
    private final Rounds rounds;
    private final String unit;
    private final String cpuField;
    private final String cpuLabel;
    private final Set<String> printed = new HashSet<>();

    /**
     * @param unit     what {@code rate} counts per second, e.g. {@code "msg/s"}
     * @param cpuField the CPU field the claims compare: {@code steadyCpu} (the span the rate is
     *                 measured over) where the child reports it, else {@code cpu}
     * @param cpuLabel what that field is, e.g. {@code "consumer CPU s"}
     */
    public Claims(Results results, String bench, Rounds rounds, String unit, String cpuField, String cpuLabel) {
        this.results = results;
        this.bench = bench;
        this.rounds = rounds;
        this.unit = unit;
        this.cpuField = cpuField;
        this.cpuLabel = cpuLabel;
    }

    /** Each contender's medians over its rounds (and its best rate, marked as such), or why it has none. */
    public void figures(List<String> contenders, String startLabel) {
        for (String contender : contenders) {
            double[] rates = rounds.values(contender, RATE);
            if (rates.length == 0) {
                results.missing(bench, contender, "no round measured (failed, see log, or left out by BENCH_ONLY)");
                continue;
            }
            results.figure(bench, contender, unit + " (median)", Ratios.median(rates));
            results.figure(bench, contender, unit + " (best round, decides nothing)", Arrays.stream(rates).max().getAsDouble());
            median(contender, "e2eRate", unit + " " + startLabel + " (median)");
            median(contender, cpuField, cpuLabel + " (median)");
            if (!cpuField.equals(WHOLE_CPU)) {
                median(contender, WHOLE_CPU, "whole-process CPU s, start-up included (median)");
            }
            median(contender, "appStart", "app.start() s (median)");
        }
    }

    /** A claim on the subject's rate over the reference's, same round. */
    public void rate(String claim, String subject, String reference, Target target) {
        print(subject, reference);
        results.claim(bench, claim, rounds.ratios(subject, reference, RATE), cpuRatios(subject, reference), target);
    }

    /** A claim on the subject's CPU over the reference's, same round. */
    public void cpu(String claim, String subject, String reference, Target target) {
        print(subject, reference);
        Ratios cpu = cpuRatios(subject, reference);
        results.claim(bench, claim, cpu, cpu, target);
    }

    /** A comparison of rates (and CPU) that decides nothing. */
    public void extra(String comparison, String subject, String reference) {
        print(subject, reference);
        results.extra(bench, comparison, rounds.ratios(subject, reference, RATE), cpuRatios(subject, reference));
    }

    /**
     * The whole-process CPU (start-up, class loading and JIT included) of the subject over the
     * reference's, same round; shown next to a steady-span CPU claim and deciding nothing.
     */
    public void wholeCpu(String comparison, String subject, String reference) {
        Ratios whole = rounds.ratios(subject, reference, WHOLE_CPU);
        System.out.print(rounds.table(subject, reference, WHOLE_CPU, null, "whole-process CPU s"));
        results.extra(bench, comparison, whole, whole);
    }

    /**
     * The subject's rate and CPU over the reference's in the second half of each drain only
     * ({@code warmRate}, {@code warmCpu}: most JIT compilation done), same round; decides nothing.
     */
    public void warm(String comparison, String subject, String reference) {
        System.out.print(rounds.table(subject, reference, "warmRate", "warmCpu", unit + ", second half"));
        results.extra(bench, comparison, rounds.ratios(subject, reference, "warmRate"),
                rounds.ratios(subject, reference, "warmCpu"));
    }

    private Ratios cpuRatios(String subject, String reference) {
        return rounds.ratios(subject, reference, cpuField);
    }

    private void median(String contender, String field, String metric) {
        double[] values = rounds.values(contender, field);
        if (values.length > 0) {
            results.figure(bench, contender, metric, Ratios.median(values));
        }
    }

    /** Prints the round-by-round figures of a pair, once per pair. */
    private void print(String subject, String reference) {
        if (printed.add(subject + "\n" + reference)) {
            System.out.print(rounds.table(subject, reference, RATE, cpuField, unit));
        }
    }
}
