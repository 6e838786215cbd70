package org.limber.engagement.repository;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/** Who can be reached by e-mail, and who is an admin, as learned from each user's own token. */
@ApplicationScoped
public class ContactStore {

    private final DataSource dataSource;

    public ContactStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Records the caller's e-mail, name and roles; does nothing when they are as stored. */
    @Transactional
    public void remember(String userId, String email, String name, List<String> roles, Instant now) {
        try (Connection db = Rows.connection(dataSource);
                PreparedStatement upsert = db.prepareStatement("""
                        insert into contact (user_id, email, name, roles, updated_at) values (?, ?, ?, ?, ?)
                        on conflict (user_id) do update set email = excluded.email, name = excluded.name,
                            roles = excluded.roles, updated_at = excluded.updated_at
                        where contact.email is distinct from excluded.email or contact.name is distinct from excluded.name
                            or contact.roles is distinct from excluded.roles
                        """)) {
            upsert.setString(1, userId);
            upsert.setString(2, email);
            upsert.setString(3, name);
            upsert.setArray(4, db.createArrayOf("text", roles.stream().sorted().toArray()));
            upsert.setTimestamp(5, Rows.timestamp(now));
            upsert.executeUpdate();
        } catch (SQLException e) {
            throw Rows.failed(e);
        }
    }

    /** The e-mail addresses of the users that have one, by user id. */
    public Map<String, String> emails(Collection<String> userIds) {
        Map<String, String> emails = new HashMap<>();
        try (Connection db = Rows.connection(dataSource);
                PreparedStatement select = db.prepareStatement(
                        "select user_id, email from contact where user_id = any(?) and email is not null")) {
            select.setArray(1, db.createArrayOf("text", userIds.toArray()));
            try (ResultSet r = select.executeQuery()) {
                while (r.next()) {
                    emails.put(r.getString("user_id"), r.getString("email"));
                }
            }
        } catch (SQLException e) {
            throw Rows.failed(e);
        }
        return emails;
    }

    /** The users whose token carried {@code role}. */
    public List<String> withRole(String role) {
        List<String> users = new ArrayList<>();
        try (Connection db = Rows.connection(dataSource);
                PreparedStatement select =
                        db.prepareStatement("select user_id from contact where ? = any(roles) order by user_id")) {
            select.setString(1, role);
            try (ResultSet r = select.executeQuery()) {
                while (r.next()) {
                    users.add(r.getString(1));
                }
            }
        } catch (SQLException e) {
            throw Rows.failed(e);
        }
        return users;
    }
}
