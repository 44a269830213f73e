package org.oneweek.transparency;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;

import org.jspecify.annotations.Nullable;

/**
 * Checks the log from outside, trusting nothing the server says that it cannot prove:
 * {@code java -jar oneweek.jar verify-log URL [--key KEY|FILE] [--checkpoint saved.txt]
 * [--case QX-2026-00001] [--save checkpoint.txt]}. It fetches the checkpoint and checks
 * its signature (with the key given, else the one the server serves, trusted on first
 * use), fetches every entry bundle and level-0 tile, checks that each entry hashes to its
 * tile's hash and the tiles to the level above, recomputes the root, checks that a
 * checkpoint saved earlier is the root of the first leaves of this one, and lists one
 * case's events (numbered without a gap). It reports every problem with the leaf index it
 * is at, and exits 0 only when everything holds.
 */
public final class LogVerifier {

	private final HttpClient http = HttpClient.newBuilder()
		.connectTimeout(Duration.ofSeconds(10))
		.followRedirects(HttpClient.Redirect.NORMAL)
		.build();

	private final String prefix;

	private static final java.util.regex.Pattern POSTER = java.util.regex.Pattern
		.compile("([0-9]{1,9})\\s*[:/ ]\\s*([0-9a-fA-F]{16})");

	private final PrintStream out;

	private final List<String> problems = new ArrayList<>();

	public LogVerifier(String prefix, PrintStream out) {
		this.prefix = prefix.replaceAll("/+$", "");
		this.out = out;
	}

	/** What the verification found. */
	public record Result(@Nullable Checkpoint checkpoint, List<String> problems, List<LeafEntry> caseEvents) {

		public boolean ok() {
			return problems.isEmpty();
		}

	}

	/** The command line: returns the exit status. */
	public static int main(String[] args, PrintStream out) {
		if (args.length < 1 || args[0].startsWith("--")) {
			out.println("usage: verify-log URL [--key KEY|FILE] [--checkpoint saved.txt] [--case REFERENCE]"
					+ " [--save checkpoint.txt] [--poster SIZE:ROOT16]");
			return 2;
		}
		String key = null;
		String saved = null;
		String reference = null;
		String save = null;
		String poster = null;
		for (int i = 1; i < args.length; i++) {
			String value = (i + 1 < args.length) ? args[i + 1] : null;
			switch (args[i]) {
				case "--key" -> key = value;
				case "--checkpoint" -> saved = value;
				case "--case" -> reference = value;
				case "--save" -> save = value;
				case "--poster" -> poster = value;
				default -> {
					out.println("unknown option " + args[i]);
					return 2;
				}
			}
			i++;
		}
		try {
			String vkey = (key == null) ? null
					: (Files.isRegularFile(Path.of(key)) ? Files.readString(Path.of(key)).strip() : key);
			String savedNote = (saved != null) ? Files.readString(Path.of(saved), StandardCharsets.UTF_8) : null;
			LogVerifier verifier = new LogVerifier(args[0], out);
			Result result = verifier.verify(vkey, savedNote, reference, poster);
			if (save != null && result.checkpoint() != null && result.ok()) {
				Files.writeString(Path.of(save), verifier.lastNote, StandardCharsets.UTF_8);
				out.println("saved the checkpoint to " + save);
			}
			out.println(result.ok() ? "OK: the log verifies" : "FAILED: " + result.problems().size() + " problem(s)");
			return result.ok() ? 0 : 1;
		}
		catch (IOException ex) {
			out.println("FAILED: " + ex.getMessage());
			return 1;
		}
	}

	private String lastNote = "";

	/**
	 * Verifies the log.
	 * @param vkey the verifier key, or null to use the one the server serves
	 * @param savedNote a checkpoint saved earlier, or null
	 * @param reference a case whose events to list, or null
	 */
	public Result verify(@Nullable String vkey, @Nullable String savedNote, @Nullable String reference)
			throws IOException {
		return verify(vkey, savedNote, reference, null);
	}

