package dev.opsshell.core.store;

import dev.opsshell.core.system.DriverSection;
import dev.opsshell.core.system.Machine;
import dev.opsshell.core.system.MachineState;

import java.sql.ResultSet;
import java.sql.SQLException;

/** The {@code machines} table: a {@link Machine} per row; volumes, tags and driver settings as JSON text. */
final class MachineRows {
    static final String COLUMNS = "id, hostname, domain, username, os, cpu, ram_mb, volumes, ip, type, tags, state,"
            + " driver_kind, driver_settings, ref, error, created";
    static final String SELECT = "SELECT " + COLUMNS + " FROM machines";
    static final String INSERT = "INSERT INTO machines (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    static final String UPDATE = "UPDATE machines SET hostname = ?, domain = ?, username = ?, os = ?, cpu = ?, ram_mb = ?,"
            + " volumes = ?, ip = ?, type = ?, tags = ?, state = ?, driver_kind = ?, driver_settings = ?, ref = ?,"
            + " error = ?, created = ? WHERE id = ?";

    private MachineRows() {
    }

    /** The values for {@link #INSERT}, in column order. */
    static Object[] insertValues(Machine m) {
        Object[] rest = updateValues(m);
        Object[] all = new Object[rest.length];
        all[0] = m.id();
        System.arraycopy(rest, 0, all, 1, rest.length - 1);
        return all;
    }

    /** The values for {@link #UPDATE}: every column but the id, then the id. */
    static Object[] updateValues(Machine m) {
        return new Object[]{m.hostname(), m.domain(), m.user(), m.os(), m.cpu(), m.ramMb(),
                JsonColumns.volumes(m.volumes()), m.ip(), m.type(), JsonColumns.tags(m.tags()), m.state().name(),
                m.driver().kind(), JsonColumns.map(m.driver().settings()), m.ref(), m.error(), Times.text(m.created()),
                m.id()};
    }

    static Machine read(ResultSet rs) throws SQLException {
        return new Machine(rs.getString("id"), rs.getString("hostname"), rs.getString("domain"), rs.getString("username"),
                rs.getString("os"), rs.getInt("cpu"), rs.getInt("ram_mb"), JsonColumns.volumes(rs.getString("volumes")),
                rs.getString("ip"), rs.getString("type"), JsonColumns.tags(rs.getString("tags")),
                MachineState.valueOf(rs.getString("state")),
                DriverSection.of(rs.getString("driver_kind"), JsonColumns.map(rs.getString("driver_settings"))),
                rs.getString("ref"), rs.getString("error"), Times.instant(rs.getString("created")));
    }
}
