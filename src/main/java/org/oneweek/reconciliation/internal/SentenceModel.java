package org.oneweek.reconciliation.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.bgesmallzhv15q.BgeSmallZhV15QuantizedEmbeddingModel;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Chinese sentence-embedding model, BAAI bge-small-zh v1.5 quantized (512 dimensions;
 * its weights and tokenizer inside the jar, run by ONNX Runtime in the JVM, nothing to
 * download, no service to call). Loaded once per JVM, on first use or when the
 * application warms it in the background, so no request waits for it unless it asks
 * before it is ready; its state shows in {@code /actuator/health}.
 */
public final class SentenceModel {

	/** The name stored with each embedding (a different model makes them stale). */
	public static final String NAME = "bge-small-zh-v1.5-q";

	/**
	 * Longer texts are cut: the model reads 512 tokens at most, a few sentences say it.
	 */
	static final int MAX_CHARS = 300;

	public enum State {

		NOT_LOADED, LOADING, READY, FAILED

	}

	private static final Logger log = LoggerFactory.getLogger(SentenceModel.class);

	private static final Object LOCK = new Object();

	private static volatile @Nullable CompletableFuture<EmbeddingModel> model;

	private static volatile State state = State.NOT_LOADED;

	private static volatile long loadMillis = -1;

	private static volatile @Nullable String failure;

	private SentenceModel() {
	}

	public static State state() {
		return state;
	}

	public static long loadMillis() {
		return loadMillis;
	}

	public static @Nullable String failure() {
		return failure;
	}

	/** Starts loading in the background (once); returns at once. */
	public static void warm() {
		future(true);
	}

	private static CompletableFuture<EmbeddingModel> future(boolean background) {
		CompletableFuture<EmbeddingModel> loading = model;
		if (loading != null) {
			return loading;
		}
		synchronized (LOCK) {
			if (model == null) {
				CompletableFuture<EmbeddingModel> created = new CompletableFuture<>();
				model = created;
				state = State.LOADING;
				Runnable load = () -> load(created);
				if (background) {
					Thread thread = new Thread(load, "sentence-model-loader");
					thread.setDaemon(true);
					thread.start();
				}
				else {
					load.run();
				}
			}
			return model;
		}
	}

	private static void load(CompletableFuture<EmbeddingModel> target) {
		// the tokenizer's library is in its jar; never look for one on the network
		System.setProperty("ai.djl.offline", "true");
		long start = System.nanoTime();
		try {
			EmbeddingModel loaded = new BgeSmallZhV15QuantizedEmbeddingModel();
			loadMillis = Duration.ofNanos(System.nanoTime() - start).toMillis();
			state = State.READY;
			log.info("Sentence model {} loaded in {} ms", NAME, loadMillis);
			target.complete(loaded);
		}
		catch (RuntimeException | LinkageError ex) {
			state = State.FAILED;
			failure = ex.toString();
			log.error("Sentence model {} could not be loaded", NAME, ex);
			target.completeExceptionally(ex);
		}
	}

	private static EmbeddingModel model() {
		try {
			return future(false).get();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("interrupted while the sentence model loads", ex);
		}
		catch (ExecutionException ex) {
			throw new IllegalStateException("the sentence model could not be loaded", ex.getCause());
		}
	}

	/** The embedding of one text, unit length. Loads the model if it is not yet. */
	public static float[] embed(String text) {
		return normalized(model().embed(cut(text)).content().vector());
	}

	/** The embeddings of several texts, in order. */
	public static List<float[]> embedAll(List<String> texts) {
		if (texts.isEmpty()) {
			return List.of();
		}
		List<TextSegment> segments = texts.stream().map((t) -> TextSegment.from(cut(t))).toList();
		List<Embedding> embeddings = model().embedAll(segments).content();
		List<float[]> vectors = new ArrayList<>(embeddings.size());
		embeddings.forEach((e) -> vectors.add(normalized(e.vector())));
		return vectors;
	}

	static String cut(String text) {
		String stripped = text.strip();
		if (stripped.isEmpty()) {
			return "-";
		}
		return (stripped.length() > MAX_CHARS) ? stripped.substring(0, MAX_CHARS) : stripped;
	}

	static float[] normalized(float[] vector) {
		double norm = 0;
		for (float v : vector) {
			norm += v * v;
		}
		norm = Math.sqrt(norm);
		if (norm == 0) {
			return vector;
		}
		float[] unit = new float[vector.length];
		for (int i = 0; i < vector.length; i++) {
			unit[i] = (float) (vector[i] / norm);
		}
		return unit;
	}

}
