package org.oneweek.platform.imports;

/**
 * An import cannot be applied (already applied, discarded, or it has errors); nothing was
 * written. The message is a key of the message bundle.
 */
public class ImportRejectedException extends RuntimeException {

	public ImportRejectedException(String messageKey) {
		super(messageKey);
	}

}
