package org.oneweek.transparency;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;

/**
 * C2SP signed-note with Ed25519 (the JDK's own): a text ending in a newline, a blank
 * line, and signature lines {@code — <key name> base64(key id || signature)}; the key id
 * is the first four bytes of SHA-256(key name || 0x0A || 0x01 || public key), and the
 * verifier key is written {@code <name>+<hex id>+base64(0x01 || public key)}.
 */
public final class SignedNote {

	/** The signature type of Ed25519. */
	public static final byte ED25519 = 0x01;

	private static final byte[] PKCS8_PREFIX = HexFormat.of().parseHex("302e020100300506032b657004220420");

	private static final byte[] X509_PREFIX = HexFormat.of().parseHex("302a300506032b6570032100");

	private SignedNote() {
	}

	/** A note that does not verify; the message says why. */
	public static final class NoteException extends RuntimeException {

		public NoteException(String message) {
			super(message);
		}

	}

	/** A verifier key: a key name and an Ed25519 public key. */
	public record Verifier(String name, byte[] publicKey) {

		public Verifier {
			checkName(name);
			if (publicKey.length != 32) {
				throw new NoteException("an Ed25519 public key is 32 bytes");
			}
			publicKey = publicKey.clone();
		}

		@Override
		public byte[] publicKey() {
			return publicKey.clone();
		}

		public int keyId() {
			return SignedNote.keyId(name, publicKey);
		}

		/** {@code <name>+<hex id>+<base64 of 0x01 || key>}. */
		public String encoded() {
			byte[] key = new byte[33];
			key[0] = ED25519;
			System.arraycopy(publicKey, 0, key, 1, 32);
			return name + "+" + String.format("%08x", keyId()) + "+" + Base64.getEncoder().encodeToString(key);
		}

		/** Reads a verifier key as {@link #encoded()} writes it, checking its id. */
		public static Verifier parse(String vkey) {
			String[] parts = vkey.strip().split("\\+", 3);
			if (parts.length != 3 || !parts[1].matches("[0-9a-f]{8}")) {
				throw new NoteException("a verifier key is <name>+<8 hex digits>+<base64 key>");
			}
			byte[] key;
			try {
				key = Base64.getDecoder().decode(parts[2]);
			}
			catch (IllegalArgumentException ex) {
				throw new NoteException("the verifier key's key is not base64");
			}
			if (key.length != 33 || key[0] != ED25519) {
				throw new NoteException("the verifier key is not an Ed25519 key");
			}
			Verifier v = new Verifier(parts[0], Arrays.copyOfRange(key, 1, 33));
			if (v.keyId() != (int) Long.parseLong(parts[1], 16)) {
				throw new NoteException("the verifier key's id does not match its name and key");
			}
			return v;
		}

	}

