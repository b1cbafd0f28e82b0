package dev.opsshell.core.store;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.opsshell.core.history.HostRecord;
import dev.opsshell.core.history.Recipe;
import dev.opsshell.core.history.RunRecord;
import dev.opsshell.core.history.RunSource;
import dev.opsshell.core.result.Outcome;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** The {@code runs} and {@code run_hosts} tables: a {@link RunRecord} per run row, a {@link HostRecord} per host row. */
final class RunRows {
    private static final JsonFactory JSON = new JsonFactory();

    static final String SELECT = "SELECT id, started, finished, who, source_kind, source_detail, operation, target, via,"
            + " transport, exit_code, hosts, failed, recipe FROM runs";
    static final String INSERT = "INSERT INTO runs (started, finished, who, source_kind, source_detail, operation, target,"
            + " via, transport, exit_code, hosts, failed, duration_ms, recipe) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
            + " RETURNING id";
    static final String SELECT_HOSTS = "SELECT host, outcome, exit_code, duration_ms, transport, stdout, stderr, truncated,"
            + " message FROM run_hosts WHERE run_id = ? ORDER BY position";
    static final String INSERT_HOST = "INSERT INTO run_hosts (run_id, position, host, outcome, exit_code, duration_ms,"
            + " transport, stdout, stderr, truncated, message) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    private RunRows() {
    }

    /** Inserts the run, then its hosts as one batch; returns the run's new id. */
    static long insert(Connection c, RunRecord r, List<HostRecord> hosts) throws SQLException {
        long id = Jdbc.query(c, INSERT, rs -> rs.getLong(1), Times.text(r.started()), Times.text(r.finished()), r.who(),
                r.source().kind().name(), r.source().detail(), r.operation(), r.target(), r.via(), r.transport(),
                r.exitCode(), r.hosts(), r.failed(), r.duration().toMillis(), recipe(r.recipe())).get(0);
        try (PreparedStatement ps = c.prepareStatement(INSERT_HOST)) {
            int position = 0;
            for (HostRecord h : hosts) {
                ps.setLong(1, id);
                ps.setInt(2, position++);
                ps.setString(3, h.host());
                ps.setString(4, h.outcome().name());
                ps.setInt(5, h.exitCode());
                ps.setLong(6, h.duration().toMillis());
                ps.setString(7, h.transport());
                ps.setString(8, h.stdout());
                ps.setString(9, h.stderr());
                ps.setInt(10, h.truncated() ? 1 : 0);
                ps.setString(11, h.message());
                ps.addBatch();
            }
            if (position > 0) ps.executeBatch();
        }
        return id;
    }

    static RunRecord read(ResultSet rs) throws SQLException {
        return new RunRecord(rs.getLong("id"), Times.instant(rs.getString("started")), Times.instant(rs.getString("finished")),
                rs.getString("who"), new RunSource(RunSource.Kind.valueOf(rs.getString("source_kind")), rs.getString("source_detail")),
                rs.getString("operation"), rs.getString("target"), rs.getString("via"), rs.getString("transport"),
                rs.getInt("exit_code"), rs.getInt("hosts"), rs.getInt("failed"), recipe(rs.getString("recipe")));
    }

    static HostRecord readHost(ResultSet rs) throws SQLException {
        return new HostRecord(rs.getString("host"), Outcome.valueOf(rs.getString("outcome")), rs.getInt("exit_code"),
                Duration.ofMillis(rs.getLong("duration_ms")), rs.getString("transport"), rs.getString("stdout"),
                rs.getString("stderr"), rs.getInt("truncated") != 0, rs.getString("message"));
    }

    /** The WHERE clause and its values for a query's filters (empty when it has none). */
    static List<Object> where(dev.opsshell.core.history.RunQuery q, StringBuilder sql) {
        List<String> clauses = new ArrayList<>();
        List<Object> values = new ArrayList<>();
        if (q.failedOnly()) clauses.add("failed > 0");
        if (q.host() != null && !q.host().isBlank()) {
            clauses.add("EXISTS (SELECT 1 FROM run_hosts h WHERE h.run_id = runs.id AND h.host = ?)");
            values.add(q.host().strip());
        }
        if (q.operation() != null && !q.operation().isBlank()) {
            clauses.add("lower(operation) LIKE ? ESCAPE '\\'");
            values.add(like(q.operation().strip().toLowerCase(java.util.Locale.ROOT)));
        }
        if (q.since() != null) {
            clauses.add("finished >= ?");
            values.add(Times.text(q.since()));
        }
        if (q.until() != null) {
            clauses.add("finished < ?");
            values.add(Times.text(q.until()));
        }
        if (!clauses.isEmpty()) sql.append(" WHERE ").append(String.join(" AND ", clauses));
        return values;
    }

    /** A glob ({@code *}, {@code ?}) as a LIKE pattern with {@code \} escaping LIKE's own wildcards. */
    static String like(String glob) {
        StringBuilder out = new StringBuilder();
        for (char ch : glob.toCharArray()) {
            switch (ch) {
                case '*' -> out.append('%');
                case '?' -> out.append('_');
                case '%', '_', '\\' -> out.append('\\').append(ch);
                default -> out.append(ch);
            }
        }
        return out.toString();
    }

    // Jackson's streaming API rather than an ObjectMapper: a one-liner records a run at every start,
    // and the mapper's setup costs a fresh JVM more than the whole write
    private static String recipe(Recipe r) {
        if (r == null) return null;
        java.io.StringWriter out = new java.io.StringWriter();
        try (JsonGenerator g = JSON.createGenerator(out)) {
            g.writeStartObject();
            g.writeStringField("name", r.name());
            g.writeArrayFieldStart("args");
            for (String a : r.args()) g.writeString(a);
            g.writeEndArray();
            g.writeEndObject();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e); // a StringWriter does not fail
        }
        return out.toString();
    }

    private static Recipe recipe(String text) {
        if (text == null || text.isBlank()) return null;
        String name = null;
        List<String> args = new ArrayList<>();
        try (JsonParser p = JSON.createParser(text)) {
            if (p.nextToken() != JsonToken.START_OBJECT) return null;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.getCurrentName();
                JsonToken value = p.nextToken();
                if (field.equals("name")) name = p.getText();
                else if (field.equals("args") && value == JsonToken.START_ARRAY) {
                    while (p.nextToken() == JsonToken.VALUE_STRING) args.add(p.getText());
                } else p.skipChildren();
            }
            return name == null ? null : new Recipe(name, args);
        } catch (java.io.IOException | IllegalArgumentException e) {
            return null; // a recipe this version cannot read: the run shows as not rebuildable
        }
    }
}
