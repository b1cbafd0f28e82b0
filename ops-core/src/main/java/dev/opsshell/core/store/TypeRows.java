package dev.opsshell.core.store;

import dev.opsshell.core.system.Type;

import java.sql.ResultSet;
import java.sql.SQLException;

/** The {@code types} table: a {@link Type} per row, its plan as JSON text. Saving a type again replaces it. */
final class TypeRows {
    static final String SELECT = "SELECT name, description, plan, username, key_path FROM types";
    static final String UPSERT = "INSERT INTO types (name, description, plan, username, key_path) VALUES (?, ?, ?, ?, ?)"
            + " ON CONFLICT (name) DO UPDATE SET description = excluded.description, plan = excluded.plan,"
            + " username = excluded.username, key_path = excluded.key_path";

    private TypeRows() {
    }

    static Object[] values(Type t) {
        return new Object[]{t.name(), t.description(), JsonColumns.plan(t.plan()), t.user(), t.keyPath()};
    }

    static Type read(ResultSet rs) throws SQLException {
        return new Type(rs.getString("name"), rs.getString("description"), JsonColumns.plan(rs.getString("plan")),
                rs.getString("username"), rs.getString("key_path"));
    }
}