	/**
	 * Verifies the log, and that it extends the checkpoint a village poster printed.
	 * @param poster the poster's tree size and the first 16 hex digits of its root,
	 * {@code SIZE:ROOT16}, or null
	 */
	public Result verify(@Nullable String vkey, @Nullable String savedNote, @Nullable String reference,
			@Nullable String poster) throws IOException {
		SignedNote.Verifier key;
		if (vkey == null) {
			vkey = text("/key").strip();
			out.println("key (as served, trusted on first use): " + vkey);
		}
		key = SignedNote.Verifier.parse(vkey);
		String note = text("/checkpoint");
		lastNote = note;
		Checkpoint checkpoint;
		try {
			checkpoint = Checkpoint.verify(note, key, key.name());
		}
		catch (SignedNote.NoteException ex) {
			problems.add("checkpoint: " + ex.getMessage());
			return new Result(null, problems, List.of());
		}
		out.println("checkpoint: " + checkpoint.size() + " leaves, root " + checkpoint.shortRoot() + "…, signature ok");
		long size = checkpoint.size();
		List<byte[]> leafHashes = new ArrayList<>();
		List<LeafEntry> caseEvents = new ArrayList<>();
		List<byte[]> fullTileHashes = new ArrayList<>();
		for (long tile = 0; tile * 256 < size; tile++) {
			int width = (int) Math.min(256, size - tile * 256);
			String suffix = encode(tile) + ((width == 256) ? "" : ".p/" + width);
			byte[] hashes;
			List<byte[]> entries;
			try {
				hashes = bytes("/tile/0/" + suffix);
				entries = unbundle(bytes("/tile/entries/" + suffix), tile * 256);
			}
			catch (IOException ex) {
				problems.add("leaves " + tile * 256 + "–" + (tile * 256 + width - 1) + ": " + ex.getMessage());
				continue;
			}
			if (hashes.length != width * 32 || entries.size() != width) {
				problems.add("leaves " + tile * 256 + "–" + (tile * 256 + width - 1) + ": tile or bundle has the wrong"
						+ " width");
				continue;
			}
			List<byte[]> tileHashes = new ArrayList<>();
			for (int i = 0; i < width; i++) {
				long index = tile * 256 + i;
				byte[] hash = Arrays.copyOfRange(hashes, i * 32, i * 32 + 32);
				byte[] entry = entries.get(i);
				if (!Arrays.equals(Merkle.leafHash(entry), hash)) {
					problems.add("leaf " + index + ": its entry does not hash to the tile's hash (altered)");
				}
				try {
					LeafEntry leaf = LeafEntry.parse(entry);
					if (reference != null && leaf.reference().equalsIgnoreCase(reference.strip())) {
						caseEvents.add(leaf);
					}
				}
				catch (IllegalArgumentException ex) {
					problems.add("leaf " + index + ": " + ex.getMessage());
				}
				leafHashes.add(hash);
				tileHashes.add(hash);
			}
			if (width == 256) {
				fullTileHashes.add(Merkle.root(tileHashes));
			}
		}
		// the level-1 tiles must be the roots of the full level-0 tiles
		for (int t = 0; t * 256 < fullTileHashes.size(); t++) {
			int width = Math.min(256, fullTileHashes.size() - t * 256);
			byte[] level1;
			try {
				level1 = bytes("/tile/1/" + encode(t) + ((width == 256) ? "" : ".p/" + width));
			}
			catch (IOException ex) {
				problems.add("level-1 tile " + t + ": " + ex.getMessage());
				continue;
			}
			for (int i = 0; i < width && (i + 1) * 32 <= level1.length; i++) {
				if (!Arrays.equals(Arrays.copyOfRange(level1, i * 32, i * 32 + 32), fullTileHashes.get(t * 256 + i))) {
					long first = (t * 256L + i) * 256;
					problems.add("leaves " + first + "–" + (first + 255) + ": the level-1 tile does not match them");
				}
			}
		}
		byte[] root = Merkle.root(leafHashes);
		if (!Arrays.equals(root, checkpoint.root())) {
			problems.add("root: the leaves served do not make the signed root (a leaf or a hash was altered or "
					+ "removed)");
		}
		else {
			out.println("root recomputed from " + size + " leaves: matches the checkpoint");
		}
		if (savedNote != null) {
			try {
				Checkpoint earlier = Checkpoint.verify(savedNote, key, key.name());
				if (earlier.size() > size) {
					problems.add("saved checkpoint: it has " + earlier.size() + " leaves, more than the log's " + size);
				}
				else if (!Arrays.equals(Merkle.root(leafHashes.subList(0, (int) earlier.size())), earlier.root())) {
					problems.add("saved checkpoint: the first " + earlier.size()
							+ " leaves no longer make its root (the log was rewritten)");
				}
				else {
					out.println("saved checkpoint of " + earlier.size() + " leaves: consistent with this one");
				}
			}
			catch (SignedNote.NoteException ex) {
				problems.add("saved checkpoint: " + ex.getMessage());
			}
		}
		if (poster != null) {
			Matcher m = POSTER.matcher(poster.strip());
			if (!m.matches()) {
				problems.add("poster: write its checkpoint as SIZE:ROOT16 (the tree size, a colon, the root's first"
						+ " 16 hex digits)");
			}
			else if (Long.parseLong(m.group(1)) > size) {
				problems.add("poster: it has " + m.group(1) + " leaves, more than the log's " + size);
			}
			else {
				int posterSize = Integer.parseInt(m.group(1));
				String posterRoot = HexFormat.of()
					.formatHex(Merkle.root(leafHashes.subList(0, posterSize)))
					.substring(0, 16);
				if (!posterRoot.equalsIgnoreCase(m.group(2))) {
					problems
						.add("poster: the first " + posterSize + " leaves make the root " + posterRoot + "…, not the"
								+ " poster's " + m.group(2).toLowerCase(Locale.ROOT) + "… (the log was rewritten)");
				}
				else {
					out.println("poster's checkpoint of " + posterSize + " leaves (root " + posterRoot
							+ "…): the log extends it");
				}
			}
		}
		if (reference != null) {
			// in the order of the case's timeline: events recorded before the log existed
			// were appended later (the backfill), after the case's newer ones
			caseEvents.sort(java.util.Comparator.comparingInt(LeafEntry::seq));
			out.println("case " + reference + ": " + caseEvents.size() + " event(s)");
			int expected = 1;
			for (LeafEntry e : caseEvents) {
				out.println("  #" + e.seq() + " " + e.at() + " " + e.kind() + ((e.to() != null) ? " → " + e.to() : "")
						+ (e.isPublic() ? "" : " (internal)"));
				if (e.seq() != expected) {
					problems.add("case " + reference + ": event " + expected + " is missing from the log");
				}
				expected = e.seq() + 1;
			}
		}
		problems.forEach((p) -> out.println("PROBLEM " + p));
		return new Result(checkpoint, List.copyOf(problems), caseEvents);
	}

