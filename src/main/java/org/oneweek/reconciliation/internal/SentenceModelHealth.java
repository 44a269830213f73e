package org.oneweek.reconciliation.internal;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * The sentence model's state in {@code /actuator/health} ("reconciliationModel"): not
 * loaded, loading, ready (with how long loading took) or failed. A model not loaded yet
 * is not a fault (it loads when first needed); one that failed to load is, as the
 * reconciliation cannot match without it.
 */
@Component("reconciliationModel")
class SentenceModelHealth implements HealthIndicator {

	@Override
	public Health health() {
		SentenceModel.State state = SentenceModel.state();
		Health.Builder health = (state == SentenceModel.State.FAILED) ? Health.down() : Health.up();
		health.withDetail("model", SentenceModel.NAME).withDetail("state", state.name().toLowerCase());
		if (state == SentenceModel.State.READY) {
			health.withDetail("loadMillis", SentenceModel.loadMillis());
		}
		String failure = SentenceModel.failure();
		if (failure != null) {
			health.withDetail("error", failure);
		}
		return health.build();
	}

}
