package org.oneweek.roster.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import ai.timefold.solver.core.api.score.buildin.hardsoftlong.HardSoftLongScore;
import ai.timefold.solver.core.api.solver.SolutionManager;
import ai.timefold.solver.core.api.solver.SolverConfigOverride;
import ai.timefold.solver.core.api.solver.SolverManager;
import ai.timefold.solver.core.api.solver.SolverStatus;
import org.jspecify.annotations.Nullable;
import org.oneweek.platform.JobRuns;
import org.oneweek.platform.Weeks;
import org.oneweek.roster.RosterConflictException;
import org.oneweek.roster.planning.RosterPlan;
import org.oneweek.roster.planning.RosterSolverConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Plans a range of weeks in the background. The solving runs on the instance where it was
 * started; its progress (status, best score so far) is written to the database, so every
 * instance behind the load balancer shows it and can ask it to stop. The best roster
 * found is written as planned terms when the run ends, also when it is stopped early.
 */
@Service
public class RosterPlanner {

	/** A run whose instance has not been heard of for this long is considered lost. */
	static final Duration LOST_AFTER = Duration.ofSeconds(30);

	private static final Duration PROGRESS_EVERY = Duration.ofMillis(300);

	private static final Logger log = LoggerFactory.getLogger(RosterPlanner.class);

	private static final String SELECT = """
			select r.*, extract(epoch from (coalesce(r.ended_at, now()) - coalesce(r.started_at, now()))) * 1000
			       as elapsed_ms,
			       r.status in ('QUEUED', 'SOLVING')
			       and coalesce(r.heartbeat_at, r.created_at) < now() - make_interval(secs => %d) as lost
			from roster_run r""".formatted(LOST_AFTER.toSeconds());

	private static final RowMapper<PlanningRun> RUN = (rs, n) -> new PlanningRun(rs.getLong("id"),
			new PlanRange(rs.getObject("from_week", LocalDate.class), rs.getObject("to_week", LocalDate.class)),
			rs.getInt("time_limit_seconds"), PlanningRun.Status.valueOf(rs.getString("status")),
			rs.getBoolean("stop_requested"), rs.getString("started_by"), rs.getTimestamp("created_at").toInstant(),
			instant(rs.getTimestamp("started_at")), instant(rs.getTimestamp("ended_at")),
			rs.getObject("post_count", Integer.class), rs.getObject("member_count", Integer.class),
			rs.getObject("best_hard", Long.class), rs.getObject("best_soft", Long.class),
			rs.getObject("best_at_ms", Long.class), rs.getObject("first_feasible_ms", Long.class),
			rs.getInt("improvements"), rs.getString("message"), rs.getLong("elapsed_ms"), rs.getBoolean("lost"));

	private final String instanceId = UUID.randomUUID().toString();

	private final Map<Long, LocalJob> local = new ConcurrentHashMap<>();

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	private final PlanningProblems problems;

	private final PlanWriter writer;

	private final SolverManager<RosterPlan, Long> solvers;

	private final SolutionManager<RosterPlan, HardSoftLongScore> solutions;

	private final Clock clock;

	private final JobRuns runs;

	RosterPlanner(JdbcClient jdbc, TransactionTemplate transactions, PlanningProblems problems, PlanWriter writer,
			SolverManager<RosterPlan, Long> solvers, SolutionManager<RosterPlan, HardSoftLongScore> solutions,
			Clock clock, JobRuns runs) {
		this.runs = runs;
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.problems = problems;
		this.writer = writer;
		this.solvers = solvers;
		this.solutions = solutions;
		this.clock = clock;
	}

