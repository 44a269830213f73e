package org.oneweek.platform.imports.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletRequest;
import org.oneweek.platform.imports.Column;
import org.oneweek.platform.imports.ImportBatch;
import org.oneweek.platform.imports.ImportBatches;
import org.oneweek.platform.imports.ImportFileException;
import org.oneweek.platform.imports.ImportKind;
import org.oneweek.platform.imports.ImportRejectedException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Upload a spreadsheet, see every row and every error, then apply all of it or nothing.
 */
@Controller
@RequestMapping("/imports/{kind}")
class ImportController {

	private static final int PREVIEW_ROWS = 50;

	private static final int LISTED_ERRORS = 500;

	private final Map<String, ImportKind> kinds;

	private final ImportBatches batches;

	ImportController(List<ImportKind> kinds, ImportBatches batches) {
		this.kinds = kinds.stream().collect(Collectors.toMap(ImportKind::name, Function.identity()));
		this.batches = batches;
	}

	@GetMapping
	String uploadForm(@PathVariable String kind, Model model, HttpServletRequest request) {
		model.addAttribute("kind", kind(kind, request));
		return "imports/upload";
	}

	@GetMapping("/template.csv")
	ResponseEntity<byte[]> template(@PathVariable String kind, HttpServletRequest request, Locale locale) {
		ImportKind importKind = kind(kind, request);
		String header = importKind.columns().stream().map((c) -> c.heading(locale)).collect(Collectors.joining(","));
		byte[] bom = { (byte) 0xEF, (byte) 0xBB, (byte) 0xBF };
		byte[] text = (header + "\r\n").getBytes(StandardCharsets.UTF_8);
		byte[] body = new byte[bom.length + text.length];
		System.arraycopy(bom, 0, body, 0, bom.length);
		System.arraycopy(text, 0, body, bom.length, text.length);
		return ResponseEntity.ok()
			.header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + kind + "-template.csv\"")
			.contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
			.body(body);
	}

	@PostMapping
	String upload(@PathVariable String kind, @RequestParam(name = "file", required = false) MultipartFile file,
			Model model, HttpServletRequest request) throws IOException {
		ImportKind importKind = kind(kind, request);
		model.addAttribute("kind", importKind);
		if (file == null || file.isEmpty()) {
			model.addAttribute("errorKey", "import.error.noFile");
			return "imports/upload";
		}
		try {
			String name = (file.getOriginalFilename() != null) ? file.getOriginalFilename() : "upload";
			UUID id = batches.prepare(importKind, name, file.getBytes(), request.getRemoteUser());
			return "redirect:/imports/" + kind + "/" + id;
		}
		catch (ImportFileException ex) {
			model.addAttribute("errorKey", ex.messageKey());
			model.addAttribute("errorArgs", ex.arguments());
			return "imports/upload";
		}
	}

	@GetMapping("/{id}")
	String preview(@PathVariable String kind, @PathVariable UUID id, Model model, HttpServletRequest request,
			Locale locale) {
		ImportKind importKind = kind(kind, request);
		ImportBatch batch = batches.find(id, importKind)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		model.addAttribute("kind", importKind);
		model.addAttribute("batch", batch);
		model.addAttribute("columns", importKind.columns());
		model.addAttribute("rows", batch.rows().subList(0, Math.min(PREVIEW_ROWS, batch.rows().size())));
		model.addAttribute("errors", batch.errors().subList(0, Math.min(LISTED_ERRORS, batch.errors().size())));
		model.addAttribute("columnHeadings",
				importKind.columns().stream().collect(Collectors.toMap(Column::key, (c) -> c.heading(locale))));
		return "imports/preview";
	}

	@PostMapping("/{id}/apply")
	String apply(@PathVariable String kind, @PathVariable UUID id, HttpServletRequest request,
			RedirectAttributes redirect) {
		ImportKind importKind = kind(kind, request);
		try {
			int created = batches.apply(id, importKind, request.getRemoteUser());
			redirect.addFlashAttribute("messageKey", "import.applied");
			redirect.addFlashAttribute("messageArgs", new Object[] { created });
			return "redirect:" + importKind.doneUrl();
		}
		catch (ImportRejectedException ex) {
			redirect.addFlashAttribute("errorKey", ex.getMessage());
			return "redirect:/imports/" + kind + "/" + id;
		}
	}

	@PostMapping("/{id}/discard")
	String discard(@PathVariable String kind, @PathVariable UUID id, HttpServletRequest request,
			RedirectAttributes redirect) {
		ImportKind importKind = kind(kind, request);
		batches.discard(id, importKind);
		redirect.addFlashAttribute("messageKey", "import.discarded");
		return "redirect:/imports/" + kind;
	}

	private ImportKind kind(String name, HttpServletRequest request) {
		ImportKind kind = kinds.get(name);
		if (kind == null) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND);
		}
		if (!request.isUserInRole(kind.requiredRole())) {
			throw new AccessDeniedException("import " + name);
		}
		return kind;
	}

}