	/** SHA-256(name || 0x0A || 0x01 || public key)[:4], big-endian. */
	public static int keyId(String name, byte[] publicKey) {
		try {
			MessageDigest sha = MessageDigest.getInstance("SHA-256");
			sha.update(name.getBytes(StandardCharsets.UTF_8));
			sha.update((byte) 0x0A);
			sha.update(ED25519);
			byte[] digest = sha.digest(publicKey);
			return ByteBuffer.wrap(digest, 0, 4).getInt();
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	static void checkName(String name) {
		if (name.isEmpty() || name.codePoints().anyMatch((c) -> Character.isWhitespace(c) || Character.isSpaceChar(c))
				|| name.contains("+")) {
			throw new NoteException("a key name is not empty and has no spaces and no plus signs");
		}
	}

	/** A new seed and its public key, made with the JDK's strong random numbers. */
	public static byte[][] generate() {
		try {
			java.security.KeyPair pair = java.security.KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
			byte[] priv = pair.getPrivate().getEncoded();
			byte[] pub = pair.getPublic().getEncoded();
			return new byte[][] { Arrays.copyOfRange(priv, priv.length - 32, priv.length),
					Arrays.copyOfRange(pub, pub.length - 32, pub.length) };
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static PrivateKey privateKey(byte[] seed) throws GeneralSecurityException {
		byte[] der = Arrays.copyOf(PKCS8_PREFIX, PKCS8_PREFIX.length + 32);
		System.arraycopy(seed, 0, der, PKCS8_PREFIX.length, 32);
		return KeyFactory.getInstance("Ed25519").generatePrivate(new PKCS8EncodedKeySpec(der));
	}

	private static PublicKey publicKeyOf(byte[] raw) throws GeneralSecurityException {
		byte[] der = Arrays.copyOf(X509_PREFIX, X509_PREFIX.length + 32);
		System.arraycopy(raw, 0, der, X509_PREFIX.length, 32);
		return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(der));
	}

	/**
	 * Signs a text (ending in a newline) as a note with one signature.
	 * @return the whole note: text, blank line, signature line
	 */
	public static String sign(String text, String name, byte[] seed, byte[] publicKey) {
		checkText(text);
		checkName(name);
		try {
			Signature signer = Signature.getInstance("Ed25519");
			signer.initSign(privateKey(seed));
			signer.update(text.getBytes(StandardCharsets.UTF_8));
			byte[] sig = signer.sign();
			byte[] line = ByteBuffer.allocate(4 + sig.length).putInt(keyId(name, publicKey)).put(sig).array();
			return text + "\n\u2014 " + name + " " + Base64.getEncoder().encodeToString(line) + "\n";
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * Verifies a note's signature by the key and returns its text.
	 * @throws NoteException when the note is malformed or no signature by the key
	 * verifies
	 */
	public static String verify(String note, Verifier key) {
		if (note.length() > 64 * 1024) {
			throw new NoteException("the note is too long");
		}
		if (note.codePoints().anyMatch((c) -> c < 0x20 && c != '\n')) {
			throw new NoteException("the note holds control characters");
		}
		int split = note.lastIndexOf("\n\n");
		if (split < 0 || !note.endsWith("\n")) {
			throw new NoteException("the note has no signatures after a blank line");
		}
		String text = note.substring(0, split + 1);
		String[] lines = note.substring(split + 2, note.length() - 1).split("\n", -1);
		boolean verified = false;
		for (String line : lines) {
			if (!line.startsWith("\u2014 ")) {
				throw new NoteException("a signature line does not start with an em dash");
			}
			String[] parts = line.substring(2).split(" ", -1);
			if (parts.length != 2) {
				throw new NoteException("a signature line is — <name> <signature>");
			}
			byte[] sig;
			try {
				sig = Base64.getDecoder().decode(parts[1]);
			}
			catch (IllegalArgumentException ex) {
				throw new NoteException("a signature is not base64");
			}
			if (sig.length < 4 || !parts[0].equals(key.name()) || ByteBuffer.wrap(sig, 0, 4).getInt() != key.keyId()) {
				continue;
			}
			try {
				Signature verifier = Signature.getInstance("Ed25519");
				verifier.initVerify(publicKeyOf(key.publicKey()));
				verifier.update(text.getBytes(StandardCharsets.UTF_8));
				if (sig.length != 68 || !verifier.verify(sig, 4, 64)) {
					throw new NoteException("the signature by " + key.name() + " does not verify");
				}
				verified = true;
			}
			catch (java.security.SignatureException ex) {
				throw new NoteException("the signature by " + key.name() + " does not verify");
			}
			catch (GeneralSecurityException ex) {
				throw new IllegalStateException(ex);
			}
		}
		if (!verified) {
			throw new NoteException("the note carries no signature by " + key.name());
		}
		return text;
	}

	private static void checkText(String text) {
		if (!text.endsWith("\n") || text.codePoints().anyMatch((c) -> c < 0x20 && c != '\n')) {
			throw new NoteException("a note's text ends in a newline and holds no control characters");
		}
	}

}