	private List<byte[]> unbundle(byte[] bundle, long first) {
		List<byte[]> entries = new ArrayList<>();
		int i = 0;
		while (i < bundle.length) {
			if (i + 2 > bundle.length) {
				problems.add("leaf " + (first + entries.size()) + ": the bundle ends inside a length");
				break;
			}
			int length = ((bundle[i] & 0xff) << 8) | (bundle[i + 1] & 0xff);
			i += 2;
			if (i + length > bundle.length) {
				problems.add("leaf " + (first + entries.size()) + ": the bundle ends inside an entry");
				break;
			}
			entries.add(Arrays.copyOfRange(bundle, i, i + length));
			i += length;
		}
		return entries;
	}

	/** N in groups of three digits, all but the last after an x. */
	static String encode(long n) {
		String digits = String.valueOf(n);
		digits = "0".repeat((3 - digits.length() % 3) % 3) + digits;
		StringBuilder path = new StringBuilder();
		for (int i = 0; i < digits.length(); i += 3) {
			boolean last = i + 3 == digits.length();
			path.append(last ? "" : "x").append(digits, i, i + 3).append(last ? "" : "/");
		}
		return path.toString();
	}

	private String text(String path) throws IOException {
		return new String(bytes(path), StandardCharsets.UTF_8);
	}

	private byte[] bytes(String path) throws IOException {
		HttpRequest request = HttpRequest.newBuilder(URI.create(prefix + path))
			.timeout(Duration.ofSeconds(30))
			.GET()
			.build();
		try {
			HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
			if (response.statusCode() != 200) {
				throw new IOException(prefix + path + " answered " + response.statusCode());
			}
			return response.body();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IOException("interrupted", ex);
		}
	}

}
