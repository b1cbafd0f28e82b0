package dev.opsshell.core.store;

import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.sql.SQLException;

/**
 * A database failure as the operator reads it: which store, what was being done, and what to do
 * (chmod, start PostgreSQL, choose another store). Every message and every cause's message goes
 * through {@link StoreLocation#redact}, so no password reaches a screen or a log.
 */
final class StoreErrors {
    static final String CHOOSE_ANOTHER = "or choose another store with --store or OPS_STORE";

    private StoreErrors() {
    }

    static StoreException of(StoreLocation at, String doing, Throwable e) {
        String why = rootMessage(e);
        String message = at.dialect() == Dialect.SQLITE ? sqlite(at, doing, e, why) : postgresql(at, doing, e, why);
        return new StoreException(at.redact(message), redacted(at, e));
    }

    /** The store's file or directory {@code path} cannot be used, with why (not writable, not a directory). */
    static StoreException unusable(String what, java.nio.file.Path path, String why) {
        return new StoreException(what + " " + path + " " + why + ": make it writable (chmod u+w " + path + ") "
                + CHOOSE_ANOTHER);
    }

    private static String sqlite(StoreLocation at, String doing, Throwable e, String why) {
        SQLiteErrorCode code = null;
        for (Throwable t = e; t != null && code == null; t = t.getCause()) {
            if (t instanceof SQLiteException s) code = s.getResultCode();
        }
        String file = at.file().toString();
        String dir = at.file().getParent() == null ? "." : at.file().getParent().toString();
        if (code != null) {
            switch (code) {
                case SQLITE_READONLY, SQLITE_READONLY_DBMOVED, SQLITE_READONLY_CANTLOCK, SQLITE_READONLY_RECOVERY,
                     SQLITE_READONLY_ROLLBACK, SQLITE_CANTOPEN, SQLITE_PERM, SQLITE_IOERR_ACCESS, SQLITE_AUTH -> {
                    return "cannot write the store " + file + " (" + why + ") while " + doing
                            + ": make the file and its directory writable (chmod u+w " + file + " " + dir + ") "
                            + CHOOSE_ANOTHER;
                }
                case SQLITE_NOTADB, SQLITE_CORRUPT -> {
                    return "the store " + file + " is not a readable SQLite database (" + why + "): move it away "
                            + CHOOSE_ANOTHER;
                }
                case SQLITE_FULL -> {
                    return "the disk holding the store " + file + " is full (" + why + "): free some space " + CHOOSE_ANOTHER;
                }
                default -> {
                    // the general message below says what was done and what failed
                }
            }
        }
        return "the store " + file + " failed while " + doing + ": " + why;
    }

    private static String postgresql(StoreLocation at, String doing, Throwable e, String why) {
        String server = at.server();
        String state = sqlState(e);
        if (causedBy(e, ConnectException.class, NoRouteToHostException.class, SocketTimeoutException.class,
                UnknownHostException.class) || (state != null && state.startsWith("08"))) {
            return "PostgreSQL at " + server + " does not answer (" + why + "): start it, or check the host and port in "
                    + at.where() + ", " + CHOOSE_ANOTHER;
        }
        if (state != null && state.startsWith("28")) {
            return "PostgreSQL at " + server + " refused the login (" + why + "): give the user in the URL and the"
                    + " password in PGPASSWORD or ~/.pgpass, " + CHOOSE_ANOTHER;
        }
        if ("3D000".equals(state)) {
            return "PostgreSQL at " + server + " has no such database (" + why + "): create it (createdb), "
                    + CHOOSE_ANOTHER;
        }
        return "the store " + at.where() + " failed while " + doing + ": " + why;
    }

    private static String sqlState(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException s && s.getSQLState() != null) return s.getSQLState();
        }
        return null;
    }

    @SafeVarargs
    private static boolean causedBy(Throwable e, Class<? extends Throwable>... kinds) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            for (Class<? extends Throwable> k : kinds) if (k.isInstance(t)) return true;
        }
        return false;
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t && !(t instanceof SQLException && t.getMessage() != null)) {
            t = t.getCause();
        }
        String m = t.getMessage();
        return m == null ? t.getClass().getSimpleName() : m.strip();
    }

    /** A copy of the cause chain with every message redacted (stack traces kept for debugging). */
    private static Throwable redacted(StoreLocation at, Throwable e) {
        if (e == null) return null;
        Throwable copy = new RedactedCause(e.getClass().getName() + ": " + at.redact(String.valueOf(e.getMessage())),
                redacted(at, e.getCause() == e ? null : e.getCause()));
        copy.setStackTrace(e.getStackTrace());
        return copy;
    }

    /** A cause whose message was redacted; its text starts with the original exception's class. */
    static final class RedactedCause extends RuntimeException {
        RedactedCause(String message, Throwable cause) {
            super(message, cause);
        }

        @Override
        public String toString() {
            return getMessage();
        }
    }
}
