package org.oneweek.reconciliation.internal;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.oneweek.reconciliation.internal.ReconciliationEvaluation.Counts;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The evaluation harness on the development file (or on the file named by the system
 * property {@code reconciliation.eval.file}, as {@code bench/reconciliation-eval.sh FILE}
 * does): precision, recall and F1 of the proposals at the default threshold, next to the
 * baseline. Writes its figures to {@code target/reconciliation-eval.txt}, the last line
 * {@code precision=P recall=R f1=F baseline_f1=B}.
 */
class ReconciliationEvaluationTest {

	@Test
	void proposalsFindTheSameProblemsBetterThanTheBaseline() throws IOException, URISyntaxException {
		String given = System.getProperty("reconciliation.eval.file", "");
		Path dev = Path.of(getClass().getResource("/reconciliation/dev.json").toURI());
		Path file = given.isBlank() ? dev : Path.of(given);
		ReconciliationEvaluation evaluation = ReconciliationEvaluation.of(file);
		Counts method = evaluation.method(Matching.DEFAULT_THRESHOLD);
		Counts baseline = evaluation.baseline();
		List<String> report = new ArrayList<>();
		report.add("file=" + file + " weeks=" + evaluation.weekCount() + " threshold=" + Matching.DEFAULT_THRESHOLD);
		report.add(String.format(Locale.ROOT, "method: tp=%d fp=%d fn=%d", method.tp(), method.fp(), method.fn()));
		report.add(String.format(Locale.ROOT, "baseline: tp=%d fp=%d fn=%d precision=%.3f recall=%.3f", baseline.tp(),
				baseline.fp(), baseline.fn(), baseline.precision(), baseline.recall()));
		StringBuilder curve = new StringBuilder("f1 by threshold:");
		for (int t = 10; t <= 50; t += 2) {
			curve.append(String.format(Locale.ROOT, " %.2f=%.3f", t / 100.0, evaluation.method(t / 100.0).f1()));
		}
		report.add(curve.toString());
		report.addAll(evaluation.mistakes(Matching.DEFAULT_THRESHOLD));
		report.add(ReconciliationEvaluation.line(method, baseline));
		Files.createDirectories(Path.of("target"));
		Files.write(Path.of("target", "reconciliation-eval.txt"), report);
		report.forEach(System.out::println);
		if (file.equals(dev)) {
			assertThat(method.f1()).isGreaterThanOrEqualTo(0.95).isGreaterThan(baseline.f1());
		}
	}

}
