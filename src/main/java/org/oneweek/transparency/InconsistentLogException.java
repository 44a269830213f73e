package org.oneweek.transparency;

/**
 * The tree is not an extension of the last checkpoint signed (a leaf or a hash was
 * altered or removed): no checkpoint is signed until it is put right.
 */
public class InconsistentLogException extends RuntimeException {

	public InconsistentLogException(String message) {
		super(message);
	}

}
