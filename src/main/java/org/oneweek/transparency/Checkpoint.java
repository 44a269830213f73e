package org.oneweek.transparency;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HexFormat;

/**
 * A C2SP tlog-checkpoint: the note text {@code <origin>\n<tree size>\n<base64 root>\n}
 * (further lines, extensions, are allowed and ignored), signed as a {@link SignedNote}.
 */
public record Checkpoint(String origin, long size, byte[] root) {

	public Checkpoint {
		if (origin.isEmpty() || origin.contains("\n") || size < 0 || root.length != Merkle.HASH_SIZE) {
			throw new SignedNote.NoteException("not a checkpoint");
		}
		root = root.clone();
	}

	@Override
	public byte[] root() {
		return root.clone();
	}

	/** The note's text, as signed. */
	public String text() {
		return origin + "\n" + size + "\n" + Base64.getEncoder().encodeToString(root) + "\n";
	}

	/** The first 16 hex digits of the root, as the poster prints them. */
	public String shortRoot() {
		return HexFormat.of().formatHex(root).substring(0, 16);
	}

	/**
	 * Reads a checkpoint's text.
	 * @throws SignedNote.NoteException when it is not one
	 */
	public static Checkpoint parse(String text) {
		String[] lines = text.split("\n", -1);
		if (lines.length < 4 || !text.endsWith("\n")) {
			throw new SignedNote.NoteException("a checkpoint has an origin, a size and a root hash, each on a line");
		}
		if (!lines[1].matches("0|[1-9][0-9]{0,18}")) {
			throw new SignedNote.NoteException("the checkpoint's size is not a decimal number");
		}
		byte[] root;
		try {
			root = Base64.getDecoder().decode(lines[2].getBytes(StandardCharsets.US_ASCII));
		}
		catch (IllegalArgumentException ex) {
			throw new SignedNote.NoteException("the checkpoint's root hash is not base64");
		}
		if (root.length != Merkle.HASH_SIZE) {
			throw new SignedNote.NoteException("the checkpoint's root hash is not 32 bytes");
		}
		return new Checkpoint(lines[0], Long.parseLong(lines[1]), root);
	}

	/**
	 * Verifies a signed checkpoint by the log's key and reads it.
	 * @throws SignedNote.NoteException when the signature or the format is wrong, or its
	 * origin is not the expected one
	 */
	public static Checkpoint verify(String note, SignedNote.Verifier key, String origin) {
		Checkpoint c = parse(SignedNote.verify(note, key));
		if (!c.origin().equals(origin)) {
			throw new SignedNote.NoteException("the checkpoint is of " + c.origin() + ", not " + origin);
		}
		return c;
	}

}
