package dev.opsshell.remote;

/** Quoting for POSIX shells, so paths and arguments reach the remote command as written. */
public final class Quote {
    private Quote() {
    }

    /** {@code it's} becomes {@code 'it'\''s'}; plain words are left alone. */
    public static String shell(String word) {
        if (!word.isEmpty() && word.matches("[A-Za-z0-9_./:=@%+,-]+")) return word;
        return "'" + word.replace("'", "'\\''") + "'";
    }
}
