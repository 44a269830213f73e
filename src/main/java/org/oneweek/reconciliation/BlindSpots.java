package org.oneweek.reconciliation;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.oneweek.places.Township;
import org.oneweek.places.Village;
import org.oneweek.reconciliation.WeekReconciliation.Line;
import org.oneweek.reconciliation.WeekReconciliation.Outcome;

/**
 * The district's view: for each village, street and category, over weeks, how many of the
 * problems villagers raised no official had listed (the blind-spot rate), with the cases
 * behind each number.
 */
public record BlindSpots(List<LocalDate> weeks, List<Row> villages, List<Row> townships, List<Row> categories) {

	/**
	 * One week of one row: villagers' problems, those only villagers raised, and which.
	 */
	public record Cell(int villagers, int blind, List<Item> blindItems) {

		public Cell {
			blindItems = List.copyOf(blindItems);
		}

		public double rate() {
			return (villagers == 0) ? 0 : (double) blind / villagers;
		}

		Cell plus(Cell other) {
			List<Item> items = new ArrayList<>(blindItems);
			items.addAll(other.blindItems);
			return new Cell(villagers + other.villagers, blind + other.blind, items);
		}

		static final Cell EMPTY = new Cell(0, 0, List.of());

	}

	/** A village, a street or a category, week by week, and all weeks together. */
	public record Row(String key, String name, String street, List<Cell> cells, Cell total) {

	}

	static BlindSpots of(List<LocalDate> weeks, Map<Village, List<WeekReconciliation>> byVillage,
			Map<Long, Township> townships) {
		List<Row> villageRows = new ArrayList<>();
		Map<String, List<Cell>> streetCells = new LinkedHashMap<>();
		Map<String, String> streetNames = new LinkedHashMap<>();
		Map<String, List<Cell>> categoryCells = new LinkedHashMap<>();
		byVillage.forEach((village, reconciliations) -> {
			Township township = townships.get(village.townshipId().value());
			String street = (township != null) ? township.name() : "";
			String streetKey = village.townshipId().toString();
			streetNames.put(streetKey, street);
			List<Cell> cells = new ArrayList<>();
			for (int w = 0; w < reconciliations.size(); w++) {
				WeekReconciliation r = reconciliations.get(w);
				Cell cell = Cell.EMPTY;
				for (Line line : r.lines()) {
					if (line.outcome() != Outcome.MATCHED && line.outcome() != Outcome.VILLAGER_ONLY) {
						continue;
					}
					boolean blind = line.outcome() == Outcome.VILLAGER_ONLY;
					Cell one = new Cell(1, blind ? 1 : 0, blind
							? line.items().stream().filter((i) -> i.kind() == ItemKind.VILLAGER).toList() : List.of());
					cell = cell.plus(one);
					List<Cell> byCategory = categoryCells.computeIfAbsent(line.category(), (c) -> empty(weeks.size()));
					byCategory.set(w, byCategory.get(w).plus(one));
				}
				cells.add(cell);
				List<Cell> byStreet = streetCells.computeIfAbsent(streetKey, (s) -> empty(weeks.size()));
				byStreet.set(w, byStreet.get(w).plus(cell));
			}
			villageRows.add(new Row(village.id().toString(), village.name(), street, cells, sum(cells)));
		});
		List<Row> streetRows = new ArrayList<>();
		streetCells.forEach((key, cells) -> streetRows
			.add(new Row(key, streetNames.get(key), streetNames.get(key), cells, sum(cells))));
		List<Row> categoryRows = new ArrayList<>();
		categoryCells.forEach((key, cells) -> categoryRows.add(new Row(key, key, "", cells, sum(cells))));
		return new BlindSpots(weeks, villageRows, streetRows, categoryRows);
	}

	private static List<Cell> empty(int n) {
		List<Cell> cells = new ArrayList<>(n);
		for (int i = 0; i < n; i++) {
			cells.add(Cell.EMPTY);
		}
		return cells;
	}

	private static Cell sum(List<Cell> cells) {
		Cell total = Cell.EMPTY;
		for (Cell cell : cells) {
			total = total.plus(cell);
		}
		return total;
	}

}
