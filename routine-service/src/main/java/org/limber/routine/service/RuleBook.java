package org.limber.routine.service;

import java.util.List;
import jakarta.enterprise.context.ApplicationScoped;

import org.limber.routine.domain.IntakeAssessment;
import org.limber.routine.domain.adapt.ProgressionRules;
import org.limber.routine.domain.plan.PlanBuilder;
import org.limber.routine.domain.plan.Rule;
import org.limber.routine.domain.plan.Rules;
import org.limber.routine.domain.safety.RedFlagAdvice;

/** The condition and progression rules and the red-flag advice clinicians maintain, read once at start, and the builder using them. */
@ApplicationScoped
public class RuleBook {

    private final List<Rule> rules = Rules.load();
    private final PlanBuilder builder = new PlanBuilder(rules);
    private final IntakeAssessment assessment = new IntakeAssessment(builder);
    private final ProgressionRules progression = ProgressionRules.load();
    private final RedFlagAdvice advice = RedFlagAdvice.load();

    public List<Rule> rules() {
        return rules;
    }

    public PlanBuilder builder() {
        return builder;
    }

    public IntakeAssessment assessment() {
        return assessment;
    }

    public ProgressionRules progression() {
        return progression;
    }

    public RedFlagAdvice advice() {
        return advice;
    }
}
