package org.oneweek.places;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.oneweek.OneweekTest;
import org.oneweek.casework.CaseFixtures;
import org.oneweek.places.internal.GeographyImport;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Villages on the map: the demo's shapes, a point found in its village (JTS) or near a
 * centre, imports of GeoJSON and CSV all or nothing, hand edits, and the small maps drawn
 * as inline SVG with no outside request.
 */
@OneweekTest
class GeographyTest {

	@Autowired
	Geography geography;

	@Autowired
	GeographyImport imports;

	@Autowired
	VillageMaps maps;

	@Autowired
	Places places;

	@Autowired
	CaseFixtures fixtures;

	@Autowired
	MockMvc mvc;

	VillageId village(String code) {
		return VillageId.of(fixtures.villageId(code));
	}

	List<VillageId> all() {
		return places.villages().stream().map(Village::id).toList();
	}

	@Test
	void aPointIsFoundInItsVillageOrNearItsCentre() {
		assertThat(geography.villages()).hasSizeGreaterThanOrEqualTo(12);
		assertThat(geography.townships()).hasSizeGreaterThanOrEqualTo(3);
		assertThat(geography.locate(new Coordinates(32.1234, 118.9876), all())).contains(village("DJ"));
		// the next village east on the same street
		assertThat(geography.locate(new Coordinates(32.125, 119.015), all())).contains(village("HW"));
		// between the shapes, but within 2 km of 东江村's centre
		assertThat(geography.locate(new Coordinates(32.139, 118.985), all())).contains(village("DJ"));
		assertThat(geography.locate(new Coordinates(39.9, 116.4), all())).isEmpty();
		// only among the candidates
		assertThat(geography.locate(new Coordinates(32.1234, 118.9876), List.of(village("HW")))).isEmpty();
	}

	@Test
	void boundariesAreCheckedAndImportsAreAllOrNothing() {
		assertThatThrownBy(
				() -> Geography.boundary("{\"type\":\"Polygon\",\"coordinates\":[[[0,0],[1,1],[1,0],[0,1],[0,0]]]}"))
			.isInstanceOf(PlaceRuleException.class)
			.hasMessageContaining("places.geo.invalid");
		assertThatThrownBy(() -> Geography.boundary("{\"type\":\"Point\",\"coordinates\":[0,0]}"))
			.isInstanceOf(PlaceRuleException.class);
		assertThatThrownBy(() -> Geography.boundary("not json")).isInstanceOf(PlaceRuleException.class);

		PlaceShape before = geography.village(village("LS")).orElseThrow();
		String mixed = """
				{"type":"FeatureCollection","features":[
				 {"type":"Feature","properties":{"code":"LS"},"geometry":{"type":"Point","coordinates":[119.05,32.13]}},
				 {"type":"Feature","properties":{"code":"NOPE"},"geometry":{"type":"Point","coordinates":[119.05,32.13]}}]}""";
		GeographyImport.Result refused = imports.apply(mixed.getBytes(StandardCharsets.UTF_8), "test", Instant.now());
		assertThat(refused.set()).isZero();
		assertThat(refused.problems()).extracting(GeographyImport.Problem::item).containsExactly(2);
		assertThat(geography.village(village("LS")).orElseThrow()).isEqualTo(before);

		String csv = "编码,纬度,经度\nLS," + before.centre().lat() + "," + before.centre().lon() + "\n";
		assertThat(imports.apply(csv.getBytes(StandardCharsets.UTF_8), "test", Instant.now()).set()).isEqualTo(1);
		assertThat(geography.village(village("LS")).orElseThrow().boundary()).isNull();
		// the boundary back, as GeoJSON
		String feature = "{\"type\":\"Feature\",\"properties\":{\"code\":\"LS\"},\"geometry\":" + before.boundary()
				+ "}";
		assertThat(imports.apply(feature.getBytes(StandardCharsets.UTF_8), "test", Instant.now()).set()).isEqualTo(1);
		assertThat(geography.village(village("LS")).orElseThrow().boundary()).isEqualTo(before.boundary());
	}

	@Test
	void theMapsAreInlineSvgWithNothingFromOutside() throws Exception {
		String svg = maps.villageInStreet(village("DJ"), new Coordinates(32.1234, 118.9876), "东江村");
		assertThat(svg).startsWith("<svg").contains("东江村", "河湾村", "<path", "<circle", "#f4c26b");
		assertThat(svg.replace("http://www.w3.org/2000/svg", "")).doesNotContain("http", "href", "<script", "style=");
		assertThat(maps.district("栖湖区")).contains("湖口村", "东江村");

		String board = mvc.perform(get("/board/DJ"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(board).contains("id=\"village-map\"", "<svg");
		String page = mvc.perform(get("/places/geography").with(user(fixtures.principal("admin"))))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(page).contains("id=\"district-map\"", "东江村");
	}

	@Test
	void theDepartmentImportsAndEditsByHand() throws Exception {
		long id = fixtures.villageId("SP");
		mvc.perform(post("/places/geography/villages/" + id).with(user(fixtures.principal("admin")))
			.with(csrf())
			.param("lat", "north")
			.param("lon", "119.0")).andExpect(status().isOk());
		mvc.perform(post("/places/geography/villages/" + id).with(user(fixtures.principal("admin")))
			.with(csrf())
			.param("lat", "32.1")
			.param("lon", "119.0")
			.param("boundary", "")).andExpect(status().is3xxRedirection());
		assertThat(geography.village(VillageId.of(id)).orElseThrow().centre()).isEqualTo(new Coordinates(32.1, 119.0));
		mvc.perform(post("/places/geography/villages/" + id).with(user(fixtures.principal("committee")))
			.with(csrf())
			.param("lat", "32.1")
			.param("lon", "119.0")).andExpect(status().isForbidden());
		MockMultipartFile file = new MockMultipartFile("file", "centres.csv", "text/csv",
				"code,lat,lon\nSP,32.2,119.1\nXX,1,1\n".getBytes(StandardCharsets.UTF_8));
		String refused = mvc.perform(
				multipart("/places/geography/import").file(file).with(user(fixtures.principal("admin"))).with(csrf()))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(refused).contains("XX");
		assertThat(geography.village(VillageId.of(id)).orElseThrow().centre().lat()).isEqualTo(32.1);
	}

}
