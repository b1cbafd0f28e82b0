package dev.opsshell.core.store;

/** The two databases a store can live in; the schema is the same, the DDL differs in a few words. */
public enum Dialect {
    SQLITE("sqlite"), POSTGRESQL("postgresql");

    private final String word;

    Dialect(String word) {
        this.word = word;
    }

    public String word() {
        return word;
    }

    /** Where this dialect's Flyway migrations are on the class path. */
    String migrations() {
        return "classpath:dev/opsshell/core/store/migration/" + word;
    }
}
