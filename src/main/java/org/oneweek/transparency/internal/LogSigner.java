package org.oneweek.transparency.internal;

import java.net.URI;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.oneweek.platform.JobRuns;
import org.oneweek.transparency.Checkpoint;
import org.oneweek.transparency.InconsistentLogException;
import org.oneweek.transparency.Merkle;
import org.oneweek.transparency.SignedNote;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The log's Ed25519 key (made once, kept in the database) and its checkpoints: a new one
 * is signed whenever the tree grew (every
 * {@code oneweek.transparency.checkpoint-interval}, ten seconds by default), and only
 * after checking that the tree extends the last one signed (a consistency proof from the
 * stored hashes, verified against the last signed root); a tree that does not is refused
 * with {@link InconsistentLogException}.
 */
@Component
public class LogSigner {

	private static final Logger log = LoggerFactory.getLogger(LogSigner.class);

	/** The advisory lock of signing: one instance signs at a time. */
	static final long LOCK = LogStore.LOCK + 1;

	private final JdbcClient jdbc;

	private final LogStore store;

	private final TransactionTemplate transactions;

	private final Clock clock;

	private final String configuredOrigin;

	private final boolean scheduled;

	private final JobRuns runs;

	private volatile @Nullable Key key;

	LogSigner(JdbcClient jdbc, LogStore store, TransactionTemplate transactions, Clock clock,
			@Value("${oneweek.transparency.origin:}") String origin,
			@Value("${oneweek.bulletin.public-url:}") String publicUrl,
			@Value("${oneweek.transparency.checkpoints.enabled:true}") boolean scheduled, JobRuns runs) {
		this.runs = runs;
		this.jdbc = jdbc;
		this.store = store;
		this.transactions = transactions;
		this.clock = clock;
		this.configuredOrigin = origin.isBlank() ? originOf(publicUrl) : origin.strip();
		this.scheduled = scheduled;
	}

	/** The origin for a public address: its host and path, then /transparency. */
	static String originOf(String publicUrl) {
		if (publicUrl.isBlank()) {
			return "oneweek.localhost/transparency";
		}
		URI uri = URI.create(publicUrl.strip());
		String host = (uri.getHost() != null) ? uri.getHost() : "oneweek.localhost";
		String port = (uri.getPort() > 0) ? ":" + uri.getPort() : "";
		String path = (uri.getPath() != null) ? uri.getPath().replaceAll("/+$", "") : "";
		return host + port + path + "/transparency";
	}

	/** The log's key: its name (the checkpoints' origin) and public half. */
	record Key(String name, byte[] seed, byte[] publicKey) {

		SignedNote.Verifier verifier() {
			return new SignedNote.Verifier(name, publicKey);
		}

	}

	/** The key exists, and so does a checkpoint, from the first start on. */
	@EventListener(ApplicationReadyEvent.class)
	void started() {
		key();
		if (scheduled || latestNote().isEmpty()) {
			try {
				signIfGrown();
			}
			catch (InconsistentLogException ex) {
				log.error("No checkpoint signed: {}", ex.getMessage());
			}
		}
	}

	@Scheduled(initialDelayString = "${oneweek.transparency.checkpoint-interval:PT10S}",
			fixedDelayString = "${oneweek.transparency.checkpoint-interval:PT10S}")
	void everyFewSeconds() {
		if (!scheduled) {
			return;
		}
		try {
			signIfGrown();
		}
		catch (InconsistentLogException ex) {
			log.error("No checkpoint signed: {}", ex.getMessage());
		}
	}

	/** The verifier key, {@code <name>+<hex id>+<base64 key>}. */
	public SignedNote.Verifier verifier() {
		return key().verifier();
	}

	/** The checkpoints' origin line (also the key's name). */
	public String origin() {
		return key().name();
	}