	/**
	 * Starts planning the range afresh, keeping published and pinned terms and duties.
	 * @throws RosterConflictException when the range is in the past, the time limit out
	 * of bounds, or another run is planning overlapping weeks
	 */
	public long start(PlanRange range, int seconds, String actor) {
		if (seconds < RosterSettings.MIN_TIME_LIMIT || seconds > RosterSettings.MAX_TIME_LIMIT) {
			throw new RosterConflictException("roster.run.timeLimit");
		}
		if (range.to().isBefore(Weeks.mondayOf(LocalDate.now(clock)))) {
			throw new RosterConflictException("roster.range.past");
		}
		Long runId = transactions.execute((status) -> {
			jdbc.sql("select pg_advisory_xact_lock(5005)").query().singleRow();
			forgetLostRuns();
			if (activeOverlapping(range).isPresent()) {
				throw new RosterConflictException("roster.run.busy");
			}
			return jdbc.sql("""
					insert into roster_run (from_week, to_week, time_limit_seconds, instance_id, started_by,
					heartbeat_at) values (?, ?, ?, ?, ?, now()) returning id""")
				.params(range.from(), range.to(), seconds, instanceId, actor)
				.query(Long.class)
				.single();
		});
		long id = runId;
		try {
			RosterPlan plan = problems.load(range, true);
			long open = plan.postsInRange().stream().filter((post) -> !post.isPinned()).count();
			jdbc.sql("update roster_run set post_count = ?, member_count = ? where id = ?")
				.params(plan.postsInRange().size(), plan.getCandidates().size(), id)
				.update();
			if (open == 0) {
				end(id, PlanningRun.Status.FINISHED, "roster.run.nothingToPlan");
				return id;
			}
			local.put(id, new LocalJob(System.nanoTime(), range));
			solvers.solveBuilder()
				.withProblemId(id)
				.withProblem(plan)
				.withSolverJobStartedEventConsumer((event) -> started(id))
				.withBestSolutionEventConsumer((event) -> progress(id, event.solution(), false))
				.withFinalBestSolutionEventConsumer((event) -> finish(id, event.solution()))
				.withExceptionHandler((problemId, error) -> failed(id, error))
				.withConfigOverride(new SolverConfigOverride<RosterPlan>()
					.withTerminationConfig(RosterSolverConfig.termination(Duration.ofSeconds(seconds))))
				.run();
		}
		catch (RuntimeException ex) {
			local.remove(id);
			log.error("Planning run {} could not start", id, ex);
			end(id, PlanningRun.Status.FAILED, "roster.run.failed");
			throw ex;
		}
		return id;
	}

	/** Asks the run to stop; the instance solving it stops within a second. */
	public void requestStop(long id) {
		jdbc.sql("update roster_run set stop_requested = true where id = ? and status in ('QUEUED', 'SOLVING')")
			.param(id)
			.update();
		if (local.containsKey(id)) {
			stop(id);
		}
	}

	public Optional<PlanningRun> run(long id) {
		return jdbc.sql(SELECT + " where r.id = ?").param(id).query(RUN).optional();
	}

	public List<PlanningRun> recent(int limit) {
		return jdbc.sql(SELECT + " order by r.id desc limit ?").param(limit).query(RUN).list();
	}

	/** A run that is planning weeks of the range now, if any. */
	public Optional<PlanningRun> activeOverlapping(PlanRange range) {
		return jdbc.sql(SELECT + " where r.status in ('QUEUED', 'SOLVING') and r.from_week <= ? and r.to_week >= ?")
			.params(range.to(), range.from())
			.query(RUN)
			.list()
			// a JdbcClient stream holds its connection until closed: read the rows first
			.stream()
			.filter(PlanningRun::active)
			.findFirst();
	}

	/**
	 * Every second: tells the other instances this one is still solving its runs, and
	 * stops those someone asked to stop on another instance.
	 */
	@Scheduled(fixedDelay = 1000)
	void heartbeat() {
		for (long id : local.keySet()) {
			Boolean stop = jdbc.sql("update roster_run set heartbeat_at = now() where id = ? returning stop_requested")
				.param(id)
				.query(Boolean.class)
				.optional()
				.orElse(false);
			if (stop) {
				stop(id);
			}
		}
		runs.succeeded("roster-heartbeat", clock.instant());
	}

	private void stop(long id) {
		solvers.terminateEarly(id);
		LocalJob job = local.get(id);
		// a run still waiting for its turn never starts, so nothing else will end it
		if (job != null && !job.started && solvers.getSolverStatus(id) == SolverStatus.NOT_SOLVING) {
			local.remove(id);
			end(id, PlanningRun.Status.STOPPED, null);
		}
	}

	private void started(long id) {
		jdbc.sql("update roster_run set status = 'SOLVING', started_at = now(), heartbeat_at = now() "
				+ "where id = ? and status = 'QUEUED'")
			.param(id)
			.update();
		LocalJob job = local.get(id);
		if (job != null) {
			job.startedNanos = System.nanoTime();
			job.started = true;
		}
	}

