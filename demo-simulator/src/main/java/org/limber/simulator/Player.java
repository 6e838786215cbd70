package org.limber.simulator;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import com.fasterxml.jackson.databind.JsonNode;

/** A member being played: their script, identity, plan in force and this plan week's count. */
final class Player {
    final int index;
    final String username;
    final MemberScript script;
    final String clinician;
    Keycloak.UserToken token;
    String memberId;
    JsonNode plan;
    LocalDate planStart;
    LocalDate weekStart;
    int doneThisWeek;
    boolean referred;
    boolean suspended;
    boolean needsReview;
    boolean idle;
    LocalDate lastHighPain;
    /** The start of the member's first plan: the questionnaires' day 0 (a flare's new plan does not move it). */
    LocalDate programStart;
    /** The questionnaire timepoints answered (or found not due), as "PEG@42". */
    final java.util.Set<String> questionnairesDone = new java.util.HashSet<>();

    Player(int index, String username, MemberScript script, String clinician) {
        this.index = index;
        this.username = username;
        this.script = script;
        this.clinician = clinician;
    }

    /** Who is who: the demo member first (an improver), one member with a red flag, the rest drawn from the mix. */
    static List<Player> cast(SimulatorConfig config, LocalDate first, int enrolmentDays, List<String> clinicianIds) {
        Random random = new Random(config.seed());
        List<Player> players = new ArrayList<>();
        int flares = 0;
        for (int i = 0; i < config.members(); i++) {
            Persona persona;
            String username;
            if (i == 0 && config.demoMember() != null) {
                persona = Persona.IMPROVER;
                username = config.demoMember();
            } else {
                persona = i == 1 ? Persona.RED_FLAG : Persona.pick(random.nextDouble());
                username = config.usernamePrefix() + String.format("%04d", i);
            }
            boolean redFlagInFlare = persona == Persona.FLARE && flares++ == 0;
            LocalDate enrolled = first.plusDays(i == 0 ? 0 : random.nextInt(enrolmentDays));
            MemberScript script = new MemberScript(persona, config.seed() * 31 + i, enrolled, redFlagInFlare);
            players.add(new Player(i, username, script, clinicianIds.get(i % clinicianIds.size())));
        }
        return players;
    }
}
