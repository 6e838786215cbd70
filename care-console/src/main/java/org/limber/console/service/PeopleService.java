package org.limber.console.service;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.rest.client.inject.RestClient;

import org.limber.console.client.DirectoryClient;
import org.limber.console.client.DirectoryViews.Clinician;
import org.limber.console.client.DirectoryViews.Member;
import org.limber.console.client.DirectoryViews.Move;
import org.limber.console.client.DirectoryViews.Moved;
import org.limber.console.client.DirectoryViews.Person;
import org.limber.console.client.Page;

import static org.limber.console.service.ServiceCalls.call;

/**
 * Names instead of ids, from routine-service's directory: the names the signed-in user may see
 * (a clinician their own panel's members and the clinicians, an admin everyone). The console keeps
 * no name: each page asks for the names of the ids it shows, in one call per 100 ids.
 */
@ApplicationScoped
public class PeopleService {

    static final String ROUTINE = "routine service";
    static final int IDS_PER_CALL = 100;

    private final DirectoryClient directory;

    public PeopleService(@RestClient DirectoryClient directory) {
        this.directory = directory;
    }

    /**
     * The names of {@code ids} the user may see, by id. A name is secondary: when the directory does
     * not answer, the map is empty and the page shows ids.
     */
    public Map<String, String> names(Collection<String> ids) {
        List<String> distinct = new ArrayList<>(
                new LinkedHashSet<>(ids.stream().filter(Objects::nonNull).toList()));
        Map<String, String> names = new HashMap<>();
        try {
            for (int from = 0; from < distinct.size(); from += IDS_PER_CALL) {
                List<String> chunk = distinct.subList(from, Math.min(distinct.size(), from + IDS_PER_CALL));
                for (Person p : call(ROUTINE, () -> directory.byIds(chunk))) {
                    names.put(p.id(), p.name());
                }
            }
        } catch (ServiceException e) {
            return Map.of();
        }
        return names;
    }

    /** A page of a search, its members' ids in order, and their names. */
    public record Found(Page<Member> page, List<String> ids, Map<String, String> names) {}

    /** Members by part of a name, e-mail or id (null: all), in the directory's order. */
    public Found search(String q, String sort, int page, int size) {
        Page<Member> found = members(q, sort, page, size);
        Map<String, String> names = new HashMap<>();
        found.items().forEach(m -> names.put(m.id(), m.name()));
        return new Found(found, found.items().stream().map(Member::id).toList(), names);
    }

    public Page<Member> members(String q, String sort, int page, int size) {
        return call(ROUTINE, () -> directory.members(q, sort, page, size));
    }

    public List<Clinician> clinicians() {
        return call(ROUTINE, directory::clinicians);
    }

    public Moved movePanel(String from, String to) {
        return call(ROUTINE, () -> directory.movePanel(from, new Move(to)));
    }
}
