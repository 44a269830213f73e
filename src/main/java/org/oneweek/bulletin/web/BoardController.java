package org.oneweek.bulletin.web;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.oneweek.bulletin.Board;
import org.oneweek.bulletin.BulletinBoards;
import org.oneweek.bulletin.BulletinBoards.PosterIssue;
import org.oneweek.bulletin.internal.BoardCache;
import org.oneweek.bulletin.internal.QrCodes;
import org.oneweek.casework.PublicCases;
import org.oneweek.places.Village;
import org.oneweek.places.VillageMaps;
import org.oneweek.transparency.TransparencyLog;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * The village's public board (公示栏) at an address that never changes, its printed poster,
 * and the QR codes that lead to them. No sign-in; nothing private.
 */
@Controller
class BoardController {

	/** Boards may be kept by browsers and proxies this long, then asked again. */
	static final CacheControl BOARD_CACHE = CacheControl.maxAge(5, TimeUnit.SECONDS).cachePublic();

	/** A reference number in an address. */
	static final String REF = "{reference:[A-Za-z]{2,6}-[0-9]{4}-[0-9]{1,9}}";

	private final BulletinBoards boards;

	private final BoardCache cache;

	private final PublicPages pages;

	private final PublicCases cases;

	private final Clock clock;

	private final VillageMaps maps;

	private final TransparencyLog ledger;

	BoardController(BulletinBoards boards, BoardCache cache, PublicPages pages, PublicCases cases, Clock clock,
			VillageMaps maps, TransparencyLog ledger) {
		this.maps = maps;
		this.ledger = ledger;
		this.boards = boards;
		this.cache = cache;
		this.pages = pages;
		this.cases = cases;
		this.clock = clock;
	}

	@GetMapping("/board/{code}")
	ResponseEntity<byte[]> board(@PathVariable String code,
			@RequestHeader(name = HttpHeaders.IF_NONE_MATCH, required = false) String ifNoneMatch,
			HttpServletRequest request, HttpServletResponse response, Locale locale) {
		// the page holds the site's address (its QR link): one entry per address, so no
		// request can put another address into what others are served
		String key = cacheKey(code, locale, pages.baseUrl());
		BoardCache.Rendered known = cache.known(key);
		long villageId = (known != null) ? known.villageId()
				: boards.village(code)
					.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND))
					.id()
					.value();
		BoardCache.Rendered rendered = cache.get(key, villageId, () -> {
			Village village = boards.village(code).orElseThrow();
			Board board = boards.board(village, clock.instant());
			Map<String, Object> model = new HashMap<>();
			model.put("board", board);
			model.put("zone", clock.getZone());
			model.put("boardUrl", pages.boardUrl(village.code()));
			model.put("villageMap", maps.villageInStreet(village.id(), null, village.name()));
			return pages.render("bulletin/showBoard", model, request, response, locale);
		});
		ResponseEntity.BodyBuilder ok = ResponseEntity.ok()
			.eTag(rendered.etag())
			.cacheControl(BOARD_CACHE)
			.varyBy(HttpHeaders.COOKIE);
		if (ifNoneMatch != null && (ifNoneMatch.contains(rendered.etag()) || "*".equals(ifNoneMatch.strip()))) {
			return ResponseEntity.status(HttpStatus.NOT_MODIFIED)
				.eTag(rendered.etag())
				.cacheControl(BOARD_CACHE)
				.varyBy(HttpHeaders.COOKIE)
				.build();
		}
		return ok.contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8)).body(rendered.body());
	}

	/** A rendered board's key in the cache: village, language and the site's address. */
	static String cacheKey(String code, Locale locale, String baseUrl) {
		return code.toUpperCase(Locale.ROOT) + "|" + locale.toLanguageTag() + "|" + baseUrl;
	}

	/** The poster for the village's notice board: A4 or A3, dated and numbered. */
	@GetMapping("/board/{code}/poster")
	String poster(@PathVariable String code, @RequestParam(defaultValue = "A4") String size, Model model,
			HttpServletResponse response) {
		Village village = boards.village(code).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		String paper = "A3".equalsIgnoreCase(size) ? "A3" : "A4";
		Instant now = clock.instant();
		Board board = boards.board(village, now);
		PosterIssue issue = boards.posterIssue(board, now);
		Map<String, String> qr = new LinkedHashMap<>();
		for (List<Board.Row> rows : List.of(board.thisWeek(), board.earlier())) {
			rows.forEach((row) -> qr.put(row.reference(), QrCodes.svg(pages.caseUrl(row.reference()))));
		}
		String boardUrl = pages.boardUrl(village.code());
		model.addAttribute("board", board);
		model.addAttribute("issue", issue);
		model.addAttribute("paper", paper);
		model.addAttribute("zone", clock.getZone());
		model.addAttribute("boardUrl", boardUrl);
		model.addAttribute("boardQr", QrCodes.svg(boardUrl));
		model.addAttribute("caseQr", qr);
		model.addAttribute("lookupUrl", pages.baseUrl() + "/c");
		// on screen only: codes that lead to this machine are useless on a notice board
		model.addAttribute("addressMissing", !pages.addressConfigured());
		// a photo of the poster is evidence of what the public ledger held that day
		model.addAttribute("checkpoint", ledger.latestCheckpoint().orElse(null));
		response.setHeader(HttpHeaders.CACHE_CONTROL, "no-cache");
		return "bulletin/showPoster";
	}

	@GetMapping("/board/{code}/qr.svg")
	ResponseEntity<String> boardQr(@PathVariable String code) {
		Village village = boards.village(code).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		return svg(QrCodes.svg(pages.boardUrl(village.code())));
	}

	@GetMapping("/board/{code}/qr.png")
	ResponseEntity<byte[]> boardQrPng(@PathVariable String code) {
		Village village = boards.village(code).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		return ResponseEntity.ok()
			.contentType(MediaType.IMAGE_PNG)
			.cacheControl(CacheControl.maxAge(1, TimeUnit.DAYS).cachePublic())
			.body(QrCodes.png(pages.boardUrl(village.code()), 600));
	}

	@GetMapping("/c/" + REF + "/qr.svg")
	ResponseEntity<String> caseQr(@PathVariable String reference) {
		String ref = cases.byReference(reference)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND))
			.reference();
		return svg(QrCodes.svg(pages.caseUrl(ref)));
	}

	private static ResponseEntity<String> svg(String svg) {
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType("image/svg+xml;charset=UTF-8"))
			.cacheControl(CacheControl.maxAge(1, TimeUnit.DAYS).cachePublic())
			.body(svg);
	}

}
