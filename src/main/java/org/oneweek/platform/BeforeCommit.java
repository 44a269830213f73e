package org.oneweek.platform;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.function.Consumer;

import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Items gathered during a transaction and handed over together just before it commits, in
 * it (at once when there is no transaction). The order decides which batch runs first
 * when a commit has several (the insights summary's before the transparency log's, so
 * that every commit takes their locks in one order).
 */
public final class BeforeCommit<T> {

	private final int order;

	private final boolean distinct;

	private final Consumer<List<T>> flush;

	/**
	 * @param order the synchronization's order (lower runs first)
	 * @param distinct whether an item added twice in a transaction is handed over once
	 * @param flush what is done with the transaction's items, in their order
	 */
	public BeforeCommit(int order, boolean distinct, Consumer<List<T>> flush) {
		this.order = order;
		this.distinct = distinct;
		this.flush = flush;
	}

	public void add(T item) {
		if (!TransactionSynchronizationManager.isSynchronizationActive()) {
			flush.accept(List.of(item));
			return;
		}
		// the synchronizations are the transaction's own (a transaction started inside it
		// has others, and this one's come back when it resumes)
		Batch batch = null;
		for (TransactionSynchronization s : TransactionSynchronizationManager.getSynchronizations()) {
			if (s instanceof BeforeCommit<?>.Batch b && b.owner() == this) {
				@SuppressWarnings("unchecked")
				Batch mine = (Batch) b;
				batch = mine;
				break;
			}
		}
		if (batch == null) {
			batch = new Batch();
			TransactionSynchronizationManager.registerSynchronization(batch);
		}
		batch.items.add(item);
	}

	private final class Batch implements TransactionSynchronization {

		private final Collection<T> items = distinct ? new LinkedHashSet<>() : new ArrayList<>();

		BeforeCommit<T> owner() {
			return BeforeCommit.this;
		}

		@Override
		public int getOrder() {
			return order;
		}

		@Override
		public void beforeCommit(boolean readOnly) {
			List<T> now = List.copyOf(items);
			items.clear();
			flush.accept(now);
		}

	}

}
