package dev.opsshell.remote.check;

/**
 * What an attribute is expected to be, with goss's meaning: a string is compared as a string, a
 * number as a number (the observed text converted), a bool as a bool, a list means "contains
 * these", and the advanced matchers ({@code have-prefix}, {@code match-regexp}, {@code gt},
 * {@code contain-element}, {@code consist-of}, {@code not}, {@code and}, {@code or} …) as goss
 * builds them on gomega. Observed values are Boolean, Long, String or List of String.
 */
public interface Matcher {

    boolean matches(Object observed);

    /** How the expectation reads next to the observed value: {@code "0644"}, {@code > 200}, {@code contains [foo]}. */
    String describe();
}
