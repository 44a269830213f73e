package org.oneweek.places.web;

import java.io.IOException;
import java.security.Principal;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.oneweek.places.Coordinates;
import org.oneweek.places.Geography;
import org.oneweek.places.PlaceRuleException;
import org.oneweek.places.PlaceShape;
import org.oneweek.places.Places;
import org.oneweek.places.TownshipId;
import org.oneweek.places.VillageId;
import org.oneweek.places.VillageMaps;
import org.oneweek.places.internal.GeographyImport;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
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
 * Where the villages and streets are: the district's map, an import of a GeoJSON or CSV
 * file, and the centre and boundary of one place edited by hand.
 */
@Controller
@RequestMapping("/places/geography")
class GeographyController {

	private final Places places;

	private final Geography geography;

	private final GeographyImport imports;

	private final VillageMaps maps;

	private final MessageSource messages;

	private final Clock clock;

	GeographyController(Places places, Geography geography, GeographyImport imports, VillageMaps maps,
			MessageSource messages, Clock clock) {
		this.places = places;
		this.geography = geography;
		this.imports = imports;
		this.maps = maps;
		this.messages = messages;
		this.clock = clock;
	}

	@GetMapping
	String overview(Model model, Locale locale) {
		model.addAttribute("townships", places.townships());
		model.addAttribute("villages", places.villages());
		model.addAttribute("villageShapes", byId(geography.villages()));
		model.addAttribute("townshipShapes", byTownship(geography.townships()));
		model.addAttribute("districtMap", maps.district(messages.getMessage("places.geo.title", null, locale)));
		return "places/showGeography";
	}

	@PostMapping("/import")
	String importFile(@RequestParam("file") @Nullable MultipartFile file, Principal principal, Model model,
			Locale locale, RedirectAttributes redirect) throws IOException {
		if (file == null || file.isEmpty()) {
			redirect.addFlashAttribute("errorKey", "places.geo.import.empty");
			return "redirect:/places/geography";
		}
		GeographyImport.Result result = imports.apply(file.getBytes(), principal.getName(), clock.instant());
		if (!result.problems().isEmpty()) {
			model.addAttribute("problems",
					result.problems()
						.stream()
						.map((p) -> messages.getMessage("places.geo.import.at", new Object[] { p.item() }, locale) + " "
								+ messages.getMessage(p.messageKey(), p.arguments(), p.messageKey(), locale))
						.toList());
			return overview(model, locale);
		}
		redirect.addFlashAttribute("messageKey", "places.geo.import.done");
		return "redirect:/places/geography";
	}

	@GetMapping("/{kind:villages|townships}/{id}")
	String edit(@PathVariable String kind, @PathVariable long id, Model model) {
		PlaceShape shape = "villages".equals(kind) ? geography.village(village(id)).orElse(null)
				: geography.townships().get(township(id));
		model.addAttribute("kind", kind);
		model.addAttribute("id", id);
		model.addAttribute("name", name(kind, id));
		model.addAttribute("lat", (shape != null) ? shape.centre().lat() : null);
		model.addAttribute("lon", (shape != null) ? shape.centre().lon() : null);
		model.addAttribute("boundary", (shape != null) ? shape.boundary() : null);
		return "places/editGeography";
	}

	@PostMapping("/{kind:villages|townships}/{id}")
	String save(@PathVariable String kind, @PathVariable long id, @RequestParam(required = false) @Nullable String lat,
			@RequestParam(required = false) @Nullable String lon,
			@RequestParam(required = false) @Nullable String boundary, Principal principal, Model model,
			RedirectAttributes redirect) {
		String name = name(kind, id);
		try {
			Coordinates centre = centre(lat, lon);
			String b = (boundary != null && !boundary.isBlank()) ? boundary : null;
			if ("villages".equals(kind)) {
				geography.setVillage(village(id), centre, b, principal.getName(), clock.instant());
			}
			else {
				geography.setTownship(township(id), centre, b, principal.getName(), clock.instant());
			}
		}
		catch (PlaceRuleException ex) {
			model.addAttribute("kind", kind);
			model.addAttribute("id", id);
			model.addAttribute("name", name);
			model.addAttribute("lat", lat);
			model.addAttribute("lon", lon);
			model.addAttribute("boundary", boundary);
			model.addAttribute("errorKey", ex.messageKey());
			model.addAttribute("errorArgs", ex.arguments());
			return "places/editGeography";
		}
		redirect.addFlashAttribute("messageKey", "common.saved");
		return "redirect:/places/geography";
	}

	private static @Nullable Coordinates centre(@Nullable String lat, @Nullable String lon) {
		boolean hasLat = lat != null && !lat.isBlank();
		boolean hasLon = lon != null && !lon.isBlank();
		if (!hasLat && !hasLon) {
			return null;
		}
		try {
			return new Coordinates(Double.parseDouble(hasLat ? lat.strip() : "x"),
					Double.parseDouble(hasLon ? lon.strip() : "x"));
		}
		catch (NumberFormatException ex) {
			throw new PlaceRuleException("places.geo.coordinates");
		}
	}

	private String name(String kind, long id) {
		return "villages".equals(kind) ? places.village(village(id)).orElseThrow(this::notFound).name()
				: places.township(township(id)).orElseThrow(this::notFound).name();
	}

	private ResponseStatusException notFound() {
		return new ResponseStatusException(HttpStatus.NOT_FOUND);
	}

	private static VillageId village(long id) {
		return VillageId.of(id);
	}

	private static TownshipId township(long id) {
		return TownshipId.of(id);
	}

	private static Map<Long, PlaceShape> byId(Map<VillageId, PlaceShape> shapes) {
		return shapes.values().stream().collect(java.util.stream.Collectors.toMap(PlaceShape::placeId, (s) -> s));
	}

	private static Map<Long, PlaceShape> byTownship(Map<TownshipId, PlaceShape> shapes) {
		return byIdOf(List.copyOf(shapes.values()));
	}

	private static Map<Long, PlaceShape> byIdOf(List<PlaceShape> shapes) {
		return shapes.stream().collect(java.util.stream.Collectors.toMap(PlaceShape::placeId, (s) -> s));
	}

}
