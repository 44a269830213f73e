package org.oneweek.roster.planning;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

import ai.timefold.solver.core.api.score.analysis.ScoreAnalysis;
import ai.timefold.solver.core.api.score.buildin.hardsoftlong.HardSoftLongScore;
import ai.timefold.solver.core.api.solver.SolutionManager;
import ai.timefold.solver.core.api.solver.Solver;
import ai.timefold.solver.core.api.solver.SolverFactory;
import ai.timefold.solver.core.impl.localsearch.scope.LocalSearchPhaseScope;
import ai.timefold.solver.core.impl.phase.event.PhaseLifecycleListenerAdapter;
import ai.timefold.solver.core.impl.phase.scope.AbstractPhaseScope;
import ai.timefold.solver.core.impl.phase.scope.AbstractStepScope;
import ai.timefold.solver.core.impl.solver.DefaultSolver;

/**
 * Measures the planner on generated districts (see docs/BENCHMARKS.md): time to the first
 * roster keeping every hard rule, the score after a fixed time, memory and time per local
 * search step. Not part of the test suite; run it by hand:
 *
 * <pre>
 * ./mvnw -q test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt -Dmdep.includeScope=test
 * java -Xmx2g -cp target/test-classes:target/classes:$(cat target/cp.txt) \
 *     org.oneweek.roster.planning.RosterBenchmark 30 S M L
 * </pre>
 */
public final class RosterBenchmark {

	private RosterBenchmark() {
	}

	record Result(String name, int members, int posts, long firstFeasibleMs, long draftMs, HardSoftLongScore score,
			long steps, long moveEvaluations, long localSearchMs, long peakHeapMb, long liveHeapMb) {

	}

	public static void main(String[] args) throws Exception {
		int seconds = (args.length > 0) ? Integer.parseInt(args[0]) : 30;
		List<String> names = (args.length > 1) ? List.of(args).subList(1, args.length) : List.of("S", "M", "L");
		System.out.printf("JVM %s, %d processors, max heap %d MB%n", System.getProperty("java.vm.version"),
				Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() / 1024 / 1024);
		// warm the JVM up on every size, not measured
		run(Instances.S, 15, false);
		run(Instances.M, 10, false);
		run(Instances.L, 20, false);
		List<Result> results = new ArrayList<>();
		for (String name : names) {
			results.add(run(Instances.byName(name), seconds, true));
		}
		System.out.println();
		System.out.println("| instance | members | posts | first feasible | draft phase | score after " + seconds
				+ " s | LS steps | time per LS step | move evaluations/s | peak heap | live heap after |");
		System.out.println("|---|---|---|---|---|---|---|---|---|---|---|");
		for (Result r : results) {
			System.out.printf(Locale.ROOT,
					"| %s | %,d | %,d | %s | %,d ms | %s | %,d | %.2f ms | %,d | %,d MB | %,d MB |%n", r.name(),
					r.members(), r.posts(),
					(r.firstFeasibleMs() < 0) ? "never" : String.format("%,d ms", r.firstFeasibleMs()), r.draftMs(),
					r.score(), r.steps(), (double) r.localSearchMs() / Math.max(1, r.steps()),
					r.moveEvaluations() * 1000 / Math.max(1, r.localSearchMs()), r.peakHeapMb(), r.liveHeapMb());
		}
		infeasible();
	}

	static Result run(Instances.Size size, int seconds, boolean report) throws InterruptedException {
		RosterPlan plan = Instances.generate(size);
		System.gc();
		resetPeaks();
		Solver<RosterPlan> solver = SolverFactory
			.<RosterPlan>create(RosterSolverConfig.create(Duration.ofSeconds(seconds)))
			.buildSolver();
		AtomicLong firstFeasible = new AtomicLong(-1);
		solver.addEventListener((event) -> {
			if (firstFeasible.get() < 0 && event.isNewBestSolutionInitialized()
					&& event.getNewBestScore().isFeasible()) {
				firstFeasible.set(event.getTimeMillisSpent());
			}
		});
		long[] steps = new long[1];
		long[] draftMs = new long[1];
		long[] localSearch = new long[2];
		((DefaultSolver<RosterPlan>) solver).addPhaseLifecycleListener(new PhaseLifecycleListenerAdapter<>() {
			@Override
			public void stepEnded(AbstractStepScope<RosterPlan> stepScope) {
				if (stepScope.getPhaseScope() instanceof LocalSearchPhaseScope) {
					steps[0]++;
				}
			}

			@Override
			public void phaseEnded(AbstractPhaseScope<RosterPlan> phaseScope) {
				if (phaseScope.getPhaseIndex() == 0) {
					draftMs[0] = phaseScope.calculatePhaseTimeMillisSpentUpToNow();
				}
				if (phaseScope instanceof LocalSearchPhaseScope) {
					localSearch[0] = phaseScope.calculatePhaseTimeMillisSpentUpToNow();
					localSearch[1] = phaseScope.getPhaseMoveEvaluationCount();
				}
			}
		});
		RosterPlan solved = solver.solve(plan);
		long peak = peakHeapMb();
		System.gc();
		long live = usedHeapMb();
		Result result = new Result(size.name(), plan.getCandidates().size(), plan.getPosts().size(),
				firstFeasible.get(), draftMs[0], solved.getScore(), steps[0], localSearch[1], localSearch[0], peak,
				live);
		if (report) {
			System.out.println(result);
		}
		return result;
	}

	/** A district with too few members: the planner must say so, naming the rules. */
	static void infeasible() {
		Instances.Size tooFew = new Instances.Size("S with 20 members", 20, 12, 3, 4, 13, 5);
		SolverFactory<RosterPlan> factory = SolverFactory.create(RosterSolverConfig.create(Duration.ofSeconds(10)));
		RosterPlan solved = factory.buildSolver().solve(Instances.generate(tooFew));
		ScoreAnalysis<HardSoftLongScore> analysis = SolutionManager.<RosterPlan, HardSoftLongScore>create(factory)
			.analyze(solved);
		System.out.println();
		System.out.println("Infeasible instance (" + tooFew.name() + "), score " + solved.getScore() + ":");
		analysis.constraintAnalyses()
			.stream()
			.filter((c) -> c.score().hardScore() < 0)
			.forEach((c) -> System.out.println("  hard rule broken: " + c.constraintRef().constraintName() + " ("
					+ c.matchCount() + " times, " + c.score() + ")"));
	}

	private static void resetPeaks() {
		ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
	}

	private static long peakHeapMb() {
		return ManagementFactory.getMemoryPoolMXBeans()
			.stream()
			.filter((pool) -> pool.getType() == MemoryType.HEAP)
			.mapToLong((pool) -> pool.getPeakUsage().getUsed())
			.sum() / 1024 / 1024;
	}

	private static long usedHeapMb() {
		return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() / 1024 / 1024;
	}

}
