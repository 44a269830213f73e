package org.oneweek.transparency.web;

import java.util.Locale;
import java.util.concurrent.TimeUnit;

import jakarta.servlet.http.HttpServletRequest;
import org.oneweek.transparency.LogInputException;
import org.oneweek.transparency.TransparencyLog;
import org.oneweek.transparency.internal.LogSigner;
import org.oneweek.transparency.internal.Tiles;
import org.springframework.context.MessageSource;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The log as C2SP tlog-tiles under {@code /transparency/}: the checkpoint, the tiles and
 * the entry bundles, which any tlog-tiles client can read; the verifier key as plain
 * text; and a page for people saying what all this is and how to check it.
 */
@Controller
class TransparencyController {

	static final MediaType TEXT = new MediaType("text", "plain", java.nio.charset.StandardCharsets.UTF_8);

	private final LogSigner signer;

	private final Tiles tiles;

	private final TransparencyLog log;

	private final MessageSource messages;

	TransparencyController(LogSigner signer, Tiles tiles, TransparencyLog log, MessageSource messages) {
		this.signer = signer;
		this.tiles = tiles;
		this.log = log;
		this.messages = messages;
	}

	@GetMapping("/transparency")
	String showLog(Model model) {
		model.addAttribute("verifierKey", signer.verifier().encoded());
		model.addAttribute("checkpoint", signer.latest().orElse(null));
		model.addAttribute("note", signer.latestNote().orElse(null));
		model.addAttribute("origin", signer.origin());
		return "transparency/showLog";
	}

	@GetMapping("/transparency/key")
	ResponseEntity<String> key() {
		return ResponseEntity.ok()
			.contentType(TEXT)
			.cacheControl(CacheControl.maxAge(1, TimeUnit.HOURS).cachePublic())
			.body(signer.verifier().encoded() + "\n");
	}

	@GetMapping("/transparency/checkpoint")
	ResponseEntity<String> checkpoint() {
		String note = signer.latestNote()
			.orElseThrow(() -> new LogInputException(404, "transparency.error.noCheckpoint"));
		return ResponseEntity.ok()
			.contentType(TEXT)
			.cacheControl(CacheControl.maxAge(5, TimeUnit.SECONDS).cachePublic())
			.body(note);
	}

	@GetMapping("/transparency/tile/**")
	ResponseEntity<byte[]> tile(HttpServletRequest request) {
		String prefix = request.getContextPath() + "/transparency/tile/";
		String path = request.getRequestURI().substring(Math.min(prefix.length(), request.getRequestURI().length()));
		Tiles.Tile tile = Tiles.parse(path);
		byte[] body = tiles.read(tile);
		// a tile of a given width never changes: the full ones are kept for a year
		CacheControl cache = tile.isFull() ? CacheControl.maxAge(365, TimeUnit.DAYS).cachePublic().immutable()
				: CacheControl.maxAge(1, TimeUnit.HOURS).cachePublic();
		return ResponseEntity.ok().contentType(MediaType.APPLICATION_OCTET_STREAM).cacheControl(cache).body(body);
	}

	@ExceptionHandler(LogInputException.class)
	ResponseEntity<String> refused(LogInputException ex, Locale locale) {
		return ResponseEntity.status(HttpStatus.valueOf(ex.status()))
			.contentType(TEXT)
			.cacheControl(CacheControl.noStore())
			.body(messages.getMessage(ex.messageKey(), ex.arguments(), locale) + "\n");
	}

}