	private void progress(long id, RosterPlan best, boolean force) {
		LocalJob job = local.get(id);
		HardSoftLongScore score = best.getScore();
		if (job == null || score == null || !score.isSolutionInitialized()) {
			return;
		}
		long now = System.nanoTime();
		long elapsedMs = (now - job.startedNanos) / 1_000_000;
		job.improvements++;
		boolean firstFeasible = score.isFeasible() && !job.feasible;
		if (firstFeasible) {
			job.feasible = true;
		}
		if (!force && !firstFeasible && job.written && now - job.lastWrite < PROGRESS_EVERY.toNanos()) {
			return;
		}
		job.lastWrite = now;
		job.written = true;
		jdbc.sql("""
				update roster_run set best_hard = ?, best_soft = ?, best_at_ms = ?, improvements = ?,
				first_feasible_ms = coalesce(first_feasible_ms, ?), heartbeat_at = now() where id = ?""")
			.params(score.hardScore(), score.softScore(), elapsedMs, job.improvements,
					score.isFeasible() ? elapsedMs : null, id)
			.update();
	}

	private void finish(long id, RosterPlan best) {
		try {
			progress(id, best, true);
			LocalJob job = local.get(id);
			HardSoftLongScore found = best.getScore();
			if (job == null || found == null || !better(found, job.range)) {
				end(id, jdbc.sql("select stop_requested from roster_run where id = ?")
					.param(id)
					.query(Boolean.class)
					.single() ? PlanningRun.Status.STOPPED : PlanningRun.Status.FINISHED, "roster.run.kept");
				return;
			}
			transactions.executeWithoutResult((status) -> writer.save(best));
			boolean stopped = jdbc.sql("select stop_requested from roster_run where id = ?")
				.param(id)
				.query(Boolean.class)
				.single();
			HardSoftLongScore score = best.getScore();
			String message = (score != null && !score.isFeasible()) ? "roster.run.infeasible" : null;
			end(id, stopped ? PlanningRun.Status.STOPPED : PlanningRun.Status.FINISHED, message);
		}
		catch (RuntimeException ex) {
			log.error("Planning run {} could not save its roster", id, ex);
			end(id, PlanningRun.Status.FAILED, "roster.run.failed");
		}
		finally {
			local.remove(id);
		}
	}

	/**
	 * Whether the roster found beats the one in the database now, so that a run stopped
	 * before it got anywhere never makes the roster worse.
	 */
	private boolean better(HardSoftLongScore found, PlanRange range) {
		HardSoftLongScore current = solutions.update(problems.load(range, false));
		return current == null || found.compareTo(current) > 0;
	}

	private void failed(long id, Throwable error) {
		log.error("Planning run {} failed", id, error);
		local.remove(id);
		end(id, PlanningRun.Status.FAILED, "roster.run.failed");
	}

	private void end(long id, PlanningRun.Status status, @Nullable String message) {
		jdbc.sql("""
				update roster_run set status = ?, message = coalesce(?, message), ended_at = now(),
				started_at = coalesce(started_at, now()) where id = ? and status in ('QUEUED', 'SOLVING')""")
			.params(status.name(), message, id)
			.update();
	}

	private void forgetLostRuns() {
		jdbc.sql("""
				update roster_run set status = 'FAILED', message = 'roster.run.lost', ended_at = now()
				where status in ('QUEUED', 'SOLVING')
				and coalesce(heartbeat_at, created_at) < now() - make_interval(secs => ?)""")
			.param((int) LOST_AFTER.toSeconds())
			.update();
	}

	private static java.time.@Nullable Instant instant(@Nullable Timestamp timestamp) {
		return (timestamp != null) ? timestamp.toInstant() : null;
	}

	/** What this instance keeps about a run it solves. */
	private static final class LocalJob {

		volatile long startedNanos;

		volatile boolean started;

		long lastWrite;

		boolean written;

		boolean feasible;

		int improvements;

		final PlanRange range;

		LocalJob(long startedNanos, PlanRange range) {
			this.startedNanos = startedNanos;
			this.range = range;
		}

	}

}
