package org.limber.routine.domain.plan;

import java.util.List;
import java.util.Set;

import org.limber.events.catalog.Category;
import org.limber.events.catalog.Direction;
import org.limber.events.catalog.Equipment;
import org.limber.events.catalog.Level;
import org.limber.events.catalog.Position;
import org.limber.events.catalog.SafetyTag;
import org.limber.events.catalog.SpinalLoad;

/** A published exercise as the plan builder sees it (from the service's copy of the catalog). */
public record ExerciseOption(
        String slug,
        int version,
        String name,
        Category category,
        Position position,
        Set<Equipment> equipment,
        Level level,
        boolean unilateral,
        Direction direction,
        SpinalLoad spinalLoad,
        Set<SafetyTag> safetyTags,
        Dose dose,
        List<String> easier,
        List<String> harder) {}
