package org.oneweek.reconciliation.internal;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.oneweek.platform.Digests;
import org.oneweek.reconciliation.Item;
import org.oneweek.reconciliation.ItemRef;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The items' embeddings in PostgreSQL ({@code reconciliation_embedding}, 512 float32 as
 * bytes, read back without parsing text), one per item, with the digest of the text and
 * the model they were computed from: an item whose text changed, or that has none yet (it
 * existed before this module, or the worker has not come to it), gets one computed when
 * it is needed. The model's time is measured for monitoring:
 * {@code oneweek.reconciliation.embedding} times each call of the model ({@code call}
 * {@code one} for a text, {@code batch} for several), and
 * {@code oneweek.reconciliation.embedded.items} counts the texts embedded.
 */
@Component
public class EmbeddingStore {

	private final JdbcClient jdbc;

	private final Clock clock;

	private final Timer one;

	private final Timer batch;

	private final Counter embedded;

	EmbeddingStore(JdbcClient jdbc, Clock clock, MeterRegistry registry) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.one = timer(registry, "one");
		this.batch = timer(registry, "batch");
		this.embedded = Counter.builder("oneweek.reconciliation.embedded.items")
			.description("Texts embedded by the sentence model on this instance")
			.register(registry);
	}

	private static Timer timer(MeterRegistry registry, String call) {
		return Timer.builder("oneweek.reconciliation.embedding")
			.description("The sentence model's time embedding texts (one, or a batch of several)")
			.tag("call", call)
			.publishPercentileHistogram(false)
			.register(registry);
	}

	private float[] embedOne(String text) {
		float[] vector = one.record(() -> SentenceModel.embed(text));
		embedded.increment();
		return vector;
	}

	private List<float[]> embedBatch(List<String> texts) {
		List<float[]> vectors = batch.record(() -> SentenceModel.embedAll(texts));
		embedded.increment(texts.size());
		return vectors;
	}

	static String digest(String text) {
		return Digests.sha256Hex(SentenceModel.NAME + "\n" + SentenceModel.cut(text));
	}

	/** Statistics of one call, for the benchmark and the logs. */
	public record Loaded(Map<ItemRef, float[]> vectors, int computed) {

	}

	/**
	 * The embeddings of the items: those stored and current, and the others computed now
	 * and stored.
	 */
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	public Loaded vectors(List<Item> items) {
		Map<ItemRef, float[]> vectors = new HashMap<>();
		if (items.isEmpty()) {
			return new Loaded(vectors, 0);
		}
		Map<String, Item> byKey = new HashMap<>();
		items.forEach((i) -> byKey.put(i.ref().key(), i));
		List<String> kinds = new ArrayList<>();
		List<Long> ids = new ArrayList<>();
		items.forEach((i) -> {
			kinds.add(String.valueOf(i.ref().kind().code()));
			ids.add(i.ref().id());
		});
		jdbc.sql(
				"""
						select e.kind, e.item_id, e.text_digest, e.vector
						from reconciliation_embedding e
						join unnest(?::char(1)[], ?::bigint[]) as w(kind, item_id) on w.kind = e.kind and w.item_id = e.item_id""")
			.params(kinds.toArray(String[]::new), ids.toArray(Long[]::new))
			.query((rs) -> {
				Item item = byKey.get(rs.getString("kind").strip() + rs.getLong("item_id"));
				if (item != null && digest(item.text()).equals(rs.getString("text_digest"))) {
					vectors.put(item.ref(), floats(rs.getBytes("vector")));
				}
			});
		List<Item> missing = items.stream().filter((i) -> !vectors.containsKey(i.ref())).toList();
		if (!missing.isEmpty()) {
			List<float[]> computed = embedBatch(missing.stream().map(Item::text).toList());
			for (int i = 0; i < missing.size(); i++) {
				save(missing.get(i), computed.get(i));
				vectors.put(missing.get(i).ref(), computed.get(i));
			}
		}
		return new Loaded(vectors, missing.size());
	}

	/** Computes and stores the item's embedding unless a current one is stored. */
	@Transactional
	public boolean ensure(Item item) {
		String digest = digest(item.text());
		boolean current = jdbc
			.sql("select count(*) from reconciliation_embedding where kind = ? and item_id = ? and text_digest = ?")
			.params(String.valueOf(item.ref().kind().code()), item.ref().id(), digest)
			.query(Integer.class)
			.single() > 0;
		if (current) {
			return false;
		}
		save(item, embedOne(item.text()));
		return true;
	}

	private void save(Item item, float[] vector) {
		ByteBuffer bytes = ByteBuffer.allocate(vector.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
		bytes.asFloatBuffer().put(vector);
		jdbc.sql("""
				insert into reconciliation_embedding (kind, item_id, text_digest, model, vector, computed_at)
				values (?, ?, ?, ?, ?, ?)
				on conflict (kind, item_id) do update set text_digest = excluded.text_digest, model = excluded.model,
				  vector = excluded.vector, computed_at = excluded.computed_at""")
			.params(String.valueOf(item.ref().kind().code()), item.ref().id(), digest(item.text()), SentenceModel.NAME,
					bytes.array(), Timestamp.from(clock.instant()))
			.update();
	}

	/** The embedding of a text not stored anywhere (a form being filled in). */
	public float[] embed(String text) {
		return embedOne(text);
	}

	/** Whether a current embedding is stored for the item. */
	@Transactional(readOnly = true)
	public boolean has(Item item) {
		return jdbc
			.sql("select count(*) from reconciliation_embedding where kind = ? and item_id = ? and text_digest = ?")
			.params(String.valueOf(item.ref().kind().code()), item.ref().id(), digest(item.text()))
			.query(Integer.class)
			.single() > 0;
	}

	static float[] floats(byte[] bytes) {
		float[] floats = new float[bytes.length / Float.BYTES];
		ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(floats);
		return floats;
	}

}