	Key key() {
		Key k = key;
		if (k == null) {
			k = transactions.execute((status) -> {
				Optional<Key> stored = stored();
				if (stored.isPresent()) {
					return stored.get();
				}
				jdbc.sql("select pg_advisory_xact_lock(?)").param(LOCK).query().singleRow();
				stored = stored();
				if (stored.isPresent()) {
					return stored.get();
				}
				byte[][] pair = SignedNote.generate();
				jdbc.sql("insert into tlog_key (id, name, seed, public_key, created_at) values (1, ?, ?, ?, ?)")
					.params(configuredOrigin, pair[0], pair[1], Timestamp.from(clock.instant()))
					.update();
				log.info("Made the transparency log's signing key, {}",
						new SignedNote.Verifier(configuredOrigin, pair[1]).encoded());
				return new Key(configuredOrigin, pair[0], pair[1]);
			});
			key = k;
		}
		return k;
	}

	private Optional<Key> stored() {
		return jdbc.sql("select name, seed, public_key from tlog_key where id = 1")
			.query((rs, n) -> new Key(rs.getString("name"), rs.getBytes("seed"), rs.getBytes("public_key")))
			.optional();
	}

	/** The latest signed checkpoint's note, if any was signed. */
	public Optional<String> latestNote() {
		return jdbc.sql("select note from tlog_checkpoint order by size desc limit 1").query(String.class).optional();
	}

	/** The latest signed checkpoint, if any was signed. */
	public Optional<Checkpoint> latest() {
		return latestNote().map((note) -> Checkpoint.parse(SignedNote.verify(note, verifier())));
	}

	/** The checkpoints signed, newest first. */
	public List<String> notes(int limit) {
		return jdbc.sql("select note from tlog_checkpoint order by size desc limit ?")
			.param(limit)
			.query(String.class)
			.list();
	}

	/**
	 * Signs a checkpoint of the tree as it is, unless it is the last one signed.
	 * @return the latest checkpoint's note
	 * @throws InconsistentLogException when the tree does not extend the last checkpoint
	 */
	public String signIfGrown() {
		String note = checkpoint(key());
		// the signer's check ran to the end (signed or nothing new): the job is alive
		runs.succeeded("transparency-checkpoints", clock.instant());
		return note;
	}

	private String checkpoint(Key k) {
		return transactions.execute((status) -> {
			jdbc.sql("select pg_advisory_xact_lock(?)").param(LOCK).query().singleRow();
			Optional<String> lastNote = latestNote();
			Checkpoint last = lastNote.map((note) -> Checkpoint.parse(SignedNote.verify(note, k.verifier())))
				.orElse(null);
			long size = store.size();
			if (last != null && last.size() == size) {
				byte[] root = Merkle.root(size, store);
				if (!java.util.Arrays.equals(root, last.root())) {
					throw new InconsistentLogException("the tree of size " + size
							+ " no longer has the root of the checkpoint signed at that size");
				}
				return lastNote.get();
			}
			if (last != null && size < last.size()) {
				throw new InconsistentLogException(
						"the tree has " + size + " leaves, fewer than the " + last.size() + " signed");
			}
			byte[] root = Merkle.root(size, store);
			if (last != null && last.size() > 0) {
				try {
					Merkle.verifyConsistency(last.size(), size, Merkle.consistencyProof(last.size(), size, store),
							last.root(), root);
				}
				catch (Merkle.ProofException ex) {
					throw new InconsistentLogException("the tree of size " + size
							+ " is not an extension of the checkpoint of size " + last.size() + ": " + ex.getMessage());
				}
			}
			Checkpoint checkpoint = new Checkpoint(k.name(), size, root);
			String note = SignedNote.sign(checkpoint.text(), k.name(), k.seed(), k.publicKey());
			jdbc.sql("insert into tlog_checkpoint (size, root, note, signed_at) values (?, ?, ?, ?)")
				.params(size, root, note, Timestamp.from(clock.instant()))
				.update();
			return note;
		});
	}

}
