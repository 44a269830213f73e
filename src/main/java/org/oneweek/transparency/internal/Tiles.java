package org.oneweek.transparency.internal;

import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.oneweek.transparency.LogInputException;
import org.springframework.stereotype.Component;

/**
 * The tree as C2SP tlog-tiles: a tile of level L holds the hashes of the perfect subtrees
 * of 2^(8L) leaves (Merkle level 8 L), 256 to a full tile; an entry bundle holds the
 * leaves' bytes, each after its length as a big-endian uint16.
 */
@Component
public class Tiles {

	/** The hashes (or entries) of a full tile. */
	public static final int WIDTH = 256;

	private static final Pattern PATH = Pattern
		.compile("(0|[1-9][0-9]?|entries)/((?:x[0-9]{3}/)*[0-9]{3})(?:\\.p/([1-9][0-9]{0,2}))?");

	private final LogStore store;

	Tiles(LogStore store) {
		this.store = store;
	}

	/**
	 * A tile's address.
	 *
	 * @param level the tile level, or -1 for an entry bundle
	 * @param width 256 for a full tile
	 */
	public record Tile(int level, long index, int width) {

		public boolean isFull() {
			return width == WIDTH;
		}

		public boolean isEntries() {
			return level < 0;
		}

		/** The path after {@code tile/}, as the spec writes it. */
		public String path() {
			return (isEntries() ? "entries" : String.valueOf(level)) + "/" + encodeIndex(index)
					+ (isFull() ? "" : ".p/" + width);
		}

	}

	/**
	 * N in groups of three digits, all but the last after an x: 1234067 → x001/x234/067.
	 */
	public static String encodeIndex(long n) {
		String digits = String.valueOf(n);
		int pad = (3 - digits.length() % 3) % 3;
		digits = "0".repeat(pad) + digits;
		StringBuilder out = new StringBuilder();
		for (int i = 0; i < digits.length(); i += 3) {
			boolean last = i + 3 == digits.length();
			out.append(last ? "" : "x").append(digits, i, i + 3).append(last ? "" : "/");
		}
		return out.toString();
	}

	/**
	 * Reads the path after {@code tile/}.
	 * @throws LogInputException (400) when it is not a tile path of the spec
	 */
	public static Tile parse(String path) {
		Matcher m = PATH.matcher(path);
		if (path.length() > 120 || !m.matches()) {
			throw new LogInputException(400, "transparency.error.tile", shortened(path));
		}
		int level = "entries".equals(m.group(1)) ? -1 : Integer.parseInt(m.group(1));
		if (level > 63) {
			throw new LogInputException(400, "transparency.error.tile", shortened(path));
		}
		String digits = m.group(2).replace("x", "").replace("/", "");
		// 19 digits hold any long; more, or an index with a leading zero group beyond the
		// first, is not how the spec writes a number
		if (digits.length() > 21 || (digits.length() > 3 && digits.startsWith("000"))) {
			throw new LogInputException(400, "transparency.error.tile", shortened(path));
		}
		long index;
		try {
			index = Long.parseLong(digits);
		}
		catch (NumberFormatException ex) {
			throw new LogInputException(400, "transparency.error.tile", shortened(path));
		}
		int width = (m.group(3) != null) ? Integer.parseInt(m.group(3)) : WIDTH;
		if (width > 255 && m.group(3) != null) {
			throw new LogInputException(400, "transparency.error.tile", shortened(path));
		}
		return new Tile(level, index, width);
	}

	private static String shortened(String path) {
		return (path.length() > 60) ? path.substring(0, 60) + "…" : path;
	}

	/**
	 * The tile's bytes.
	 * @throws LogInputException (404) when the tree is not large enough for it yet
	 */
	public byte[] read(Tile tile) {
		long size = store.size();
		int merkleLevel = tile.isEntries() ? 0 : 8 * tile.level();
		long available = (merkleLevel >= 63) ? 0 : size >>> merkleLevel;
		long start;
		try {
			start = Math.multiplyExact(tile.index(), WIDTH);
		}
		catch (ArithmeticException ex) {
			throw new LogInputException(404, "transparency.error.tileMissing", size);
		}
		if (start + tile.width() > available || start + tile.width() < 0) {
			throw new LogInputException(404, "transparency.error.tileMissing", size);
		}
		if (!tile.isEntries()) {
			return store.hashes(merkleLevel, start, tile.width());
		}
		return bundle(store.entries(start, tile.width()));
	}

	/** Entries, each after its length as a big-endian uint16. */
	public static byte[] bundle(List<byte[]> entries) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		for (byte[] e : entries) {
			out.write((e.length >>> 8) & 0xff);
			out.write(e.length & 0xff);
			out.writeBytes(e);
		}
		return out.toByteArray();
	}

	/** The entries of a bundle. */
	public static List<byte[]> unbundle(byte[] bundle) {
		List<byte[]> entries = new java.util.ArrayList<>();
		int i = 0;
		while (i < bundle.length) {
			if (i + 2 > bundle.length) {
				throw new IllegalArgumentException("a bundle ends inside a length");
			}
			int length = ((bundle[i] & 0xff) << 8) | (bundle[i + 1] & 0xff);
			i += 2;
			if (i + length > bundle.length) {
				throw new IllegalArgumentException("a bundle ends inside an entry");
			}
			entries.add(java.util.Arrays.copyOfRange(bundle, i, i + length));
			i += length;
		}
		return entries;
	}

}
